"""The data lifecycle of a conversation: deleted when its person asks, pruned when idle.

The deleting itself is done where the events are stored (addons/tracker_store.py); this module
holds what both sides agree on, without Rasa.
"""

from __future__ import annotations

import time

# The action that deletes the conversation it runs in. The tracker store deletes every stored
# event of a sender when a turn ran this action and the action succeeded.
DELETE_CONVERSATION_ACTION = "action_delete_conversation"

SECONDS_PER_DAY = 86400


def idle_cutoff(days: float, now: float | None = None) -> float:
    """The timestamp before which a conversation's latest event makes it idle for `days` days."""
    if not days > 0:
        raise ValueError(f"DAYS must be a positive number of days, not {days!r}")
    return (time.time() if now is None else now) - days * SECONDS_PER_DAY
