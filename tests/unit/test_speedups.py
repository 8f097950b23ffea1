"""addons/speedups.py: the shortcuts give what stock Rasa gives."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

from addons.speedups import latest_slot_values, turns_in_session


def tracker(events: list[Event]) -> DialogueStateTracker:
    slots = [TextSlot(name, mappings=[]) for name in ("role", "aspect")]
    return DialogueStateTracker.from_events("me", events, slots=slots)


def test_a_new_session_carries_each_slot_once_with_its_latest_value() -> None:
    events: list[Event] = [
        SlotSet("role", "data_scientist"),
        SlotSet("aspect", "salary"),
        SlotSet("role", "machine_learning_engineer"),
        SlotSet("role", "machine_learning_engineer"),
    ]
    carried = latest_slot_values(tracker(events))
    assert [(e.key, e.value) for e in carried] == [
        ("aspect", "salary"),
        ("role", "machine_learning_engineer"),
    ]
    assert tracker(list(carried)).current_slot_values() == tracker(events).current_slot_values()


def test_turns_are_counted_from_the_latest_session_start() -> None:
    turn: list[Event] = [ActionExecuted("action_listen"), UserUttered("hi")]
    assert turns_in_session(tracker(turn * 3)) == 3
    assert turns_in_session(tracker([*turn * 3, SessionStarted(), *turn])) == 1
