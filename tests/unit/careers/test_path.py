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
    "build_focus": "train_models",
    "audience": "infrastructure",
    "study": "degree",
    "trouble": "wrong_answers",
}
ALL_DS = {
    "enjoy": "insights",
    "strength": "statistics",
    "insight_focus": "predictive_models",
    "audience": "explaining",
    "study": "degree",
    "trouble": "messy_data",
}


def every_answer_combination() -> list[dict[str, str]]:
    """Every way a person can answer the path: each due question, each option."""
    found: list[dict[str, str]] = []

    def walk(answers: dict[str, str]) -> None:
        question = path.next_question(KB.path, answers)
        if question is None:
            found.append(answers)
            return
        for option in question.options:
            walk({**answers, question.id: option.id})

    walk({})
    return found


def test_everyone_gets_5_to_8_questions_with_at_most_5_options() -> None:
    combinations = every_answer_combination()
    assert all(5 <= len(answers) <= 8 for answers in combinations)
    assert all(2 <= len(q.options) <= 5 for q in KB.path.questions)


def test_every_role_can_come_out_on_top() -> None:
    winners = {path.recommend(KB, answers).role for answers in every_answer_combination()}
    assert set(KB.roles) <= winners


def test_the_follow_up_question_depends_on_the_first_answer() -> None:
    due = {
        first: [q.id for q in path.due_questions(KB.path, {"enjoy": first})] for first in ("insights", "both")
    }
    assert "insight_focus" in due["insights"] and "tie_break" not in due["insights"]
    assert "tie_break" in due["both"] and "insight_focus" not in due["both"]
    assert path.next_question(KB.path, {"enjoy": "both"}).id == "strength"  # type: ignore[union-attr]
    assert path.progress(KB.path, {"enjoy": "both"}) == (2, 6)
    assert path.progress(KB.path, {}) == (1, 6)  # the follow-up of the first answer counts already


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
        ("enjoy", "pipelines and databases", "data_systems"),
        ("strength", "definitely the stats side", "statistics"),
        ("strength", "I like stats and coding equally", None),  # both sides: ambiguous
        ("audience", "I enjoy presenting to stakeholders", "explaining"),
        ("audience", "not really into presenting", "infrastructure"),  # negated, two options
        ("build_focus", "chatbots on top of GPT", "llm_apps"),
        ("systems_focus", "keeping postgres backed up", "databases"),
        ("study", "a bootcamp at most", "short"),
        ("enjoy", "what's the weather?", None),
        ("enjoy", "   ", None),
        ("enjoy", None, None),
    ],
)
def test_interpret_reads_buttons_numbers_and_free_text(
    question: str, text: str | None, option: str | None
) -> None:
    assert path.interpret(QUESTIONS[question], text) == option


def test_clear_win_for_mle_names_the_runner_up_with_its_reasons() -> None:
    result = path.recommend(KB, ALL_MLE)
    assert result.role == MLE and not result.close
    assert result.runner_up == "ai_engineer"
    text = path.explain(KB, result)
    assert text.startswith("My recommendation: Machine Learning Engineer.\nWhy: you enjoy building products")
    assert "want to train your own models" in text
    assert (
        "Runner-up: AI Engineer, as you enjoy building products with models, are strongest in software"
        in text
    )
    assert "It's close" not in text


def test_clear_win_for_ds() -> None:
    result = path.recommend(KB, ALL_DS)
    assert result.role == DS and not result.close
    assert result.scores[DS] == 10.0
    assert "Why: you enjoy finding insights in data, are strongest in statistics, want to build models" in (
        path.explain(KB, result)
    )


def test_near_tie_says_it_is_close_and_names_the_other_role() -> None:
    result = path.recommend(KB, {**ALL_DS, "insight_focus": "rigorous_stats"})
    assert (result.role, result.runner_up, result.close) == ("statistician", DS, True)
    text = path.explain(KB, result)
    assert text.startswith("My recommendation: Statistician.")
    assert "Runner-up: Data Scientist, as you enjoy finding insights in data" in text
    assert "It's close, though: Data Scientist fits you nearly as well." in text


