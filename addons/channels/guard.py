"""What every channel of ours does around Rasa: install the patches when Rasa builds the channel
at server start, and answer with the apology when a store is down.

Stock rasa 3.6 lets a Redis or PostgreSQL error escape from the message handler; each channel
logs it and answers nothing (REST: an empty list). A channel's `on_new_message` callback is
Rasa's extension point around the handling of one message, so the error becomes the apology
here, sent on the message's own channel. Nothing is retried: the next message tries the stores
again, so the conversation recovers by itself once they are back.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import LockError
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from addons import patches
from addons.apology import APOLOGY

logger = logging.getLogger(__name__)

# What a store that is down or restarting raises (OSError: a refused or reset connection).
STORAGE_ERRORS = (SQLAlchemyError, RedisError, LockError, OSError)

Handler = Callable[[UserMessage], Awaitable[Any]]


def apologising(on_new_message: Handler) -> Handler:
    """`on_new_message`, with a storage error turned into the apology on the message's channel."""

    @functools.wraps(on_new_message)
    async def handle_or_apologise(message: UserMessage) -> Any | None:
        try:
            return await on_new_message(message)
        except STORAGE_ERRORS as problem:
            logger.error(
                f"Storage unavailable ({type(problem).__name__}: {problem}); the user gets an apology."
            )
            if message.output_channel is not None:
                await message.output_channel.send_text_message(message.sender_id or "default", APOLOGY)
            return None

    return handle_or_apologise


def at_server_start() -> None:
    """Called by each channel's `from_credentials`, which Rasa calls when the server starts."""
    patches.install()
