"""addons/stores/tracker_store.py on SQLite and PostgreSQL: it stores and loads what Rasa's own SQL store
does (each reads what the other wrote), appends each event once, deletes on request, prunes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from addons.stores.tracker_store import AppendingSQLTrackerStore, event_classes
from careers.lifecycle import DELETE_CONVERSATION_ACTION
from harness.postgres import postgres_server

DOMAIN = Domain.from_yaml("version: '3.1'\nslots:\n  role:\n    type: text\n    mappings: [{type: custom}]\n")


def turn(text: str, at: float, role: str | None = None) -> list[Event]:
    events: list[Event] = [UserUttered(text, timestamp=at), ActionExecuted("action_x", timestamp=at)]
    if role:
        events.append(SlotSet("role", role, timestamp=at))
    return [
        *events,
        BotUttered(f"answer to {text}", timestamp=at),
        ActionExecuted("action_listen", timestamp=at),
    ]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    if request.param == "sqlite":
        yield {"dialect": "sqlite", "db": str(tmp_path_factory.mktemp("store") / "conversations.db")}
        return
    with postgres_server() as pg:
        yield {"dialect": "postgresql", "host": pg.host, "port": pg.port, "db": pg.db, "username": pg.user}


@pytest.fixture()
def store(database: dict) -> Iterator[AppendingSQLTrackerStore]:
    ours = AppendingSQLTrackerStore(domain=DOMAIN, **database)
    yield ours
    with ours.engine.begin() as connection:
        connection.execute(ours.events.delete())
    ours.engine.dispose()


def stored(store: SQLTrackerStore, sender: str) -> list[str]:
    with store.engine.connect() as connection:
        query = sa.select(SQLTrackerStore.SQLEvent.__table__.c.type_name)
        table = SQLTrackerStore.SQLEvent.__table__
        return list(
            connection.execute(query.where(table.c.sender_id == sender).order_by(table.c.id)).scalars()
        )


def test_event_classes_by_name_are_the_ones_rasa_finds() -> None:
    # Fails loudly if Rasa adds, renames or re-types an event class.
    classes = event_classes()
    assert set(classes) == {cls.type_name for cls in all_subclasses(Event)}
    for name, cls in classes.items():
        assert Event.resolve_by_type(name) is cls


async def test_a_conversation_reads_back_as_rasa_stores_it(
    store: AppendingSQLTrackerStore, database: dict
) -> None:
    stock = SQLTrackerStore(domain=DOMAIN, **database)
    tracker = DialogueStateTracker.from_events(
        "ada", [ActionExecuted("action_listen", timestamp=1)], DOMAIN.slots
    )
    await stock.save(tracker)
    for i, event in enumerate(turn("hello", 2, role="data_scientist")):
        tracker.update(event)
        if i % 2:
            await store.save(tracker)  # ours appends to what the stock store wrote, part by part
    await store.save(tracker)
    tracker.update(SessionStarted(timestamp=3))
    tracker.update(SlotSet("role", "data_scientist", timestamp=3))
    for event in turn("again", 4):
        tracker.update(event)
    await store.save(tracker)
    await store.save(tracker)  # nothing new: nothing added

    ours, theirs = await store.retrieve("ada"), await stock.retrieve("ada")
    assert ours is not None and theirs is not None
    assert list(ours.events) == list(theirs.events)
    assert isinstance(ours.events[0], SessionStarted) and ours.get_slot("role") == "data_scientist"
    full = await store.retrieve_full_tracker("ada")
    assert full is not None and list(full.events) == list(tracker.events)
    assert len(stored(store, "ada")) == len(tracker.events)  # each event once

    # A turn added to a tracker that the stock store loaded (no count remembered): counted.
    third = turn("third", 5)
    for event in third:
        theirs.update(event)
    await store.save(theirs)
    assert len(stored(store, "ada")) == len(tracker.events) + len(third)
    stock.engine.dispose()


async def test_a_new_conversation_is_created_and_an_unknown_one_is_none(
    store: AppendingSQLTrackerStore,
) -> None:
    assert await store.retrieve("nobody") is None
    tracker = await store.get_or_create_tracker("new")
    assert stored(store, "new") == ["action"]
    tracker.update(UserUttered("hi"))
    await store.save(tracker)
    assert stored(store, "new") == ["action", "user"]


async def test_the_delete_action_deletes_every_stored_event_of_that_sender_only(
    store: AppendingSQLTrackerStore,
) -> None:
    for sender in ("me", "you"):
        tracker = DialogueStateTracker.from_events(sender, turn("hello", 1), DOMAIN.slots)
        await store.save(tracker)
    tracker = await store.retrieve("me")
    assert tracker is not None
    tracker.update(UserUttered("/confirm_delete_conversation"))
    tracker.update(ActionExecuted(DELETE_CONVERSATION_ACTION))
    tracker.update(BotUttered("deleted"))
    tracker.update(Restarted())
    await store.save(tracker)
    assert stored(store, "me") == [] and await store.retrieve("me") is None
    assert len(stored(store, "you")) == 4


async def test_a_failed_delete_action_deletes_nothing(store: AppendingSQLTrackerStore) -> None:
    tracker = DialogueStateTracker.from_events("me", turn("hello", 1), DOMAIN.slots)
    await store.save(tracker)
    tracker.update(ActionExecuted(DELETE_CONVERSATION_ACTION))
    tracker.update(BotUttered("Sorry, I can't answer that right now"))  # the action server was down
    await store.save(tracker)
    assert len(stored(store, "me")) == 6


async def test_prune_deletes_the_conversations_idle_for_more_than_the_days_given(
    store: AppendingSQLTrackerStore,
) -> None:
    day = 86400.0
    now = 1000 * day
    for sender, last in (("old", now - 91 * day), ("older", now - 400 * day), ("recent", now - 89 * day)):
        events = [*turn("long ago", now - 500 * day), *turn("latest", last)]
        await store.save(DialogueStateTracker.from_events(sender, events, DOMAIN.slots))
    assert store.prune_idle(90, now=now) == 2
    assert stored(store, "old") == stored(store, "older") == []
    assert len(stored(store, "recent")) == 8
    assert store.prune_idle(90, now=now) == 0
    with pytest.raises(ValueError, match="DAYS"):
        store.prune_idle(0)


def test_the_store_is_the_one_every_endpoints_file_names() -> None:
    root = Path(__file__).resolve().parents[3]
    for endpoints in sorted(root.glob("endpoints*.yml")):
        assert "type: addons.stores.tracker_store.AppendingSQLTrackerStore" in endpoints.read_text(), (
            endpoints
        )
