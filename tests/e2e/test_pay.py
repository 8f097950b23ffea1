"""Pay by place, level and industry through the REST channel with the real servers (issue 18):
five roles × five places × the levels, typed as a person types them (a state, a nickname, a city
of a metro area, a postal code, a typo), each figure checked against knowledge_base/wages read as
plain CSV (harness/pay_places.py; tests/unit/scripts ties that file to BLS's database); then
where the jobs are, two places, the family in one place, the first national answer, the sources.
The conversations are left in test-artifacts/pay_transcripts.txt."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from careers.answer import MAX_CHARS
from harness.pay_places import Database, gives
from harness.servers import Stack

DB = Database()
ROLES = {  # role id → how a person names it
    "data_scientist": "data scientists",
    "data_engineer": "data engineers",
    "database_administrator": "DBAs",
    "statistician": "statisticians",
    "machine_learning_engineer": "ML engineers",
}
PLACES = {  # as typed → the BLS area and how BLS names it
    "Texas": ("4800000", "Texas"),
    "NYC": ("0035620", "New York-Newark-Jersey City, NY-NJ"),
    "Oakland": ("0041860", "San Francisco-Oakland-Fremont, CA"),
    "WA": ("5300000", "Washington"),
    "Philadelpia": ("0037980", "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD"),
}
LEVELS = {  # as typed → the percentiles the answer gives
    "": ("median", "p10", "p90"),
    "entry level": ("p10", "p25"),
    "senior": ("p75", "p90"),
    "mid-level": ("p25", "median", "p75"),
}
TRANSCRIPT: list[str] = []


def sender() -> str:
    return f"pay-{uuid.uuid4().hex[:8]}"


def ask(stack: Stack, me: str, message: str) -> str:
    replies = stack.say(me, message)
    text = "\n".join(r.get("text") or "" for r in replies)
    buttons = [b["title"] for r in replies for b in r.get("buttons") or []]
    TRANSCRIPT.append(f">>> {message}\n{text}\n    [{' | '.join(buttons)}]\n")
    return text


@pytest.fixture(scope="module", autouse=True)
def transcript(artifacts: Path) -> object:
    yield
    (artifacts / "pay_transcripts.txt").write_text("\n".join(TRANSCRIPT), encoding="utf-8")


@pytest.mark.parametrize("role", ROLES)
def test_five_roles_in_five_places_at_every_level(stack: Stack, role: str) -> None:
    soc = DB.soc[role]
    problems = []
    for typed, (area, title) in PLACES.items():
        for level, statistics in LEVELS.items():
            question = f"what do {level + ' ' if level else ''}{ROLES[role]} earn in {typed}?"
            text = ask(stack, sender(), question)
            if len(text) > MAX_CHARS or title not in text or "BLS OEWS, May 2025" not in text:
                problems.append(f"{question}: {text[:200]!r}")
                continue
            if (soc, area, "000000") in DB.rows:  # unpublished values are said "not published"
                wrong = [s for s in statistics if not gives(text, DB.value(soc, area, s), s)]
                if wrong:
                    problems.append(f"{question}: {wrong} not the database's in {text!r}")
            elif "has no figures" not in text:
                problems.append(f"{question}: BLS publishes none, and the answer does not say so: {text!r}")
            if level and "not a starting salary" not in text:
                problems.append(f"{question}: a level without its honest label: {text!r}")
    assert problems == []


def test_where_the_jobs_are_and_how_many(stack: Stack) -> None:
    text = ask(stack, sender(), "how many data scientists work in Ohio?")
    ohio = DB.value("15-2051", "3900000", "employment")
    assert gives(text, ohio, "employment") and "Ohio" in text
    text = ask(stack, sender(), "which state pays database administrators the most?")
    assert text.startswith("States (DC and territories included) with the highest median annual pay")
    first = text.split("\n1. ")[1].split("\n")[0]
    state, amount = first.rsplit(": ", 1)
    assert amount == f"${DB.value('15-1242', DB.area_by_title[state], 'median'):,.0f}"
    text = ask(stack, sender(), "where are the most jobs for statisticians?")
    assert "with the most jobs for Statisticians" in text


def test_two_places_and_the_family_in_one_place(stack: Stack) -> None:
    text = ask(stack, sender(), "data engineer pay: Texas or California?")
    for area in ("4800000", "0600000"):
        assert gives(text, DB.value("15-1243", area, "median"), "median")
    assert "proxy" in text.splitlines()[0]
    text = ask(stack, sender(), "which data job pays the most in Seattle?")
    assert text.startswith(
        "Median annual pay in Seattle-Tacoma-Bellevue, WA (BLS OEWS, May 2025), like for like:"
    )
    assert gives(text, DB.value("15-1221", "0042660", "median"), "median")


def test_the_first_national_answer_is_may_2025_and_the_older_figures_are_one_click_away(stack: Stack) -> None:
    me = sender()
    first = ask(stack, me, "how much do data scientists make?")
    assert "- Median annual pay: $120,230 a year (US, May 2025; BLS OEWS), up 6.8% from $112,590" in first
    more = ask(stack, me, "tell me more")
    assert "$129,189 a year (US, 2024; Blockchain Council article" in more  # the founding article's
    assert "(US, May 2025;" in more


def test_a_follow_up_keeps_the_place_and_a_place_abroad_keeps_its_sentence(stack: Stack) -> None:
    me = sender()
    ask(stack, me, "what do data analysts make in Denver?")
    text = ask(stack, me, "and DBAs?")
    assert "Denver-Aurora-Centennial, CO" in text
    assert gives(text, DB.value("15-1242", "0019740", "median"), "median")
    text = ask(stack, sender(), "how much do ML engineers earn in Berlin?")
    assert text.startswith("My salary figures are for the US; I have none for Berlin.")


def test_where_the_data_comes_from(stack: Stack) -> None:
    text = ask(stack, sender(), "where does this data come from?")
    assert "BLS OEWS, May 2025 release, published by BLS on 15 May 2026" in text
    assert "oe.data.0.Current" in text and "BLS.gov cannot vouch for the data" in text
