"""Small talk that keeps the thread (feature `smalltalk`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import kb
from actions._common import button, compared_roles
from careers.smalltalk import next_steps


def next_step_buttons(tracker: Tracker) -> List[Dict[str, str]]:
    steps = next_steps(kb(), tracker.get_slot("role"), compared_roles(tracker), tracker.get_slot("aspect"))
    return [button(s.title, s.intent, dict(s.entities) if s.entities else None) for s in steps]


class _ReplyWithNextSteps(Action, ABC):
    """A short reply (`response`) and where to go next; never an apology for not understanding.
    Abstract, so the action server does not try to register it."""

    response: str

    @abstractmethod
    def name(self) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response=self.response, buttons=next_step_buttons(tracker))
        return []


class ActionAcknowledge(_ReplyWithNextSteps):
    """ "ok", "cool", "got it"."""

    response = "utter_acknowledge"

    def name(self) -> str:
        return "action_acknowledge"


class ActionCalmFrustration(_ReplyWithNextSteps):
    """ "this is useless": a calm reply that says what works."""

    response = "utter_calm_frustration"

    def name(self) -> str:
        return "action_calm_frustration"
