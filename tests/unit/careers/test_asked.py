"""careers/asked.py: what one clause asks once its words and what the person told are weighed
(the whole-message figures are in tests/nlu/test_reading.py; these pin single rules)."""

from __future__ import annotations

from careers import asked, names
from careers.clauses import Clause


def clause(text: str, intent: str = "", ranking: tuple[tuple[str, float], ...] = ()) -> Clause:
    return Clause(0, len(text), text, intent, ranking[0][1] if ranking else 0.5, ranking)


def refined(intent: str, text: str, roles: tuple[str, ...] = (), **told: bool) -> str:
    flags = {"told": False, "described": False, "told_job": False, **told}
    return asked.refined(intent, clause(text, intent), roles, [], [], **flags)


def test_where_to_start_is_the_first_stage_of_a_roadmap() -> None:
    assert refined(names.START_PATH, "where would I start?") == names.ASK_ROADMAP


def test_the_skills_of_a_role_asked_after_telling_ones_own_are_the_gap() -> None:
    assert refined(names.ask_role("skills"), "what would I need", told=True) == names.ASK_SKILL_GAP
    assert refined(names.ask_role("skills"), "what would I need") == names.ask_role("skills")


def test_a_move_with_no_job_to_move_from_is_the_gap_and_with_one_the_move() -> None:
    text = "can i become a data analyst"
    assert refined(names.ASK_TRANSITION, text, ("data_analyst",), told=True) == names.ASK_SKILL_GAP
    assert (
        refined(names.ASK_TRANSITION, text, ("data_analyst",), told=True, told_job=True)
        == names.ASK_TRANSITION
    )


def test_likes_and_dislikes_without_skills_go_to_the_guided_path() -> None:
    assert refined(names.ASK_CLOSEST_ROLE, "what would fit me best?", described=True) == names.START_PATH


def test_a_duration_guess_without_a_word_of_time_takes_the_next_guess() -> None:
    ranking = ((names.ASK_DURATION, 0.5), (names.ASK_TRANSITION, 0.3))
    said = Clause(0, 37, "can a chef realistically become a DA?", names.ASK_DURATION, 0.5, ranking)
    assert asked.refined(
        names.ASK_DURATION, said, (), [], [], told=False, described=False, told_job=False
    ) == (names.ASK_TRANSITION)


def test_words_about_ai_replacing_a_job_ask_that_whatever_the_model_guessed() -> None:
    text = "will AI take over data engineering jobs?"
    assert asked.cued(clause(text, names.OUT_OF_SCOPE), [], statement=False, several_clauses=False) == (
        names.ASK_AI_RISK
    )


def test_the_next_best_guess_skips_what_means_nothing_inside_a_clause() -> None:
    ranking = ((names.ANSWER_PATH, 0.6), (names.HELP, 0.2), (names.ask_role("salary"), 0.1))
    assert asked.next_best(clause("and the pay", names.ANSWER_PATH, ranking)).intent == names.ask_role(
        "salary"
    )
    assert asked.next_best(clause("hmm", names.ANSWER_PATH, ranking[:2])).intent == ""
