"""careers/cues.py: the words that tell what a clause asks beyond the model's guess."""

from __future__ import annotations

import pytest

from careers import cues


@pytest.mark.parametrize(
    "text",
    [
        "will ai take over data engineering jobs",
        "chatgpt writes sql now, so are bi analysts done for?",
        "is data analysis going to be automated by ai",
        "will data analysts be replaced by ai",
    ],
)
def test_whether_ai_replaces_a_role(text: str) -> None:
    assert cues.AI_RISK.search(text)


@pytest.mark.parametrize("text", ["what do ai engineers do in automation", "is ai engineering a good career"])
def test_an_ai_role_is_no_question_about_ai_replacing_it(text: str) -> None:
    assert not cues.AI_RISK.search(text)


def test_a_doubt_about_a_figure() -> None:
    assert cues.FIGURE_DOUBT.search("that seems high")
    assert cues.FIGURE_DOUBT.search("is that number right?")
    assert not cues.FIGURE_DOUBT.search("that seems like a good job")


def test_a_move_and_a_choice() -> None:
    assert cues.asks_a_move({"is", "it", "a", "reasonable", "next", "step"}, 1, has_profile=True)
    assert not cues.asks_a_move({"is", "it", "a", "reasonable", "next", "step"}, 1, has_profile=False)
    assert cues.choosing_between({"help", "me", "choose", "between"}, 2)
    assert not cues.choosing_between({"compare", "me", "or"}, 2)


@pytest.mark.parametrize(
    "text",
    [
        "what's the source behind the outlook numbers for data analysts?",
        "is that figure national?",
        "and what year is it from",
        "where does that number come from",
    ],
)
def test_a_question_about_where_a_figure_comes_from(text: str) -> None:
    assert cues.SOURCE_CUE.search(text.lower())


def test_a_role_set_beside_another_is_a_comparison() -> None:
    text = "hows their pay next to ML engineers"
    assert cues.sets_beside(text, [text.index("ML")])
    assert cues.sets_beside("DE and DBA side by side pls", [0, 7])
    text = "what should I learn next to be a statistician"
    assert not cues.sets_beside(text, [text.index("statistician")])
    assert not cues.sets_beside("does a data scientist earn more than 100k", [7])


@pytest.mark.parametrize(
    "text",
    [
        "what open source tools do data engineers use",
        "how old are most people when they become data scientists",
        "that sounds too hard",
        "do data analysts earn enough to live in NYC",
    ],
)
def test_common_questions_are_no_cue(text: str) -> None:
    lower = text.lower()
    assert not cues.SOURCE_CUE.search(lower) and not cues.FIGURE_DOUBT.search(lower)
    assert not cues.asks_readiness(text) or "enough to live" not in lower


def test_a_gap_year_is_no_gap() -> None:
    assert cues.GAP_CUE.search("data scientist gap?")
    assert not cues.GAP_CUE.search("i took a gap year, then what")
    assert not cues.GAP_CUE.search("i have a career gap of two years")


# What a move weighed may have been read as, beyond what the older move rule replaces (that rule
# reads "become", "jump", "step"... with any intent of cues.MOVE_REPLACES, and is unchanged).
WEIGHED = ["ask_skill_gap", "ask_roadmap", "ask_role_outlook"]


@pytest.mark.parametrize("intent", WEIGHED)
@pytest.mark.parametrize(
    ("text", "roles", "has_profile", "move"),
    [
        ("would ML engineer be a reasonable next step after data scientist?", 2, False, True),
        ("as a DBA, is data engineering a natural next step?", 1, True, True),
        ("is data engineer the logical next step, and what's the gap", 1, True, True),
        ("is data scientist too much of a stretch for a data analyst?", 2, False, True),
        ("what's my next step towards data engineering?", 1, True, False),
        ("I know SQL. What's the next step to become a data engineer?", 1, True, False),
        ("what is the next step to become a data engineer?", 1, True, False),
        ("is data engineering a natural next step?", 1, False, False),  # from where?
        ("would DS or DE be the better next step for me?", 2, True, False),  # a choice
        ("would data science or data engineering be the better next step?", 2, False, False),
        ("is a data scientist salary a big jump from a data analyst's?", 2, False, False),
        ("is there a big jump in demand for data engineers vs DBAs?", 2, False, False),
        ("is DE the next step for me?", 1, True, True),
        ("is data engineering the next step after data analyst?", 2, False, True),
        ("is data science a big step up from data analyst?", 2, False, True),
        ("is DS a natural next step for a DA, or too much of a stretch?", 2, False, True),
        ("what would be the next step to become a data engineer?", 1, True, False),
        ("what should I learn as a next step for data engineering?", 1, True, False),
        ("is the next step for me to learn Python for data science?", 1, True, False),
    ],
)
def test_a_move_weighed_is_a_move(intent: str, text: str, roles: int, has_profile: bool, move: bool) -> None:
    assert cues.move_asked(intent, text, roles, has_profile) is move


@pytest.mark.parametrize(
    ("text", "first", "second", "ends"),
    [
        ("could a DBA switch to data engineering?", "DBA", "data engineering", ("a", "b")),
        (
            "is going from data analyst to data engineer a big jump?",
            "data analyst",
            "data engineer",
            ("a", "b"),
        ),
        (
            "is data science too much of a stretch for a data analyst?",
            "data science",
            "data analyst",
            ("b", "a"),
        ),
        ("is data science a stretch for a senior data analyst?", "data science", "data analyst", ("b", "a")),
        (
            "would ML engineer be a reasonable next step after data scientist?",
            "ML",
            "data scientist",
            ("b", "a"),
        ),
        ("is getting to MLOps from data engineering hard?", "MLOps", "data engineering", ("b", "a")),
        # "for" without an article names the goal.
        ("could a DBA prepare for data engineering?", "DBA", "data engineering", ("a", "b")),
        (
            "is data analyst a good stepping stone for data science?",
            "data analyst",
            "data science",
            ("a", "b"),
        ),
        ("could a DBA retrain for a data engineer position?", "DBA", "data engineer", ("a", "b")),
        ("is DE a natural next step for DBAs?", "DE", "DBAs", ("b", "a")),
        ("can a data analyst retrain as a data scientist?", "data analyst", "data scientist", ("a", "b")),
        ("could a DBA get hired as a data engineer?", "DBA", "data engineer", ("a", "b")),
    ],
)
def test_which_role_a_move_starts_from(text: str, first: str, second: str, ends: tuple[str, str]) -> None:
    roles = [("a", text.index(first)), ("b", text.index(second)), ("a", text.rindex(first))]
    assert cues.move_ends(text, roles) == ends
    assert cues.move_ends(text, roles[:1]) is None


def test_a_role_carried_in_from_another_clause_says_nothing_of_the_move() -> None:
    text = "could a DBA switch to it?"  # "it": a role of the clause before, at no place in this one
    assert cues.move_ends(text, [("data_engineer", -40), ("database_administrator", 8)]) == (
        "data_engineer",
        "database_administrator",
    )
    assert cues.move_ends(text, [("database_administrator", 8), ("data_engineer", 400)]) == (
        "database_administrator",
        "data_engineer",
    )
