"""addons/patches/session_length.py through the real servers. Long conversations: a new session every
SESSION_MAX_TURNS turns keeps turns fast, and the person notices nothing: the role in context
and a running guided path carry on, and every message stays stored (in SQLite's write-ahead
log mode)."""

from __future__ import annotations

import sqlite3
import uuid

from addons.patches.session_length import DEFAULT_MAX_TURNS as SESSION_MAX_TURNS
from harness.servers import Stack
from tests.e2e.test_path import click_to_ml_engineer


def sessions_and_user_turns(stack: Stack, sender: str) -> tuple[int, int]:
    with sqlite3.connect(stack.workdir / "conversations.db") as db:
        rows = db.execute("SELECT type_name FROM events WHERE sender_id = ?", (sender,)).fetchall()
    kinds = [kind for (kind,) in rows]
    return kinds.count("session_started"), kinds.count("user")


def test_the_role_in_context_survives_a_new_session(stack: Stack) -> None:
    me = f"long-{uuid.uuid4().hex[:8]}"
    assert "Machine Learning Engineers" in stack.text(me, "what does an ML engineer do?")
    for _ in range(SESSION_MAX_TURNS + 1):
        stack.text(me, "thanks")
    sessions, turns = sessions_and_user_turns(stack, me)
    assert sessions == 2 and turns == SESSION_MAX_TURNS + 2
    # "they" is still the ML engineer, and the aspect question is answered for that role.
    assert stack.text(me, "how much do they earn?").startswith("Machine Learning Engineers: salary")


def test_a_guided_path_is_never_cut_by_a_new_session(stack: Stack) -> None:
    me = f"long-{uuid.uuid4().hex[:8]}"
    for _ in range(SESSION_MAX_TURNS - 2):
        stack.text(me, "hello")
    messages = stack.say(me, "help me choose")  # the path starts two turns before the limit
    click_to_ml_engineer(stack, me, messages)
    assert sessions_and_user_turns(stack, me)[0] == 1  # none started while the path ran
    # After the path, the next turn is past the limit: a new session, the result remembered.
    assert "Machine Learning Engineers" in stack.text(me, "so what should I learn?")
    assert sessions_and_user_turns(stack, me)[0] == 2


def test_the_sqlite_tracker_store_writes_ahead(stack: Stack) -> None:
    stack.text(f"wal-{uuid.uuid4().hex[:8]}", "hello")
    with sqlite3.connect(stack.workdir / "conversations.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
