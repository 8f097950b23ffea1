"""Answers about one role (feature `roles`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import kb
from actions import pay as pay_action
from actions import rank as rank_action
from actions._common import button, caveats, compared_roles, entity_values, previous_intent
from actions.detail import send
from actions.feedback import answered, asks_feedback
from careers import detail, names, rank, roles

DEFAULT_ASPECT = "overview"


@asks_feedback
class ActionAnswerRole(Action):
    """Answers the aspect in context for the role(s) named or in context, or asks which role."""

    def name(self) -> str:
        return "action_answer_role"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        carried = carried_question(tracker)
        if carried is not None:
            # "and to ML engineer?" after the gap to data engineer: the same question, of this role.
            from actions.reading import ask_again  # here: actions/reading.py imports this module

            return await ask_again(carried, dispatcher, tracker, domain)
        found = roles.resolve(
            kb(),
            entity_values(tracker, "role"),
            entity_values(tracker, "job"),
            tracker.get_slot("role"),
            compared_roles(tracker),
        )
        return answer(dispatcher, tracker, found)


@asks_feedback
class ActionAnswerOtherRole(Action):
    """ "And the other one?": the aspect in context for the other role of the last comparison."""

    def name(self) -> str:
        return "action_answer_other_role"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        found = roles.other_role(kb(), tracker.get_slot("role"), compared_roles(tracker))
        return answer(dispatcher, tracker, found, other=True)


# Questions that a role named alone right after one asks again of that role ("what's my gap to
# data scientist?" → "and to ML engineer?"): the person's gap, roadmap or move, how long it takes,
# AI, the related roles.
CARRIED = {
    names.ASK_SKILL_GAP, names.ASK_ROADMAP, names.ASK_TRANSITION, names.ASK_DURATION, names.ASK_AI_RISK,
    names.ASK_RELATED_ROLES,
}  # fmt: skip


def carried_question(tracker: Tracker) -> str | None:
    """The question of the message before, when this one names a role and nothing else asked."""
    intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
    before = previous_intent(tracker)
    named = entity_values(tracker, names.ROLE)
    if intent != names.INFORM_ROLE or before not in CARRIED or len(named) != 1:
        return None
    if entity_values(tracker, names.ASPECT) or entity_values(tracker, names.JOB):
        return None
    if before == names.ASK_TRANSITION and not tracker.get_slot(names.BACKGROUND):
        # "Where are you starting from?" answered with a role: where they start, not the goal.
        return None
    return before


def answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, found: roles.Resolution, other: bool = False
) -> List[Dict[str, Any]]:
    aspect = tracker.get_slot("aspect") or DEFAULT_ASPECT
    # Pay in a place, at a level, in an industry, and where the jobs are: careers/pay_question.py
    # (None: a question the role's own figures answer, as below).
    named = list(found.roles) if other else entity_values(tracker, "role")
    paid = pay_action.answer(dispatcher, tracker, pay_action.question(tracker, named))
    if paid is not None:
        return paid
    if found.not_covered:
        dispatcher.utter_message(
            response="utter_role_not_covered", job=found.not_covered, roles=roles.covered_roles(kb())
        )
        return []
    if found.ask and rank.dimension_for([aspect]):
        # "What's the best paid job in data?": no role anywhere, so the whole family, ranked.
        return rank_action.answer(dispatcher, tracker, [aspect])
    if found.ask:
        buttons = [
            button(title, names.INFORM_ROLE, {"role": role_id}) for title, role_id in roles.role_choices(kb())
        ]
        buttons.append(button("Compare them", names.COMPARE_ROLES, {"aspect": aspect}))
        dispatcher.utter_message(response="utter_ask_role", buttons=buttons)
        return []
    if len(found.roles) > 1:
        # "How much do DS and MLE earn?" is a comparison on that aspect; afterwards "they" is
        # both roles, so no single role stays in focus, and a follow-up compares them again.
        lead = caveats(tracker, list(found.roles), [aspect])
        send(dispatcher, detail.compare_answer(kb(), found.roles, aspect, lead))
        answered()
        return [
            SlotSet("role", None),
            SlotSet("aspect", aspect),
            SlotSet("compared_roles", list(found.roles)),
        ]
    # What the figures don't cover first; then chat size, the full, sourced answer behind the
    # answer's "more" button.
    send(
        dispatcher,
        detail.role_answer(kb(), found.roles[0], aspect, caveats(tracker, [found.roles[0]], [aspect])),
    )
    answered()
    return [SlotSet("role", found.roles[0]), SlotSet("aspect", aspect)]
