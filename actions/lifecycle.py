"""A conversation's life (feature `lifecycle`): a new session keeps what the person said, and a
person can delete their own conversation.

A new session starts after SESSION_MAX_TURNS turns (addons/patches/session_length.py) or an
hour of silence; our `action_session_start` (Rasa's extension point for it) carries the slots
over, one value per slot.

Deleting one's conversation:

The action only says so and restarts the conversation: the tracker store (addons/stores/tracker_store.py)
sees that this action ran and ended in `Restarted`, and deletes every stored event of the sender
instead of saving the turn. If the action server is down, the person gets the apology and
nothing is deleted.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from careers import lifecycle
from careers.lifecycle import DELETE_CONVERSATION_ACTION


class ActionDeleteConversation(Action):
    def name(self) -> str:
        return DELETE_CONVERSATION_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_conversation_deleted")
        return [Restarted()]


class ActionSessionStart(Action):
    def name(self) -> str:
        return lifecycle.SESSION_START_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        initial = {
            name: (spec or {}).get("initial_value") for name, spec in (domain.get("slots") or {}).items()
        }
        carried = lifecycle.carried_over(tracker.slots, initial)
        return [
            SessionStarted(),
            *[SlotSet(name, value) for name, value in carried.items()],
            ActionExecuted("action_listen"),
        ]
