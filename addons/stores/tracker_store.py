"""Conversations in SQL (SQLite or PostgreSQL) at the cost of one statement per turn.

Named in endpoints.yml by its module path (`type: addons.stores.tracker_store.AppendingSQLTrackerStore`),
which is how Rasa loads a tracker store of one's own; every other key is Rasa's `SQL` store's
(dialect, url, port, db, username, password). It keeps Rasa's `events` table as it is, so data
written by the stock store reads back unchanged, and changes three things that the profile of one
turn (bench/NOTES.md) showed costing time:

1. Saving a turn appends its new events in one INSERT (SQLAlchemy Core, a multi-row insert on
   PostgreSQL) inside one transaction. Stock Rasa first counts the stored events of the session
   with a query, then builds an ORM object per event. We remember how many events the tracker
   had when it was loaded (or created) and append the rest; a tracker we did not load falls back
   to counting, like the stock store.
2. Loading the latest session is one query returning only the `data` column: the rows from the
   latest `session_started` row of that sender on, by id (ids are ordered; timestamps can tie).
3. Each stored event's class comes from a dictionary built once from Rasa's `Event` subclasses,
   instead of `Event.resolve_by_type`, which walks every subclass for every event
   (tests/unit/test_tracker_store.py checks that both agree for every event type).

Also: connections are checked before use (`pool_pre_ping`), so the store recovers by itself when
PostgreSQL restarts; SQLite runs in write-ahead-log mode with `synchronous=NORMAL` on pooled
connections (a commit no longer waits for the disk; a killed server loses nothing, a power cut
could lose the last turns).

The data lifecycle lives here too, because only the store sees every stored event: a turn that
ran `action_delete_conversation` (and whose action succeeded, so it ended in `Restarted`) deletes
every stored event of that sender instead of appending, and `prune_idle` deletes conversations
idle for longer than a number of days (`make prune`).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from typing import Any, Dict, List, Type

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, Event, Restarted, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.shared.utils.common import all_subclasses

from careers.lifecycle import DELETE_CONVERSATION_ACTION, idle_cutoff

logger = logging.getLogger(__name__)

# How many events of a tracker are already stored: set when we load or create it.
_STORED = "_career_guide_stored_events"


def event_classes() -> Dict[str, Type[Event]]:
    """Every event class by its type name; the first found wins, as in `Event.resolve_by_type`."""
    classes: Dict[str, Type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


_EVENT_CLASSES = event_classes()


def deserialise(serialised: Iterable[str]) -> List[Event]:
    """Events from their stored JSON, as `rasa.shared.core.events.deserialise_events` makes them."""
    events: List[Event] = []
    for data in serialised:
        parameters = json.loads(data)
        cls = _EVENT_CLASSES.get(parameters.get("event"))
        event = cls._from_parameters(parameters) if cls else Event.from_parameters(parameters)
        if event is not None:
            events.append(event)
    return events


def _row(sender_id: str, event: Event) -> Dict[str, Any]:
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


def asks_for_deletion(events: List[Event]) -> bool:
    """The delete action ran and succeeded (it ends in `Restarted`; a failed action gets an
    apology instead, and then nothing is deleted)."""
    for index, event in enumerate(events):
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_CONVERSATION_ACTION:
            return any(isinstance(later, Restarted) for later in events[index + 1 :])
    return False


def _sqlite_write_ahead_log(connection: Any, _record: Any) -> None:
    if isinstance(connection, sqlite3.Connection):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


class AppendingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store, saving a turn in one statement and loading a session in one query."""

    events = SQLTrackerStore.SQLEvent.__table__
    engine: sa.engine.Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # waits for the database and creates the table
        stock: sa.engine.Engine = self.engine
        url = stock.url
        stock.dispose()
        options = create_engine_kwargs(url)
        if url.get_backend_name() == "sqlite":
            # Keep connections open (SQLAlchemy 1.4 opens and closes one per transaction for a
            # SQLite file): closing the last connection checkpoints the write-ahead log, a disk
            # sync on every turn. SQLAlchemy 2.0 does this by default.
            options.update(poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False})
        self.engine = sa.create_engine(url, pool_pre_ping=True, **options)
        sa.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _latest_session(self, sender_id: str) -> sa.sql.Select:
        started = (
            sa.select(sa.func.coalesce(sa.func.max(self.events.c.id), 0))
            .where(self.events.c.sender_id == sender_id)
            .where(self.events.c.type_name == SessionStarted.type_name)
            .scalar_subquery()
        )
        return sa.select(self.events.c.data).where(
            self.events.c.sender_id == sender_id, self.events.c.id >= started
        )

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        if fetch_events_from_all_sessions:
            query = sa.select(self.events.c.data).where(self.events.c.sender_id == sender_id)
        else:
            query = self._latest_session(sender_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(self.events.c.id)).scalars().all()
        if not rows:
            return None
        tracker = DialogueStateTracker.from_events(sender_id, deserialise(rows), self.domain.slots)
        setattr(tracker, _STORED, len(rows))
        return tracker

    def init_tracker(self, sender_id: str) -> DialogueStateTracker:
        tracker = super().init_tracker(sender_id)
        setattr(tracker, _STORED, 0)
        return tracker

    def _stored_count(self, connection: Any, tracker: DialogueStateTracker) -> int:
        stored = getattr(tracker, _STORED, None)
        if stored is not None:
            return int(stored)
        # A tracker we did not load (the HTTP API can build one): count, like the stock store.
        latest = self._latest_session(tracker.sender_id).subquery()
        return int(connection.execute(sa.select(sa.func.count()).select_from(latest)).scalar_one())

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)  # only when an event broker is configured
        with self.engine.begin() as connection:
            new = list(tracker.events)[self._stored_count(connection, tracker) :]
            if asks_for_deletion(new):
                deleted = self._delete(connection, tracker.sender_id)
                logger.info(f"Deleted the {deleted} stored events of a conversation, as its person asked.")
                setattr(tracker, _STORED, 0)
                return
            if new:
                connection.execute(self.events.insert(), [_row(tracker.sender_id, e) for e in new])
        setattr(tracker, _STORED, len(tracker.events))

    def _delete(self, connection: Any, sender_id: str) -> int:
        result = connection.execute(self.events.delete().where(self.events.c.sender_id == sender_id))
        return int(result.rowcount)

    def prune_idle(self, days: float, now: float | None = None) -> int:
        """Deletes the conversations whose latest event is more than `days` days old; returns
        how many conversations were deleted."""
        idle = (
            sa.select(self.events.c.sender_id)
            .group_by(self.events.c.sender_id)
            .having(sa.func.max(self.events.c.timestamp) < idle_cutoff(days, now))
        )
        with self.engine.begin() as connection:
            count = len(connection.execute(idle).scalars().all())
            connection.execute(self.events.delete().where(self.events.c.sender_id.in_(idle)))
        return count
