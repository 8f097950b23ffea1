"""Point-by-point comparisons of roles (feature `compare`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import KB
from actions import rank as rank_action
from actions._common import button, caveats, compared_roles, entity_values, role_before_message
from actions.detail import send
from careers import compare, detail, rank, roles

WHICH_TWO_BUTTONS = [
    button(
        "Data Scientist vs ML Engineer",
        "compare_roles",
        {"role": ["data_scientist", "machine_learning_engineer"]},
    ),
    button("Data Analyst vs Data Engineer", "compare_roles", {"role": ["data_analyst", "data_engineer"]}),
    button("Rank on pay", "rank_roles", {"aspect": "salary"}),
    button("Rank on growth", "rank_roles", {"aspect": "outlook"}),
]


class ActionCompareRoles(Action):
    """Compares the roles named, completed from the conversation, on the aspects named; says so
    when one of the occupations named is not a role we cover."""

    def name(self) -> str:
        return "action_compare_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        named = entity_values(tracker, "role")
        uncovered = roles.not_covered(KB, entity_values(tracker, "job"))
        if uncovered:
            known = [r for r in named if r in KB.roles]
            buttons = [button(f"About {KB.roles[r].plural}", "ask_role_overview", {"role": r}) for r in known]
            dispatcher.utter_message(text=compare.not_covered(KB, uncovered[0], known), buttons=buttons)
            return []
        role_ids = compare.pick_roles(KB, named, role_before_message(tracker), compared_roles(tracker))
        aspects = [a for a in entity_values(tracker, "aspect") if a in KB.aspects]
        if len(role_ids) < 2:
            # Nothing says which two: a ranking of the family on the point asked, or "which two?"
            if rank.dimension_for(aspects) or (role_ids and not aspects):
                return rank_action.answer(dispatcher, tracker, aspects)
            dispatcher.utter_message(text=compare.which_two(KB), buttons=WHICH_TWO_BUTTONS)
            return []
        figured = aspects or [a for a in KB.aspects if any(KB.roles[r].section(a).figures for r in role_ids)]
        # What the figures don't cover first; then the verdict, chat size, with every figure
        # behind each answer's "more" button.
        for answer in detail.comparison_answers(KB, role_ids, aspects, caveats(tracker, role_ids, figured)):
            send(dispatcher, answer)
        # After a comparison "they" means these roles, so no single role stays in focus.
        return [SlotSet("role", None), SlotSet("compared_roles", role_ids)]
