"""Per-turn costs of rasa 3.6 that grow with a conversation or repeat for nothing, removed.

Found by profiling turn 200 of one conversation (BENCHMARKS.md, bench/NOTES.md). Loaded when
the Rasa server imports `addons` (the NLU components and the channels live here); nothing here
changes what the assistant says or stores.

1. Conversation sessions of at most SESSION_MAX_TURNS user turns (default 10). Rasa loads,
   replays, featurizes and sends to the action server every event of the current session on
   every turn, so a turn costs more the longer the session. Sessions are Rasa's own way to
   bound that (the SQL tracker store loads only the latest one); stock Rasa starts one only
   after an hour of silence, this also starts one after SESSION_MAX_TURNS turns. Slots carry
   over (domain.yml `carry_over_slots_to_new_session: true`), every rule looks at one user turn
   only (tests/test_wiring.py checks), and no session starts while a form (the guided path)
   is running, so the conversation continues as before. Every event stays stored.
   A new session carries the slots over with one `SlotSet` per slot, its latest value: stock
   Rasa copies every `SlotSet` of the old session, copies included, so each session would
   start longer than the last (seen: 878 events in session 30 of one conversation).
2. The action server's reply validated against a schema compiled once: `jsonschema.validate`
   checks the schema itself on every call.

The tracker store's own costs (how a turn is saved and loaded, event classes by name, SQLite's
write-ahead log) are in addons/tracker_store.py, Rasa's extension point for them.
"""

from __future__ import annotations

import functools
import os
from typing import Any, Dict

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionSessionStart, RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

SESSION_MAX_TURNS = int(os.environ.get("SESSION_MAX_TURNS", "10"))  # 0: only stock sessions


def turns_in_session(tracker: DialogueStateTracker) -> int:
    """User turns since the latest session start (or the start of the tracker)."""
    turns = 0
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            break
        turns += isinstance(event, UserUttered)
    return turns


def _session_length_limit(has_session_expired: Any) -> Any:
    @functools.wraps(has_session_expired)
    def wrapper(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
        if has_session_expired(self, tracker):
            return True
        if SESSION_MAX_TURNS <= 0 or tracker.active_loop_name is not None:
            return False
        return turns_in_session(tracker) >= SESSION_MAX_TURNS

    return wrapper


def latest_slot_values(tracker: DialogueStateTracker) -> list[SlotSet]:
    """One `SlotSet` per slot set in this session, with its latest value, in the order of
    those latest sets: applied in turn, they give the same slots as every set in the session."""
    latest: dict[str, SlotSet] = {}
    for event in tracker.applied_events():
        if isinstance(event, SlotSet):
            latest.pop(event.key, None)
            latest[event.key] = SlotSet(key=event.key, value=event.value, metadata=event.metadata)
    return list(latest.values())


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    error: ValidationError | None = best_match(_action_response_validator().iter_errors(result))
    if error is None:
        return True
    # The same message as rasa's own check.
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        "Action endpoint is valid. For more information about the format visit "
        "https://rasa.com/docs/rasa/custom-actions"
    )
    raise error


MessageProcessor._has_session_expired = _session_length_limit(MessageProcessor._has_session_expired)
ActionSessionStart._slot_set_events_from_tracker = staticmethod(latest_slot_values)
RemoteAction._validate_action_result = _validate_action_result
