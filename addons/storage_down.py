"""When the tracker store (PostgreSQL) or the lock store (Redis) is down, the user gets the same
apology as when an action fails, instead of silence, and the Rasa server keeps running.

Stock rasa 3.6 is worse than silent when the tracker store is down: the agent wraps every
tracker store in a `FailSafeTrackerStore`, which turns a failed load into "no conversation yet"
and a failed save into a save in memory, so the person gets an answer to a conversation that
starts from nothing (seen: "Which role do you mean?" in the middle of a talk about ML engineers),
and that turn is lost. Redis down lets the error escape from `Agent.handle_message`; each
channel logs it and answers nothing (REST: an empty list).

Rasa has no setting for either, so when the Rasa server imports `addons` this module
1. makes the agent's `FailSafeTrackerStore` raise the store's error (through its own
   `on_tracker_store_error` callback, which rasa leaves unset) instead of carrying on, and
2. wraps `Agent.handle_message`: a storage error becomes the apology, sent on the message's
   own channel (REST, socket.io, Slack alike). Nothing is
retried here: the next message tries the stores again, so the conversation recovers by itself
once they are back (the tracker store checks a pooled connection before using it, the Redis
client reconnects). tests/unit/test_storage_down.py fails loudly if the wrapped function changes.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import LockError
from rasa.core.tracker_store import FailSafeTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from addons.action_timeout import APOLOGY

logger = logging.getLogger(__name__)

# What a store that is down or restarting raises (OSError: a refused or reset connection).
STORAGE_ERRORS = (SQLAlchemyError, RedisError, LockError, OSError)


def _apologise_when_storage_is_down(handle_message: Any) -> Any:
    @functools.wraps(handle_message)
    async def handle_or_apologise(self: Agent, message: UserMessage) -> Any | None:
        try:
            return await handle_message(self, message)
        except STORAGE_ERRORS as problem:
            logger.error(
                f"Storage unavailable ({type(problem).__name__}: {problem}); the user gets an apology."
            )
            if message.output_channel is not None:
                await message.output_channel.send_text_message(message.sender_id or "default", APOLOGY)
            return None

    handle_or_apologise.wrapped_by_career_guide = True  # type: ignore[attr-defined]
    return handle_or_apologise


def _reraise(error: Exception) -> None:
    raise error


def _failing_loudly(create_tracker_store: Any) -> Any:
    @functools.wraps(create_tracker_store)
    def create(store: TrackerStore | None, domain: Domain) -> TrackerStore:
        created = create_tracker_store(store, domain)
        if isinstance(created, FailSafeTrackerStore):
            created._on_tracker_store_error = _reraise
        return created

    create.wrapped_by_career_guide = True  # type: ignore[attr-defined]
    return create


if not getattr(Agent.handle_message, "wrapped_by_career_guide", False):
    Agent.handle_message = _apologise_when_storage_is_down(Agent.handle_message)
if not getattr(Agent._create_tracker_store, "wrapped_by_career_guide", False):
    Agent._create_tracker_store = staticmethod(_failing_loudly(Agent._create_tracker_store))
