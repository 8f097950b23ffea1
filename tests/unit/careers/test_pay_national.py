"""careers/pay_national.py: each role's first pay answer is the BLS OEWS May 2025 national median
with its change since the knowledge base's May 2024 figure; the older figures stay one click
away, each with its source; proxies are said before any figure."""

from __future__ import annotations

import re

import pytest

from careers import detail, knowledge, pay_national, render, wages, wages_kb
from careers.answer import MAX_CHARS

KB = knowledge.default()
W = wages_kb.default()


@pytest.mark.parametrize("role_id", sorted(KB.roles))
def test_the_first_answer_is_may_2025_primary_with_the_change_and_fits_a_phone(role_id: str) -> None:
    answer = pay_national.first_answer(KB, W, role_id)
    entry = W.roles[role_id]
    national = W.estimate(entry.soc)
    assert national is not None
    lines = answer.text.splitlines()
    assert lines[0] == f"{KB.roles[role_id].plural}: salary"
    assert len(answer.text) <= MAX_CHARS
    assert (
        f"- Median annual pay: {wages.money(national.median)} a year (US, May 2025; BLS OEWS)" in answer.text
    )
    change = wages.change_since(KB, W, entry.soc)
    if change is not None:
        assert change.phrase() in answer.text
    if entry.proxy or entry.label:  # as honest as the role file: the proxy before any figure
        assert lines[1].lower().startswith(entry.label.lower()[:20])
    more = answer.buttons[0]
    assert more.entities == {"detail": detail.role_key(role_id, "salary")}
    assert more.title == f"All {pay_national.figure_count(KB, W, role_id)} salary figures"


def test_data_scientists_up_6_8_percent_from_112590() -> None:
    text = pay_national.first_answer(KB, W, "data_scientist").text
    assert "$120,230 a year (US, May 2025; BLS OEWS), up 6.8% from $112,590 in May 2024" in text


@pytest.mark.parametrize("role_id", sorted(KB.roles))
def test_the_detail_keeps_every_older_figure_with_its_source(role_id: str) -> None:
    full = pay_national.detail(KB, W, role_id)
    for figure in KB.roles[role_id].section("salary").figures:
        assert render.figure_line(figure, KB) in full
    assert "(US, May 2025;" in full
    sources = full.splitlines()[-1]
    assert sources.startswith(
        "Sources: US Bureau of Labor Statistics, Occupational Employment and Wage Statistics"
    )


def test_a_long_lead_still_fits_and_keeps_the_figure() -> None:
    lead = (
        "My salary figures are for the whole occupation across all employers; I have none for Google in "
        "particular."
    )
    for role_id in KB.roles:
        text = pay_national.first_answer(KB, W, role_id, lead).text
        assert len(text) <= MAX_CHARS and text.startswith(lead)
        assert re.search(r"- Median annual pay: \$[\d,]+ a year \(US, May 2025", text), role_id
