"""When the tracker store (PostgreSQL) is down, its error reaches our channels, which answer with
the apology (addons/channels/guard.py), instead of an answer to a conversation that starts from
nothing.

Stock rasa 3.6 wraps every tracker store in a `FailSafeTrackerStore`, which turns a failed load
into "no conversation yet" and a failed save into a save in memory, so the person gets an answer
out of context (seen: "Which role do you mean?" in the middle of a talk about ML engineers) and
that turn is lost. The fail-safe store has an error callback, `on_tracker_store_error`, which
rasa leaves unset; this patch sets it to re-raise the store's error.
"""

from __future__ import annotations

import functools
from typing import Any

from rasa.core.agent import Agent
from rasa.core.tracker_store import FailSafeTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain

from addons.patches.patch import Patch


def _reraise(error: Exception) -> None:
    raise error


def failing_loudly(create_tracker_store: Any) -> Any:
    @functools.wraps(create_tracker_store)
    def create(store: TrackerStore | None, domain: Domain) -> TrackerStore:
        created = create_tracker_store(store, domain)
        if isinstance(created, FailSafeTrackerStore):
            created._on_tracker_store_error = _reraise
        return created

    return create


PATCH = Patch(
    owner=Agent,
    attribute="_create_tracker_store",
    source_sha256="97499b594b45581b2c6d8ff7adb9083af24eba85654995a40350de65633ca574",
    why="the agent wraps every tracker store in a FailSafeTrackerStore, with no setting for its error hook",
    replace=failing_loudly,
    static=True,
)
