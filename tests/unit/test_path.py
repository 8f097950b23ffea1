"""The guided path: loading, which question comes next, reading answers, scoring, explaining."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from careers import knowledge, path
from careers.knowledge import KnowledgeBaseError

KB = knowledge.load()
DS, MLE = "data_scientist", "machine_learning_engineer"
QUESTIONS = {q.id: q for q in KB.path.questions}
ALL_MLE = {
    "enjoy": "building",
    "strength": "software",
    "audience": "infrastructure",
    "trouble": "reliability",
    "visuals": "no_visuals",
    "problem": "serve",
}
ALL_DS = {
    "enjoy": "insights",
    "strength": "statistics",
    "audience": "explaining",
    "trouble": "messy_data",
    "visuals": "love_visuals",
    "problem": "forecast",
}


def test_everyone_gets_5_to_8_questions_with_at_most_5_options() -> None:
    for answers in ({}, {"enjoy": "both"}):
        assert 5 <= len(path.due_questions(KB.path, answers)) <= 8
    assert all(2 <= len(q.options) <= 5 for q in KB.path.questions)


def test_the_tie_break_question_depends_on_the_first_answer() -> None:
    assert "tie_break" not in [q.id for q in path.due_questions(KB.path, {"enjoy": "building"})]
    assert path.next_question(KB.path, {"enjoy": "both"}).id == "strength"  # type: ignore[union-attr]
    assert "tie_break" in [q.id for q in path.due_questions(KB.path, {"enjoy": "both"})]
    assert path.progress(KB.path, {"enjoy": "both"}) == (2, 7)
    assert path.progress(KB.path, {"enjoy": "insights"}) == (2, 6)


def test_next_question_is_none_when_complete() -> None:
    assert path.next_question(KB.path, {}).id == "enjoy"  # type: ignore[union-attr]
    assert path.next_question(KB.path, ALL_MLE) is None


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("enjoy", "I'd rather build things", "building"),
        ("enjoy", "Finding insights in data", "insights"),  # the button title
        ("enjoy", "building", "building"),  # the option id (a payload)
        ("enjoy", "2", "building"),
        ("enjoy", "a bit of both", "both"),
        ("strength", "definitely the stats side", "statistics"),
        ("strength", "I like stats and coding equally", None),  # both sides: ambiguous
        ("audience", "I enjoy presenting to stakeholders", "explaining"),
        ("visuals", "Not for me", "no_visuals"),
        ("problem", "the first one", "forecast"),
        ("enjoy", "what's the weather?", None),
        ("enjoy", "   ", None),
        ("enjoy", None, None),
    ],
)
def test_interpret_reads_buttons_numbers_and_free_text(
    question: str, text: str | None, option: str | None
) -> None:
    assert path.interpret(QUESTIONS[question], text) == option


def test_clear_win_for_mle_explains_itself() -> None:
    result = path.recommend(KB, ALL_MLE)
    assert result.role == MLE and not result.close
    text = path.explain(KB, result)
    assert text.startswith("My recommendation: Machine Learning Engineer.")
    assert "6 of your 6 answers lean toward Machine Learning Engineer: you enjoy building systems" in text
    assert "It's close" not in text


def test_clear_win_for_ds() -> None:
    result = path.recommend(KB, ALL_DS)
    assert result.role == DS
    assert result.scores == {DS: 11.0, MLE: 0.0}
    assert "6 of your 6 answers lean toward Data Scientist" in path.explain(KB, result)


def test_near_tie_says_it_is_close_and_lists_both_sides() -> None:
    answers = {**ALL_MLE, "strength": "statistics", "audience": "explaining", "visuals": "love_visuals"}
    result = path.recommend(KB, answers)
    assert result.role == DS and result.close
    text = path.explain(KB, result)
    assert "3 of your 6 answers lean toward Data Scientist" in text
    assert "3 of your 6 answers lean toward Machine Learning Engineer" in text
    assert "It's close" in text


def test_exact_tie_recommends_neither() -> None:
    answers = {**ALL_DS, "enjoy": "building", "audience": "infrastructure", "visuals": "no_visuals"}
    result = path.recommend(KB, answers)
    assert result.scores[DS] == result.scores[MLE]
    assert result.role is None
    assert path.explain(KB, result).startswith(
        "It's a tie: your answers fit Data Scientist and Machine Learning Engineer equally well."
    )


def test_skipped_and_neutral_answers_count_for_nothing() -> None:
    answers = {"enjoy": "insights", "strength": "neither_yet", "visuals": "fine_visuals"}
    result = path.recommend(KB, answers)
    assert result.role == DS
    assert result.neutral == ("are still building your strengths", "don't mind making charts")
    assert "2 pointed neither way" in path.explain(KB, result)


def test_answers_to_questions_not_due_are_ignored() -> None:
    with_stray = {**ALL_MLE, "tie_break": "analysing"}  # asked only when "enjoy" is "both"
    assert path.recommend(KB, with_stray).scores == path.recommend(KB, ALL_MLE).scores


@pytest.fixture
def path_file(tmp_path: Path) -> Path:
    shutil.copytree(knowledge.DEFAULT_DIR, tmp_path / "kb")
    return tmp_path / "kb" / "path.yml"


def _edit(file: Path, change) -> None:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["questions"][0]["options"][0]["weights"].update(plumber=2),
            r"field questions\[0\]\.options\[0\]\.weights\.plumber\): unknown role",
        ),
        (
            lambda d: d["questions"][0]["options"].extend(d["questions"][1]["options"]),
            r"field questions\[0\]\.options\): a question needs 2 to 5 options",
        ),
        (
            lambda d: d["questions"][6]["ask_if"].update(question="later"),
            r"field questions\[6\]\.ask_if\.question\): 'later' is not an earlier question",
        ),
        (lambda d: d["questions"].__delitem__(slice(4, 6)), r"everyone must get 5 to 8 questions"),
        (
            lambda d: d["questions"][1]["options"][0]["synonyms"].append(True),
            r"field questions\[1\]\.options\[0\]\.synonyms\[\d+\]\): expected non-empty text",
        ),
    ],
)
def test_broken_path_file_names_the_field(path_file: Path, change, message: str) -> None:
    _edit(path_file, change)
    with pytest.raises(KnowledgeBaseError, match=message):
        knowledge.load(path_file.parent)


def test_adding_a_question_needs_only_the_file(path_file: Path) -> None:
    def add(data: dict) -> None:
        extra = dict(data["questions"][3], id="pace", ask="Fast experiments or careful releases?")
        data["questions"].insert(3, extra)

    _edit(path_file, add)
    kb = knowledge.load(path_file.parent)
    assert path.progress(kb.path, {}) == (1, 7)


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("visuals", "not really into charts", "no_visuals"),
        ("visuals", "I hate making dashboards", "no_visuals"),
        ("strength", "I guess stats more than code", "statistics"),
        ("strength", "neither, honestly", "neither_yet"),
        ("enjoy", "I don't really like building things, I prefer finding patterns", "insights"),
        ("audience", "no way, I'd rather stay behind the scenes", "infrastructure"),
        ("trouble", "definitely not messy data", "reliability"),  # two options: the other one
        ("visuals", "I don't love charts", None),  # three options: a negation alone does not pick one
    ],
)
def test_free_text_answers_with_negations_and_hedges(question: str, text: str, option: str | None) -> None:
    assert path.interpret(QUESTIONS[question], text) == option


def test_a_self_description_answers_only_what_it_says() -> None:
    told = path.read_description(KB.path, "I'm good at programming and I love building things, not stats")
    assert told == {"enjoy": "building", "strength": "software"}
    assert path.read_description(KB.path, "help me choose between both please") == {}
    assert path.read_description(KB.path, "/start_path") == {}


def test_going_back_drops_the_latest_answer_and_what_depended_on_it() -> None:
    assert path.undo_last(KB.path, {"enjoy": "both", "strength": "software"}) == {"enjoy": "both"}
    assert path.undo_last(KB.path, {"enjoy": "both", "tie_break": "coding"}) == {"enjoy": "both"}
    assert path.undo_last(KB.path, {"enjoy": "both"}) == {}
