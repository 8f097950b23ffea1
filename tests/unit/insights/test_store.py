"""Conversations read from SQLite and PostgreSQL: one at a time, in order, within the period,
and never what a person deleted."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Restarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.tracker_store import AppendingSQLTrackerStore
from careers.lifecycle import DELETE_CONVERSATION_ACTION
from harness import events as ev
from insights.store import after_deletion, conversations
from tests.unit.insights.conftest import Writer

T = 1_700_000_000.0


def test_each_conversation_comes_whole_and_in_order_within_the_period(url: Any, write: Writer) -> None:
    write([("b", [ev.user("hi", "greet", T + 2), ev.bot("Hello", T + 3)])])
    write([("a", [ev.user("old", "greet", T - 100), ev.user("one", "greet", T), ev.action("x", T + 1)])])
    write([("b", [ev.user("later", "greet", T + 50)])])
    found = [
        (c.sender_id, [e.get("text") or e.get("name") for e in c.events])
        for c in conversations(url, T, T + 10)
    ]
    assert found == [("a", ["one", "x"]), ("b", ["hi", "Hello"])]


def test_what_came_before_a_deletion_is_left_out_when_the_rows_were_kept() -> None:
    events = [
        ev.user("my mail is ann@example.com", "greet", T),
        ev.action(DELETE_CONVERSATION_ACTION, T + 1),
        ev.restart(T + 1),
        ev.user("hello again", "greet", T + 2),
    ]
    assert [e.get("text") for e in after_deletion(events)] == ["hello again"]
    # A deletion that failed (no restart in its turn) deleted nothing, even if the person
    # restarts the conversation later.
    assert after_deletion(events[:2]) == events[:2]
    failed = [*events[:2], ev.user("start over", "start_over", T + 2), ev.restart(T + 3)]
    assert after_deletion(failed) == failed


def test_a_conversation_deleted_through_our_tracker_store_is_gone(url: Any, endpoints: Path) -> None:
    domain = Domain.from_yaml("version: '3.1'\n")
    store = AppendingSQLTrackerStore(domain=domain, **_store_kwargs(endpoints))
    try:
        kept = DialogueStateTracker.from_events(
            "kept", [UserUttered("tell me about data engineers", timestamp=T)]
        )
        gone = DialogueStateTracker.from_events(
            "gone",
            [
                UserUttered("I am ann@example.com, forget me", timestamp=T),
                ActionExecuted(DELETE_CONVERSATION_ACTION, timestamp=T + 1),
                Restarted(timestamp=T + 1),
            ],
        )
        asyncio.run(store.save(kept))
        asyncio.run(store.save(gone))
    finally:
        store.engine.dispose()
    assert [c.sender_id for c in conversations(url, T - 1, T + 10)] == ["kept"]


def _store_kwargs(endpoints: Path) -> dict[str, Any]:
    import yaml

    block = dict(yaml.safe_load(endpoints.read_text())["tracker_store"])
    block.pop("type")
    if "url" in block:
        block["host"] = block.pop("url")
    return block
