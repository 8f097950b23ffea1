"""Answers about one role (feature `roles`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import KB
from actions._common import button, entity_values
from actions.detail import send
from careers import detail, roles

DEFAULT_ASPECT = "overview"


class ActionAnswerRole(Action):
    """Answers the aspect in context for the role(s) named or in context, or asks which role."""

    def name(self) -> str:
        return "action_answer_role"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        aspect = tracker.get_slot("aspect") or DEFAULT_ASPECT
        found = roles.resolve(
            KB, entity_values(tracker, "role"), entity_values(tracker, "job"), tracker.get_slot("role")
        )
        if found.not_covered:
            dispatcher.utter_message(
                response="utter_role_not_covered", job=found.not_covered, roles=roles.covered_roles(KB)
            )
            return []
        if found.ask:
            buttons = [
                button(title, "inform_role", {"role": role_id}) for title, role_id in roles.role_choices(KB)
            ]
            buttons.append(button("Compare them", "compare_roles", {"aspect": aspect}))
            dispatcher.utter_message(response="utter_ask_role", buttons=buttons)
            return []
        if len(found.roles) > 1:
            # "How much do DS and MLE earn?" is a comparison on that aspect; afterwards "they"
            # is ambiguous again, so no single role stays in context.
            send(dispatcher, detail.compare_answer(KB, found.roles, aspect))
            return [SlotSet("role", None), SlotSet("aspect", aspect)]
        # Chat size first; the full, sourced answer is behind the answer's "more" button.
        send(dispatcher, detail.role_answer(KB, found.roles[0], aspect))
        return [SlotSet("role", found.roles[0]), SlotSet("aspect", aspect)]
