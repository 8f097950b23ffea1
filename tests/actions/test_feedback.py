"""Feedback on answers (actions/feedback.py, issue 19): asked after a real answer, recorded as the
`feedback` slot event the report reads (as careers/feedback.py records it)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Tracker

from actions.compare import ActionCompareRoles
from actions.feedback import ActionRecordFeedback
from actions.roles import ActionAnswerRole
from careers import feedback
from tests.actions.tracker import tracker
from tests.answers import answer_of

DS, MLE = "data_scientist", "machine_learning_engineer"
ROLE = "action_answer_role"


def slot(events: List[Dict[str, Any]], name: str) -> Any:
    return [e["value"] for e in events if e.get("name") == name]


def after(history: List[Dict[str, Any]], latest: Tracker) -> Tracker:
    """`latest` (one user message) after `history` (events)."""
    latest.events = [*history, *latest.events]
    return latest


def said(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The messages as the tracker stores them: bot events."""
    return [{"event": "bot", "text": m.get("text"), "data": {"buttons": m.get("buttons")}} for m in messages]


async def test_a_role_answer_ends_with_was_this_helpful_and_names_what_it_rates(run) -> None:
    messages, events = await run(
        ActionAnswerRole(), tracker("ask_role_salary", {"role": [DS]}, {"aspect": "salary"})
    )
    [answer] = answer_of(messages)
    assert answer["text"].startswith("Data Scientists: salary")
    assert [b["title"] for b in messages[-1]["buttons"]] == ["👍 Yes", "👎 No"]
    assert slot(events, "feedback_kind") == [ROLE]


async def test_a_clarifying_question_is_not_rated(run) -> None:
    messages, events = await run(ActionAnswerRole(), tracker("ask_role_overview", text="what do they do?"))
    assert messages[0]["response"] == "utter_ask_role"
    assert not any(m.get("text") == feedback.QUESTION for m in messages)
    assert slot(events, "feedback_kind") == []


async def test_two_answers_in_a_row_are_asked_about_once(run) -> None:
    first, _ = await run(ActionAnswerRole(), tracker("ask_role_salary", {"role": [DS]}, {"aspect": "salary"}))
    history = [{"event": "user", "text": "what do data scientists earn?"}, *said(first)]
    second, events = await run(
        ActionCompareRoles(), after(history, tracker("compare_roles", {"role": [DS, MLE]}))
    )
    assert second[0]["text"].startswith("Data Scientist vs Machine Learning Engineer")
    assert not any(m.get("text") == feedback.QUESTION for m in second)
    assert slot(events, "feedback_kind") == []


async def test_thumbs_up_records_the_rating_of_the_answer_asked_about(run) -> None:
    click = tracker("feedback", {"rating": ["up"]}, {"feedback_kind": ROLE}, text='/feedback{"rating":"up"}')
    [reply], events = await run(ActionRecordFeedback(), click)
    assert reply["text"] == "Thanks!"
    assert events == [
        {
            "event": "slot",
            "timestamp": None,
            "name": "feedback",
            "value": {"kind": ROLE, "rating": "up", "missing": None},
        }
    ]


async def test_thumbs_down_asks_once_what_was_missing_and_notes_the_answer(run) -> None:
    click = tracker(
        "feedback", {"rating": ["down"]}, {"feedback_kind": ROLE}, text='/feedback{"rating":"down"}'
    )
    [reply], events = await run(ActionRecordFeedback(), click)
    assert reply["text"] == "Thanks. What was missing? (optional: just type it, or ask something else)"
    assert slot(events, "feedback") == [{"kind": ROLE, "rating": "down", "missing": None}]

    history = [*click.events, *events, *said([reply])]
    typed = after(history, tracker("out_of_scope", slots={"feedback_kind": ROLE}, text="salaries in Europe"))
    [noted], events = await run(ActionRecordFeedback(), typed)
    assert noted["text"] == "Thanks, I've noted that. Anything else you'd like to know?"
    assert slot(events, "feedback") == [{"kind": ROLE, "rating": "down", "missing": "salaries in Europe"}]

    # A second 👎 on the same answer is recorded, but what was missing is not asked again.
    history = [*typed.events, *events, *said([noted])]
    again = after(history, tracker("feedback", {"rating": ["down"]}, {"feedback_kind": ROLE}, text="-"))
    [reply], events = await run(ActionRecordFeedback(), again)
    assert reply["text"] == "Thanks, noted."
    assert slot(events, "feedback") == [{"kind": ROLE, "rating": "down", "missing": None}]


async def test_typed_words_rate_without_a_button(run) -> None:
    typed = tracker("feedback", slots={"feedback_kind": ROLE}, text="that wasn't helpful")
    _, events = await run(ActionRecordFeedback(), typed)
    assert slot(events, "feedback") == [{"kind": ROLE, "rating": "down", "missing": None}]


async def test_feedback_with_nothing_to_rate_gets_a_friendly_reply_and_records_nothing(run) -> None:
    [reply], events = await run(
        ActionRecordFeedback(), tracker("feedback", {"rating": ["up"]}, text="thumbs up")
    )
    assert reply["text"].startswith("Thanks! There's no answer of mine to rate yet.")
    assert events == []


async def test_off_topic_after_a_thumbs_up_gets_the_usual_reply_and_records_nothing(run) -> None:
    history = [{"event": "bot", "text": "Thanks!"}]
    typed = after(history, tracker("out_of_scope", slots={"feedback_kind": ROLE}, text="what's the weather?"))
    [reply], events = await run(ActionRecordFeedback(), typed)
    assert reply["response"] == "utter_out_of_scope"
    assert events == []


async def test_not_understood_after_a_thumbs_up_is_offered_the_likely_meanings(run) -> None:
    history = [{"event": "bot", "text": "Thanks!"}]
    typed = after(
        history,
        tracker("nlu_fallback", slots={"feedback_kind": ROLE}, ranking=[("nlu_fallback", 0.2)], text="asdf"),
    )
    [reply], events = await run(ActionRecordFeedback(), typed)
    assert reply["response"] in ("utter_ask_rephrase", "utter_did_you_mean")
    assert events == []


async def test_an_answer_in_the_middle_of_the_guided_path_is_not_asked_about(run) -> None:
    asked = tracker("ask_role_salary", {"role": [DS]}, {"aspect": "salary"})
    asked.active_loop = {"name": "path_form"}
    messages, events = await run(ActionAnswerRole(), asked)
    assert [m["text"][:15] for m in messages] == ["Data Scientists"]
    assert slot(events, "feedback_kind") == []
