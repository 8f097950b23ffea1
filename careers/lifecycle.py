"""The data lifecycle of a conversation: deleted when its person asks, pruned when idle.

The deleting itself is done where the events are stored (addons/stores/tracker_store.py); this module
holds what both sides agree on, without Rasa.
"""

from __future__ import annotations

import time
from typing import Any, Mapping

# The action that deletes the conversation it runs in. The tracker store deletes every stored
# event of a sender when a turn ran this action and the action succeeded.
DELETE_CONVERSATION_ACTION = "action_delete_conversation"

# The action that starts a conversation session (Rasa's name, ours to override).
SESSION_START_ACTION = "action_session_start"

SECONDS_PER_DAY = 86400


def idle_cutoff(days: float, now: float | None = None) -> float:
    """The timestamp before which a conversation's latest event makes it idle for `days` days."""
    if not days > 0:
        raise ValueError(f"DAYS must be a positive number of days, not {days!r}")
    return (time.time() if now is None else now) - days * SECONDS_PER_DAY


# Slots that belong to one session: a rating recorded in a session stays there (the report reads
# it once), and a new session has no answer to rate yet (careers/feedback.py).
PER_SESSION = frozenset({"feedback", "feedback_kind"})


def carried_over(slots: Mapping[str, Any], initial: Mapping[str, Any]) -> dict[str, Any]:
    """The slots a new session starts with: each slot whose value is not its initial one, once
    (the PER_SESSION ones aside).

    Stock Rasa copies every `SlotSet` event of the old session, repeats included, so each
    session would start longer than the last (seen: 878 events in session 30 of one
    conversation); one value per slot gives the same slots."""
    return {
        name: value
        for name, value in slots.items()
        if value is not None and value != initial.get(name) and name not in PER_SESSION
    }