def test_exact_tie_recommends_neither() -> None:
    result = path.recommend(KB, {**ALL_DS, "insight_focus": "analyses"})
    assert result.scores["data_analyst"] == result.scores[DS] == max(result.scores.values())
    assert result.role is None
    assert path.explain(KB, result).startswith(
        "It's a tie: your answers fit Data Analyst and Data Scientist equally well."
    )


def test_skipped_and_neutral_answers_count_for_nothing() -> None:
    answers = {"enjoy": "insights", "strength": "neither_yet", "insight_focus": "predictive_models"}
    result = path.recommend(KB, answers)
    assert result.role == DS
    assert result.neutral == ("are still building your strengths",)
    assert "1 of your 3 answers pointed nowhere in particular" in path.explain(KB, result)


def test_answers_to_questions_not_due_are_ignored() -> None:
    with_stray = {**ALL_MLE, "tie_break": "analysing"}  # asked only when "enjoy" is "both"
    assert path.recommend(KB, with_stray).scores == path.recommend(KB, ALL_MLE).scores


@pytest.fixture
def path_file(tmp_path: Path) -> Path:
    shutil.copytree(knowledge.PROJECT_DIR, tmp_path / "kb")
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
            lambda d: d["questions"][2]["ask_if"].update(question="later"),
            r"field questions\[2\]\.ask_if\.question\): 'later' is not an earlier question",
        ),
        (lambda d: d["questions"].__delitem__(slice(7, 9)), r"everyone must get 5 to 8 questions"),
        (lambda d: d["questions"].extend(d["questions"][7:] * 1), r"duplicate question id"),
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
        extra = dict(data["questions"][-1], id="pace", ask="Fast experiments or careful releases?")
        data["questions"].append(extra)

    _edit(path_file, add)
    kb = knowledge.load(path_file.parent)
    assert path.progress(kb.path, {}) == (1, 7)


def test_more_than_8_questions_for_one_person_is_refused(path_file: Path) -> None:
    def add(data: dict) -> None:
        for i in range(3):
            data["questions"].append(dict(data["questions"][-1], id=f"extra{i}"))

    _edit(path_file, add)
    with pytest.raises(KnowledgeBaseError, match="everyone must get 5 to 8 questions"):
        knowledge.load(path_file.parent)


@pytest.mark.parametrize(
    ("question", "text", "option"),
    [
        ("audience", "not really into presentations", "infrastructure"),
        ("study", "a degree is fine, no bootcamp", "degree"),
        ("strength", "I guess stats more than code", "statistics"),
        ("strength", "neither, honestly", "neither_yet"),
        ("enjoy", "I don't really like building things, I prefer finding patterns", "insights"),
        ("audience", "no way, I'd rather stay behind the scenes", "infrastructure"),
        ("audience", "definitely not explaining", "infrastructure"),  # two options: the other one
        ("trouble", "definitely not messy data", None),  # three options: a negation alone picks none
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


def test_choosing_between_two_keeps_the_follow_ups_of_a_question_left_out() -> None:
    kb = knowledge.load()
    for first in kb.roles:
        for second in kb.roles:
            if first < second:
                between = path.between(kb.path, [first, second])
                kept = {q.id for q in between.questions}
                assert all(q.ask_if is None or q.ask_if.question in kept for q in between.questions)


def test_why_not_after_choosing_between_two_keeps_the_same_two() -> None:
    kb = knowledge.load()
    pair = ["data_analyst", "data_scientist"]
    between = path.between(kb.path, pair)
    answers = {q.id: q.options[0].id for q in between.questions}
    winner = path.recommend(kb, answers, pair).role or pair[0]
    other = next(r for r in pair if r != winner)
    said = path.why_not(kb, answers, [other], pair).text
    assert said.startswith(f"Why {kb.roles[winner].name} and not {kb.roles[other].name}")
    assert "of 2)" in said
