"""The feedback question (issue 19) as tests of other features meet it: a conversation's first
substantive answer ends with "Was this helpful? 👍 👎", a message of its own. These helpers check
it is there and hand back the answer's own messages, so a test about the answer stays one."""

from __future__ import annotations

from typing import Any

from careers import feedback

UP, DOWN = '/feedback{"rating":"up"}', '/feedback{"rating":"down"}'


def is_feedback_question(message: dict[str, Any]) -> bool:
    return feedback.is_question(message.get("text"))


def answer_of(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answer's messages of a reply that ends with the feedback question (checked here)."""
    *answer, question = messages
    assert question["text"] == feedback.QUESTION, question
    assert [b["payload"] for b in question["buttons"]] == [UP, DOWN]
    return answer


def without_feedback_question(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reply's messages but the feedback question, whether it was asked or not."""
    return [m for m in messages if not is_feedback_question(m)]
