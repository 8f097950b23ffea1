"""Conversations live in the SQL tracker store and survive the Rasa server being killed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import Stack, running_stack

CONVERSATIONS = 20


@pytest.fixture(scope="module")
def persistent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("persistent")) as stack:
        yield stack


def event_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"))


def test_twenty_conversations_continue_where_they_were_after_kill_9(persistent: Stack) -> None:
    on_path = [f"path-{i}" for i in range(CONVERSATIONS // 2)]
    with_role = [f"role-{i}" for i in range(CONVERSATIONS // 2)]
    for sender in on_path:
        persistent.say(sender, "help me choose")
        persistent.say(sender, '/answer_path{"path_option": "building"}')
        assert "Question 3 of 6" in persistent.text(sender, '/answer_path{"path_option": "software"}')
    for i, sender in enumerate(with_role):
        role = "ML engineers" if i % 2 else "data scientists"
        persistent.say(sender, f"tell me about {role}")
    db = persistent.workdir / "conversations.db"
    before = event_counts(db)

    persistent.kill_rasa()
    persistent.start_rasa()

    assert event_counts(db) == before  # nothing lost, nothing doubled
    for sender in on_path:  # the same open question, answered
        reply = persistent.text(sender, '/answer_path{"path_option": "infrastructure"}')
        assert "Question 4 of 6" in reply
    for i, sender in enumerate(with_role):  # the same role in context
        expected = "Machine Learning Engineers" if i % 2 else "Data Scientists"
        assert persistent.text(sender, "how much do they earn?").startswith(f"{expected}: salary")
