"""Conversations live in the SQL tracker store (SQLite by default) and survive a restart."""

from __future__ import annotations

from pathlib import Path

from tests.servers import running_stack


def test_a_conversation_continues_after_the_servers_restart(tmp_path: Path) -> None:
    with running_stack(tmp_path) as stack:
        assert stack.text("returning-user", "tell me about ML engineers").startswith(
            "Machine Learning Engineers"
        )
    assert (tmp_path / "conversations.db").stat().st_size > 0
    with running_stack(tmp_path) as stack:
        # "they" still means ML engineers: the role came back from the database.
        assert stack.text("returning-user", "how much do they earn?").startswith(
            "Machine Learning Engineers: salary"
        )
