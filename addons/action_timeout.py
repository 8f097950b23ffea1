"""When the action server is down or slow, the user gets an apology instead of silence.

Stock rasa 3.6 waits up to 5 minutes for a custom action, and when the action server is down
or errs it logs the error and sends the user nothing. Rasa has no setting or hook for this, so
this module wraps `RemoteAction.run` when the Rasa server imports `addons` (the NLU component
and the channels live here): after ACTION_TIMEOUT_SECONDS (default 5) or on a connection
error, the action's result is one apology message. The next message calls the action server
again, so the conversation recovers by itself once the server is back.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import BotUttered, Event
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

ACTION_TIMEOUT_SECONDS = float(os.environ.get("ACTION_TIMEOUT_SECONDS", "5"))
APOLOGY = "Sorry, I can't answer that right now: part of me is not responding. Please try again in a moment."


def _with_timeout(run: Any) -> Any:
    @functools.wraps(run)
    async def run_or_apologise(self: RemoteAction, *args: Any, **kwargs: Any) -> list[Event]:
        try:
            return list(await asyncio.wait_for(run(self, *args, **kwargs), ACTION_TIMEOUT_SECONDS))
        except ActionExecutionRejection:
            raise  # a form stepping aside is not a failure
        except (asyncio.TimeoutError, RasaException) as problem:
            logger.error(f"Custom action '{self.name()}' failed ({problem!r}); the user gets an apology.")
            return [BotUttered(APOLOGY)]

    run_or_apologise.wrapped_by_career_guide = True  # type: ignore[attr-defined]
    return run_or_apologise


if not getattr(RemoteAction.run, "wrapped_by_career_guide", False):
    RemoteAction.run = _with_timeout(RemoteAction.run)
