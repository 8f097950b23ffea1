"""Feedback on answers through the REST channel with the real servers (issue 19): "Was this
helpful?" after an answer, 👍 / 👎 and what was missing stored as `feedback` slot events in the
tracker store (SQLite here), and gone when the person deletes the conversation. The conversations
are left in test-artifacts/feedback_transcripts.txt."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Dict, List

import pytest

from harness import servers
from harness.servers import Stack

UP, DOWN = '/feedback{"rating":"up"}', '/feedback{"rating":"down"}'
TRANSCRIPT: List[str] = []


def sender(what: str) -> str:
    return f"feedback-{what}-{uuid.uuid4().hex[:8]}"


def say(stack: Stack, me: str, message: str) -> List[Dict[str, Any]]:
    replies = stack.say(me, message)
    shown = "\n".join(
        (r.get("text") or "") + "".join(f"\n    [{b['title']}]" for b in r.get("buttons") or [])
        for r in replies
    )
    TRANSCRIPT.append(f">>> {message}\n{shown}\n")
    return replies


def stored_feedback(stack: Stack, me: str) -> List[Dict[str, Any]]:
    """The `feedback` slot values of `me` in the tracker store, oldest first."""
    return servers.stored_feedback(stack.workdir, me)


@pytest.fixture(scope="module", autouse=True)
def transcript(artifacts: Path) -> object:
    yield
    (artifacts / "feedback_transcripts.txt").write_text("\n".join(TRANSCRIPT), encoding="utf-8")


def test_an_answer_asks_and_a_thumbs_up_is_stored_with_the_conversation(stack: Stack) -> None:
    me = sender("up")
    *answer, question = say(stack, me, "what do data scientists earn?")
    assert answer[0]["text"].startswith("Data Scientists: salary")
    assert question["text"] == "Was this helpful?"
    assert [(b["title"], b["payload"]) for b in question["buttons"]] == [("👍 Yes", UP), ("👎 No", DOWN)]
    [thanks] = say(stack, me, UP)
    assert thanks["text"] == "Thanks!"
    assert stored_feedback(stack, me) == [{"kind": "action_answer_role", "rating": "up", "missing": None}]
    # The next question, right after, is answered without asking again.
    replies = say(stack, me, "and ML engineers?")
    assert "Was this helpful?" not in [r.get("text") for r in replies]


def test_a_thumbs_down_asks_once_what_was_missing_and_stores_it(stack: Stack) -> None:
    me = sender("down")
    replies = say(stack, me, "compare data scientists and data engineers")
    assert replies[-1]["text"] == "Was this helpful?"
    [ask] = say(stack, me, DOWN)
    assert ask["text"] == "Thanks. What was missing? (optional: just type it, or ask something else)"
    [noted] = say(stack, me, "a recipe for pancakes")
    assert noted["text"].startswith("Thanks, I've noted that.")
    assert stored_feedback(stack, me) == [
        {"kind": "action_compare_roles", "rating": "down", "missing": None},
        {"kind": "action_compare_roles", "rating": "down", "missing": "a recipe for pancakes"},
    ]
    # Asked once: the next off-topic message gets the usual reply, and nothing more is stored.
    [usual] = say(stack, me, "a recipe for pancakes")
    assert usual["text"].startswith("Sorry, I can't help with that.")
    assert len(stored_feedback(stack, me)) == 2


def test_a_career_question_after_a_thumbs_down_is_answered_and_not_stored_as_missing(stack: Stack) -> None:
    me = sender("question")
    say(stack, me, "which data job pays the most?")
    say(stack, me, DOWN)
    replies = say(stack, me, "what do data engineers do?")
    assert replies[0]["text"].startswith("Data Engineers")
    assert stored_feedback(stack, me) == [{"kind": "action_rank_roles", "rating": "down", "missing": None}]


def test_typed_words_rate_and_feedback_with_nothing_to_rate_is_friendly(stack: Stack) -> None:
    me = sender("typed")
    [nothing] = say(stack, me, "thumbs up")
    assert nothing["text"].startswith("Thanks! There's no answer of mine to rate yet.")
    assert stored_feedback(stack, me) == []
    # A question back ("where are you starting from?") is not an answer to rate.
    assert say(stack, me, "how do I become a data engineer?")[-1]["text"] != "Was this helpful?"
    say(stack, me, "what skills do data engineers need?")
    say(stack, me, "that helped")
    assert stored_feedback(stack, me) == [{"kind": "action_answer_role", "rating": "up", "missing": None}]


def test_deleting_the_conversation_deletes_its_feedback(stack: Stack) -> None:
    me = sender("deleted")
    say(stack, me, "what do data analysts do?")
    say(stack, me, DOWN)
    say(stack, me, "a recipe for pancakes")
    assert len(stored_feedback(stack, me)) == 2
    say(stack, me, "delete my conversation")
    [done] = say(stack, me, "/confirm_delete_conversation")
    assert done["text"].startswith("Done: I've deleted our conversation")
    assert stored_feedback(stack, me) == []
