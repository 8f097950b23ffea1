"""Point-by-point comparisons of roles (feature `compare`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import KB
from actions._common import button, entity_values
from careers import compare


class ActionCompareRoles(Action):
    """Compares the roles named (all roles when fewer than two are) on the aspects named."""

    def name(self) -> str:
        return "action_compare_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = compare.answer(KB, entity_values(tracker, "role"), entity_values(tracker, "aspect"))
        dispatcher.utter_message(text=text, buttons=[button("Help me choose", "start_path")])
        # After a comparison "they" means both roles, so no single role stays in context.
        return [SlotSet("role", None)]
