"""When "Was this helpful?" is asked, and what a rating records (careers/feedback.py, issue 19)."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from careers import feedback

ROLE = "action_answer_role"
COMPARE = "action_compare_roles"


def user(text: str = "…") -> Dict[str, Any]:
    return {"event": "user", "text": text}


def bot(text: str = "An answer.") -> Dict[str, Any]:
    return {"event": "bot", "text": text}


def asked() -> Dict[str, Any]:
    return bot(feedback.QUESTION)


def rated(kind: str, rating: str = "up", missing: str | None = None) -> Dict[str, Any]:
    return {"event": "slot", "name": "feedback", "value": feedback.record(kind, rating, missing)}


def turns(n: int) -> List[Dict[str, Any]]:
    """n more exchanges: a question and its answer."""
    return [e for _ in range(n) for e in (user(), bot())]


def test_the_first_substantive_answer_of_a_conversation_asks() -> None:
    assert feedback.should_ask(ROLE, [user()])


@pytest.mark.parametrize(
    "kind", ["action_list_roles", "action_show_profile", "action_show_detail", "utter_greet"]
)
def test_lists_menus_and_details_never_ask(kind: str) -> None:
    assert not feedback.should_ask(kind, [user()])


def test_not_again_within_three_messages_of_the_last_question() -> None:
    history = [user(), bot(), asked()]
    assert not feedback.should_ask(COMPARE, [*history, user()])
    assert not feedback.should_ask(COMPARE, [*history, *turns(1), user()])
    # The third message of the person after the question: time to ask about another answer.
    assert feedback.should_ask(COMPARE, [*history, *turns(2), user()])


def test_never_again_for_a_kind_of_answer_rated_in_this_session() -> None:
    history = [user(), bot(), asked(), user("/feedback"), rated(ROLE), bot("Thanks!"), *turns(5), user()]
    assert not feedback.should_ask(ROLE, history)
    assert feedback.should_ask(COMPARE, history)


def test_two_questions_left_unanswered_in_a_session_stop_the_asking() -> None:
    once = [user(), bot(), asked(), *turns(3)]
    assert feedback.should_ask(COMPARE, [*once, user()])
    assert not feedback.should_ask(COMPARE, [*once, user(), bot(), asked(), *turns(3), user()])


def test_a_new_session_starts_afresh() -> None:
    history = [user(), bot(), asked(), rated(ROLE), user(), bot(), asked()]
    assert feedback.should_ask(ROLE, [*history, {"event": "session_started"}, user()])
    assert feedback.ratings([*history, {"event": "session_started"}]) == []


def test_the_buttons_send_the_contracts_payloads() -> None:
    assert feedback.question_buttons() == [
        {"title": "👍 Yes", "payload": '/feedback{"rating":"up"}'},
        {"title": "👎 No", "payload": '/feedback{"rating":"down"}'},
    ]


@pytest.mark.parametrize(
    ("entity", "text", "rating"),
    [
        ("up", '/feedback{"rating":"up"}', "up"),
        ("down", '/feedback{"rating":"down"}', "down"),
        (None, "that helped", "up"),
        (None, "thumbs up", "up"),
        (None, "not helpful", "down"),
        (None, "that didn't help", "down"),
        (None, "thumbs down", "down"),
        (None, "-", "down"),
        (None, "+", "up"),
    ],
)
def test_a_rating_comes_from_the_button_or_the_words(entity: str | None, text: str, rating: str) -> None:
    assert feedback.rating_of(entity, text) == rating


def test_what_was_missing_is_expected_only_right_after_asking_it() -> None:
    history = [user(), bot(), asked(), user(), rated(ROLE, "down"), bot(feedback.MISSING_PROMPT)]
    assert feedback.asked_missing([*history, user("salaries in Europe")])
    assert not feedback.asked_missing([*history, user(), bot(feedback.THANKS_MISSING), user()])
    assert feedback.already_down(history, ROLE) and not feedback.already_down(history, COMPARE)


def test_a_note_is_what_was_typed_but_never_a_payload() -> None:
    assert feedback.missing_note("  salaries in Europe ") == "salaries in Europe"
    assert feedback.missing_note('/feedback{"rating":"down"}') is None
    assert feedback.missing_note("   ") is None


def test_a_new_session_does_not_carry_the_rating_or_the_answer_rated() -> None:
    from careers import lifecycle

    slots = {"role": "data_scientist", "feedback": feedback.record(ROLE, "up"), "feedback_kind": ROLE}
    assert lifecycle.carried_over(slots, {}) == {"role": "data_scientist"}
