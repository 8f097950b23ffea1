"""Small talk that keeps the thread (feature `smalltalk`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import KB
from actions._common import button, compared_roles
from careers.smalltalk import next_steps


def next_step_buttons(tracker: Tracker) -> List[Dict[str, str]]:
    steps = next_steps(KB, tracker.get_slot("role"), compared_roles(tracker), tracker.get_slot("aspect"))
    return [button(s.title, s.intent, dict(s.entities) if s.entities else None) for s in steps]


class ActionAcknowledge(Action):
    """ "ok", "cool", "got it": a short reply and where to go next, never an apology."""

    def name(self) -> str:
        return "action_acknowledge"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_acknowledge", buttons=next_step_buttons(tracker))
        return []


class ActionCalmFrustration(Action):
    """ "this is useless": a calm reply that says what works, with the next steps."""

    def name(self) -> str:
        return "action_calm_frustration"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_calm_frustration", buttons=next_step_buttons(tracker))
        return []
