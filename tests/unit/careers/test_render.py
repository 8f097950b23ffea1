"""careers/render.py: figures formatted with what they are, names joined."""

from __future__ import annotations

import dataclasses

import pytest

from careers import knowledge, render

KB = knowledge.load()
FIGURE = KB.roles["data_scientist"].section("salary").figures[0]


@pytest.mark.parametrize(
    ("unit", "value", "text"),
    [
        ("usd_per_year", 129189, "$129,189 a year"),
        ("percent", 35, "+35%"),
        ("jobs", 59400, "59,400"),
        ("jobs_per_year", 23400, "about 23,400 a year"),
    ],
)
def test_value_formats_by_unit(unit: str, value: float, text: str) -> None:
    assert render.value(dataclasses.replace(FIGURE, unit=unit, value=value)) == text


def test_unstated_period_and_geography_are_said_plainly() -> None:
    figure = dataclasses.replace(FIGURE, period="not stated", geography="not stated")
    assert render.citation(figure, KB).startswith("period not stated; ")


def test_join_names() -> None:
    assert render.join_names(["A"]) == "A"
    assert render.join_names(["A", "B", "C"]) == "A, B and C"
