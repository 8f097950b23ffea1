"""Deleting one's conversation through the REST channel on the real servers (SQLite store)."""

from __future__ import annotations

import sqlite3
import time

from harness.servers import Stack


def stored_events(stack: Stack, sender: str) -> int:
    with sqlite3.connect(stack.workdir / "conversations.db") as connection:
        return int(
            connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]
        )


def test_delete_my_conversation_asks_first_then_deletes_everything_and_starts_afresh(stack: Stack) -> None:
    me = f"forget-{time.time_ns()}"
    assert stack.text(me, "tell me about ML engineers").startswith("Machine Learning Engineers")
    (ask,) = stack.say(me, "delete my conversation")
    assert ask["text"].startswith("Delete our whole conversation?")
    assert [b["payload"] for b in ask["buttons"]] == ["/confirm_delete_conversation", "/keep_conversation"]
    assert stored_events(stack, me) > 0  # nothing deleted before the confirmation

    assert stack.text(me, "/confirm_delete_conversation").startswith("Done: I've deleted our conversation")
    assert stored_events(stack, me) == 0
    # The role is forgotten: the next message starts a new conversation.
    assert stack.text(me, "what skills do they need?") == "Which role do you mean?"


def test_no_keeps_the_conversation(stack: Stack) -> None:
    me = f"keep-{time.time_ns()}"
    stack.say(me, "tell me about data scientists")
    stack.say(me, "delete my conversation")
    assert stack.text(me, "/keep_conversation").startswith("OK, I haven't deleted anything")
    assert stack.text(me, "how much do they earn?").startswith("Data Scientists: salary")
