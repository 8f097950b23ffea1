"""Figure formatting, citations, the sources answer and fallback suggestions."""

from __future__ import annotations

import dataclasses

import pytest

from careers import fallback, knowledge, render, sources

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


def test_sources_answer_lists_every_source_with_its_date_and_status() -> None:
    text = sources.describe_sources(KB)
    for source in KB.sources.values():
        assert f'{source.name}, "{source.title}" ({source.published};' in text
    assert "read on a page that quotes the publisher" in text


def test_join_names() -> None:
    assert render.join_names(["A"]) == "A"
    assert render.join_names(["A", "B", "C"]) == "A, B and C"


def test_fallback_suggests_question_intents_only_best_first_for_the_role_in_context() -> None:
    ranking = ["nlu_fallback", "ask_role_salary", "greet", "compare_roles", "ask_role_skills", "ask_sources"]
    found = fallback.suggestions(KB, ranking, "data_scientist")
    assert [(s.title, s.intent) for s in found] == [
        ("Salary (Data Scientists)", "ask_role_salary"),
        ("Compare the roles", "compare_roles"),
        ("Skills (Data Scientists)", "ask_role_skills"),
    ]


def test_fallback_offers_nothing_for_chitchat() -> None:
    assert fallback.suggestions(KB, ["greet", "out_of_scope", "ask_role_astrology"], None) == []
