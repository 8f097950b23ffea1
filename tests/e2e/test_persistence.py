"""Conversations live in the SQL tracker store and survive the Rasa server being killed:
on the embedded SQLite file (the default) and on a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest

from harness.postgres import postgres_server
from harness.servers import TRACKER_STORE, Stack, running_stack

CONVERSATIONS = 20
COUNT_EVENTS = "SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"
Counter = Callable[[], dict[str, int]]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def persistent(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Stack, Counter]]:
    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "sqlite":
        with running_stack(workdir) as stack:
            db = workdir / "conversations.db"

            def count() -> dict[str, int]:
                with sqlite3.connect(db) as connection:
                    return dict(connection.execute(COUNT_EVENTS).fetchall())

            yield stack, count
        return
    with postgres_server() as pg:
        store = (
            f"  type: {TRACKER_STORE}\n  dialect: postgresql\n  url: {pg.host}\n  port: {pg.port}\n"
            f"  db: {pg.db}\n  username: {pg.user}\n  password: ''\n"
        )
        with running_stack(workdir, tracker_store=store) as stack:

            def count() -> dict[str, int]:
                connection = pg.connect()
                try:
                    cursor = connection.cursor()
                    cursor.execute(COUNT_EVENTS)
                    return dict(cursor.fetchall())
                finally:
                    connection.close()

            yield stack, count


def test_twenty_conversations_continue_where_they_were_after_kill_9(
    persistent: tuple[Stack, Counter],
) -> None:
    stack, event_counts = persistent
    on_path = [f"path-{i}" for i in range(CONVERSATIONS // 2)]
    with_role = [f"role-{i}" for i in range(CONVERSATIONS // 2)]
    for sender in on_path:
        stack.say(sender, "help me choose")
        stack.say(sender, '/answer_path{"path_option": "building"}')
        assert "Question 3 of 6" in stack.text(sender, '/answer_path{"path_option": "software"}')
    for i, sender in enumerate(with_role):
        stack.say(sender, f"tell me about {'ML engineers' if i % 2 else 'data scientists'}")
    before = event_counts()
    assert len(before) == CONVERSATIONS

    stack.kill_rasa()
    stack.start_rasa()

    assert event_counts() == before  # nothing lost, nothing doubled
    for sender in on_path:  # the same open question, answered
        assert "Question 4 of 6" in stack.text(sender, '/answer_path{"path_option": "train_models"}')
    for i, sender in enumerate(with_role):  # the same role in context
        expected = "Machine Learning Engineers" if i % 2 else "Data Scientists"
        assert stack.text(sender, "how much do they earn?").startswith(f"{expected}: salary")
