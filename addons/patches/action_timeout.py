"""When the action server is down or slow, the user gets the apology instead of silence.

Stock rasa 3.6 waits up to 5 minutes for a custom action, and when the action server is down or
errs it logs the error and sends the user nothing. After ACTION_TIMEOUT_SECONDS (default 5) or
on a connection error, the action's result is one apology message (our `action_session_start`
falls back to Rasa's own session start instead, so that the conversation starts properly). The
next message calls the action server again, so the conversation recovers by itself once the
server is back.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, ActionSessionStart, RemoteAction
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.events import BotUttered, Event
from rasa.shared.exceptions import RasaException

from addons.apology import APOLOGY
from addons.patches.patch import Patch

logger = logging.getLogger(__name__)


def with_timeout(run: Any) -> Any:
    seconds = float(os.environ.get("ACTION_TIMEOUT_SECONDS", "5"))  # read when installed, at start

    @functools.wraps(run)
    async def run_or_apologise(self: RemoteAction, *args: Any, **kwargs: Any) -> list[Event]:
        try:
            return list(await asyncio.wait_for(run(self, *args, **kwargs), seconds))
        except ActionExecutionRejection:
            raise  # a form stepping aside is not a failure
        except (asyncio.TimeoutError, RasaException) as problem:
            if self.name() == ACTION_SESSION_START_NAME:
                # A session must start, or the turn goes on in a half-made conversation: Rasa's
                # own start (slots carried its way); the message's action then apologises.
                logger.error(f"Our '{self.name()}' failed ({problem!r}); Rasa's own session start instead.")
                return list(await ActionSessionStart().run(*args, **kwargs))
            logger.error(f"Custom action '{self.name()}' failed ({problem!r}); the user gets an apology.")
            return [BotUttered(APOLOGY)]

    return run_or_apologise


PATCH = Patch(
    owner=RemoteAction,
    attribute="run",
    source_sha256="ccabf6f1160d527a157fad5bd285ce69e8221b1bcad23f8a61499b4360a1c17e",
    why="the remote action's time-out (300 s) and its silence on failure have no setting or hook",
    replace=with_timeout,
)
