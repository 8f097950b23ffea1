"""Deleting one's own conversation (feature `lifecycle`).

The action only says so and restarts the conversation: the tracker store (addons/tracker_store.py)
sees that this action ran and ended in `Restarted`, and deletes every stored event of the sender
instead of saving the turn. If the action server is down, the person gets the apology and
nothing is deleted.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted
from rasa_sdk.executor import CollectingDispatcher

from careers.lifecycle import DELETE_CONVERSATION_ACTION


class ActionDeleteConversation(Action):
    def name(self) -> str:
        return DELETE_CONVERSATION_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_conversation_deleted")
        return [Restarted()]
