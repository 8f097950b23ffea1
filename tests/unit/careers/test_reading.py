"""careers/reading.py: clauses, and the parts read from them (no model: clauses given)."""

from __future__ import annotations

from careers import reading


def texts(text: str) -> list[str]:
    return [text[b:e].strip() for b, e in reading.clauses(text)]


def test_a_situation_and_a_question_are_two_clauses() -> None:
    assert texts("I've done two years of Python, what else would a data engineer need?") == [
        "I've done two years of Python,",
        "what else would a data engineer need?",
    ]
    assert texts("what's the outlook for statisticians and what do they earn?") == [
        "what's the outlook for statisticians",
        "and what do they earn?",
    ]


def test_skills_joined_by_and_stay_one_clause() -> None:
    assert texts("I know Python and SQL and a bit of R") == ["I know Python and SQL and a bit of R"]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert len(texts("How much do data analysts make in St. Louis compared with Chicago?")) == 1
    assert len(texts("how many statisticians work in Washington, D.C. and Maryland?")) == 1


def test_a_skill_in_a_question_is_not_a_profile_statement() -> None:
    text = "does a data engineer need SQL?"
    sql = {"entity": "skill", "value": "sql", "start": 25, "end": 28, "polarity": "has"}
    parts = reading.assemble(text, [reading.Clause(0, len(text), text, "ask_role_skills", 0.9)], [sql])
    assert [p.kind for p in parts] == ["question"]


def test_the_same_question_twice_is_answered_once() -> None:
    text = "what do they earn? how much do they make?"
    clauses = [
        reading.Clause(0, 18, text[:18], "ask_role_salary", 0.9),
        reading.Clause(18, 41, text[18:], "ask_role_salary", 0.9),
    ]
    assert len(reading.assemble(text, clauses, [])) == 1


def test_choosing_is_not_comparing() -> None:
    assert reading.choosing_between({"help", "me", "choose", "between"}, 2)
    assert reading.choosing_between({"or", "which", "should", "i", "go", "for"}, 2)
    assert not reading.choosing_between({"compare", "me", "or"}, 2)
    assert not reading.choosing_between({"which", "pays", "more"}, 2)
