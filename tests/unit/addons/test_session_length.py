"""addons/patches/session_length.py: turns counted per session."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

from addons.patches.session_length import turns_in_session


def tracker(events: list[Event]) -> DialogueStateTracker:
    slots = [TextSlot(name, mappings=[]) for name in ("role", "aspect")]
    return DialogueStateTracker.from_events("me", events, slots=slots)


def test_turns_are_counted_from_the_latest_session_start() -> None:
    turn: list[Event] = [ActionExecuted("action_listen"), UserUttered("hi")]
    assert turns_in_session(tracker(turn * 3)) == 3
    assert turns_in_session(tracker([*turn * 3, SessionStarted(), *turn])) == 1
