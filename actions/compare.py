"""Point-by-point comparisons of roles (feature `compare`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import KB
from actions._common import entity_values
from actions.detail import send
from careers import detail


class ActionCompareRoles(Action):
    """Compares the roles named (all roles when fewer than two are) on the aspects named."""

    def name(self) -> str:
        return "action_compare_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        # The verdict first, chat size; every figure is behind each answer's "more" button.
        for answer in detail.comparison_answers(
            KB, entity_values(tracker, "role"), entity_values(tracker, "aspect")
        ):
            send(dispatcher, answer)
        # After a comparison "they" means both roles, so no single role stays in context.
        return [SlotSet("role", None)]
