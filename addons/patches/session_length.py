"""Conversation sessions of at most SESSION_MAX_TURNS user turns (default 10), so that turn 200
of a conversation is as fast as turn 10.

Rasa loads, replays, featurizes and sends to the action server every event of the current
session on every turn, so a turn costs more the longer the session (found by profiling; see
BENCHMARKS.md). Sessions are Rasa's own way to bound that (the SQL tracker store loads only the
latest one); stock Rasa starts one only after an hour of silence, this also starts one after
SESSION_MAX_TURNS turns. Slots carry over (our `action_session_start`, actions/lifecycle.py),
every rule looks at one user turn only (tests/test_wiring.py checks), and no session starts
while a form (the guided path) is running, so the conversation continues as before. Every
event stays stored.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.patches.patch import Patch

DEFAULT_MAX_TURNS = 10


def max_turns() -> int:
    """SESSION_MAX_TURNS, read when the patch is installed (0: only stock sessions)."""
    return int(os.environ.get("SESSION_MAX_TURNS", str(DEFAULT_MAX_TURNS)))


def turns_in_session(tracker: DialogueStateTracker) -> int:
    """User turns since the latest session start (or the start of the tracker)."""
    turns = 0
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            break
        turns += isinstance(event, UserUttered)
    return turns


def session_length_limit(has_session_expired: Any) -> Any:
    limit = max_turns()

    @functools.wraps(has_session_expired)
    def wrapper(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
        if has_session_expired(self, tracker):
            return True
        if limit <= 0 or tracker.active_loop_name is not None:
            return False
        return turns_in_session(tracker) >= limit

    return wrapper


PATCH = Patch(
    owner=MessageProcessor,
    attribute="_has_session_expired",
    source_sha256="aa0e659a9cfa1f70616523da75045bd87d4424a03432726722c7dc80a9869200",
    why="a session expires only by time (session_config), with no setting or hook for a number of turns",
    replace=session_length_limit,
)
