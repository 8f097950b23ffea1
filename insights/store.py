"""The conversations of the configured tracker store, streamed one at a time.

The store is found the way Rasa finds it: the `tracker_store` block of an endpoints file, with its
`${VAR}` placeholders expanded (`read_endpoint_config`), turned into a database URL by Rasa's own
`SQLTrackerStore.get_db_url`. Then the `events` table is read directly, ordered by sender and id,
through a server-side cursor (`stream_results`): only one conversation is ever held in memory, so
a store of a million events reads in a few hundred megabytes at most.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from careers.lifecycle import DELETE_CONVERSATION_ACTION

# Rows fetched from the database at a time.
BATCH = 2000


@dataclass(frozen=True)
class Conversation:
    sender_id: str
    events: list[dict[str, Any]]


def database_url(endpoints: str) -> Any:
    """The SQLAlchemy URL of the tracker store an endpoints file names (SQL stores only)."""
    with warnings.catch_warnings():
        # Rasa's imports warn about third-party deprecations that say nothing to the reader.
        warnings.simplefilter("ignore", DeprecationWarning)
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.utils.endpoints import read_endpoint_config

    from rasa.shared.exceptions import RasaException

    try:
        config = read_endpoint_config(endpoints, "tracker_store")
    except RasaException as problem:  # an unset ${VAR}: the servers would refuse it too
        raise ValueError(str(problem)) from problem
    if config is None:
        raise ValueError(f"{endpoints} has no tracker_store block")
    kwargs = config.kwargs
    if kwargs.get("type") not in {"SQL", "sql"} and "dialect" not in kwargs:
        raise ValueError(f"The tracker store of {endpoints} is not an SQL store: {kwargs.get('type')}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sa.exc.SADeprecationWarning)  # Rasa calls URL() directly
        return SQLTrackerStore.get_db_url(
            kwargs.get("dialect", "sqlite"),
            config.url,
            kwargs.get("port"),
            kwargs.get("db", "rasa.db"),
            kwargs.get("username"),
            kwargs.get("password"),
            query=kwargs.get("query"),
        )


def missing(url: Any) -> str | None:
    """Why there is nothing to read at `url` (no SQLite file, no `events` table), else None.
    Checked first so that a SQLite file is never created by reading."""
    parsed = sa.engine.make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        return f"No conversations are stored yet: {parsed.database} does not exist."
    engine = sa.create_engine(parsed)
    try:
        if not sa.inspect(engine).has_table("events"):
            return f"No conversations are stored yet in {shown} (no events table)."
    except sa.exc.OperationalError as problem:
        return f"The tracker store at {shown} cannot be read: {problem.orig}"
    finally:
        engine.dispose()
    return None


class Unreadable(Exception):
    """Why the tracker store cannot be read, and the exit status that says so."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def readable(endpoints: str) -> Any:
    """The URL of the endpoints file's tracker store, once it is known to hold conversations.
    Raises `Unreadable` (status 2: the file is wrong; 0: nothing is stored there yet, which is
    no error on a fresh install)."""
    try:
        url = database_url(endpoints)
    except ValueError as problem:
        raise Unreadable(str(problem), 2) from problem
    nothing = missing(url)
    if nothing:
        raise Unreadable(nothing, 0)
    return url


def _events_table() -> sa.Table:
    from rasa.core.tracker_store import SQLTrackerStore

    return SQLTrackerStore.SQLEvent.__table__


def after_deletion(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events after the last time the person deleted the conversation.

    Our tracker store removes the rows when `action_delete_conversation` succeeds (it ends in
    `restart`), so normally nothing is left to drop; a store that kept them (Rasa's stock SQL
    store, or rows written before the deletion feature) must still not show them."""
    start = 0
    deleting = False
    for index, event in enumerate(events):
        if event.get("event") == "action" and event.get("name") == DELETE_CONVERSATION_ACTION:
            deleting = True
        elif deleting and event.get("event") == "restart":
            start, deleting = index + 1, False
        elif event.get("event") == "user":  # the turn ended without the restart: not deleted
            deleting = False
    return events[start:]


def _event(row: Any) -> dict[str, Any]:
    # An action's name is a column of its own: about 40% of the events need no JSON parsing.
    if row[1] == "action" and row[2] is not None:
        return {"event": "action", "name": row[2], "timestamp": row[3]}
    return json.loads(row[4])


def conversations(url: Any, since: float, until: float) -> Iterator[Conversation]:
    """Each sender's events stored between `since` and `until` (timestamps), in order, as dicts."""
    table = _events_table()
    query = (
        sa.select(table.c.sender_id, table.c.type_name, table.c.action_name, table.c.timestamp, table.c.data)
        .where(table.c.timestamp >= since, table.c.timestamp < until)
        .order_by(table.c.sender_id, table.c.id)
    )
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execution_options(stream_results=True, yield_per=BATCH).execute(query)
            for sender_id, group in groupby(rows, key=lambda row: row[0]):
                events = after_deletion([_event(row) for row in group])
                if events:
                    yield Conversation(sender_id, events)
    finally:
        engine.dispose()
