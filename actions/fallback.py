"""When the NLU is unsure (feature `fallback`): offer the likely meanings, or ask to rephrase."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import kb
from actions._common import button, entity_values
from careers import names
from careers.fallback import suggestions


class ActionSuggestRephrase(Action):
    def name(self) -> str:
        return "action_suggest_rephrase"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        ranking = [item.get("name", "") for item in tracker.latest_message.get("intent_ranking", [])]
        mentioned = entity_values(tracker, "role")
        role_id = mentioned[0] if mentioned else tracker.get_slot("role")
        found = suggestions(kb(), ranking, role_id)
        if not found:
            dispatcher.utter_message(response="utter_ask_rephrase")
            return []
        entities = {"role": role_id} if role_id else None
        buttons = [
            button(s.title, s.intent, entities if s.intent.startswith(names.ASK_ROLE_PREFIX) else None)
            for s in found
        ]
        buttons.append(button("Something else", names.HELP))
        dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons)
        return []
