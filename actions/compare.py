"""Point-by-point comparisons of roles (feature `compare`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import kb
from actions import pay as pay_action
from actions import rank as rank_action
from actions._common import button, caveats, compared_roles, entity_values, role_before_message
from actions.detail import send
from actions.feedback import answered, asks_feedback
from careers import compare, detail, names, rank, roles


def which_two_buttons() -> list[dict[str, str]]:
    """The comparisons the knowledge base suggests (comparisons.yml), then the two rankings."""
    pairs = [
        button(compare.title(kb(), pair), names.COMPARE_ROLES, {"role": list(pair)})
        for pair in kb().suggested_pairs
    ]
    return [
        *pairs,
        button("Rank on pay", names.RANK_ROLES, {"aspect": "salary"}),
        button("Rank on growth", names.RANK_ROLES, {"aspect": "outlook"}),
    ]


@asks_feedback
class ActionCompareRoles(Action):
    """Compares the roles named, completed from the conversation, on the aspects named; says so
    when one of the occupations named is not a role we cover."""

    def name(self) -> str:
        return "action_compare_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        named = entity_values(tracker, "role")
        uncovered = roles.not_covered(kb(), entity_values(tracker, "job"))
        if uncovered:
            known = [r for r in named if r in kb().roles]
            buttons = [
                button(f"About {kb().roles[r].plural}", names.ask_role("overview"), {"role": r})
                for r in known
            ]
            dispatcher.utter_message(text=compare.not_covered(kb(), uncovered[0], known), buttons=buttons)
            return []
        # One role in two places ("DS pay: Texas or California?"), or roles in one place:
        # careers/pay_question.py; None: a comparison of roles on their own figures, as below.
        asked = pay_action.question(tracker, role_in_focus=role_before_message(tracker) or "")
        paid = pay_action.answer(dispatcher, tracker, asked)
        if paid is not None:
            return paid
        role_ids = compare.pick_roles(kb(), named, role_before_message(tracker), compared_roles(tracker))
        aspects = [a for a in entity_values(tracker, "aspect") if a in kb().aspects]
        in_focus = tracker.get_slot("aspect")
        if not aspects and len(named) < 2 and in_focus in kb().aspects and in_focus != "overview":
            # "what about compared with statisticians?" after their salary: the aspect in focus.
            aspects = [str(in_focus)]
        if len(role_ids) < 2:
            # Nothing says which two: a ranking of the family on the point asked, or "which two?"
            if rank.dimension_for(aspects) or (role_ids and not aspects):
                return rank_action.answer(dispatcher, tracker, aspects)
            dispatcher.utter_message(text=compare.which_two(kb()), buttons=which_two_buttons())
            return []
        figured = aspects or [
            a for a in kb().aspects if any(kb().roles[r].section(a).figures for r in role_ids)
        ]
        # What the figures don't cover first; then the verdict, chat size, with every figure
        # behind each answer's "more" button.
        for answer in detail.comparison_answers(kb(), role_ids, aspects, caveats(tracker, role_ids, figured)):
            send(dispatcher, answer)
        answered()
        # After a comparison "they" means these roles, so no single role stays in focus.
        return [SlotSet("role", None), SlotSet("compared_roles", role_ids)]
