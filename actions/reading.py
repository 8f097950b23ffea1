"""Every part of a message answered, in order (feature `reading`, issue 17).

addons/nlu/reading.py reads the whole message into parts (careers/reading.py); a message of
several parts comes here as `say_several`. Each part is answered by the action that answers it
alone (the same as data/rules/ maps its intent to; tests/test_wiring.py checks), on a tracker
that holds the part's own intent, text and entities and the slots the parts before it set, so
that "I know Python and SQL, what am I missing for data engineering?" notes the skills first and
the gap then uses them. What is said: a profile part's acknowledgement, then each answer,
chat-size, in the order asked; one set of buttons, at the end (at most MAX_BUTTONS).
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.advice import ActionGiveAdvice, ActionRankBySkill
from actions.compare import ActionCompareRoles
from actions.feedback import asks_feedback, unrated
from actions.guidance import (
    ActionForgetSkill,
    ActionListRelatedRoles,
    ActionNoteSkills,
    ActionPlanTransition,
    ActionRankClosestRoles,
    ActionResetProfile,
    ActionShowProfile,
    ActionShowRoadmap,
    ActionShowSkillGap,
)
from actions.path import ActionExplainWhyNot
from actions.pay import ActionAnswerPay
from actions.rank import ActionListRoles, ActionRankRoles
from actions.roles import ActionAnswerOtherRole, ActionAnswerRole
from actions.sources import ActionListSources
from careers import names, reading
from careers.answer import MAX_BUTTONS

# The action that answers each intent on its own (as data/rules/ says).
ACTIONS: Dict[str, type[Action]] = {
    names.INFORM_ROLE: ActionAnswerRole,
    names.ASK_OTHER_ROLE: ActionAnswerOtherRole,
    names.COMPARE_ROLES: ActionCompareRoles,
    names.RANK_ROLES: ActionRankRoles,
    names.LIST_ROLES: ActionListRoles,
    names.ASK_SOURCES: ActionListSources,
    names.TELL_SKILLS: ActionNoteSkills,
    names.ASK_SKILL_GAP: ActionShowSkillGap,
    names.ASK_ROADMAP: ActionShowRoadmap,
    names.ASK_CLOSEST_ROLE: ActionRankClosestRoles,
    names.ASK_TRANSITION: ActionPlanTransition,
    names.ASK_RELATED_ROLES: ActionListRelatedRoles,
    names.ASK_PROFILE: ActionShowProfile,
    names.FORGET_SKILL: ActionForgetSkill,
    names.RESET_PROFILE: ActionResetProfile,
    names.ASK_WHY_NOT: ActionExplainWhyNot,
    names.ASK_SKILL_RANKING: ActionRankBySkill,
    names.ASK_DURATION: ActionGiveAdvice,
    names.ASK_AI_RISK: ActionGiveAdvice,
    names.ASK_AGE: ActionGiveAdvice,
    names.ASK_JOBS_WHERE: ActionAnswerPay,
}


def action_for(intent: str) -> Action | None:
    if names.aspect_of(intent) is not None:
        return ActionAnswerRole()
    found = ACTIONS.get(intent)
    return found() if found else None


def _part_tracker(
    tracker: Tracker, slots: Dict[str, Any], events: List[Dict[str, Any]], part: Dict[str, Any]
) -> Tracker:
    """The conversation as the part's own action would see it, had the part come alone."""
    text = str(tracker.latest_message.get("text") or "")
    own = text[int(part["start"]) : int(part["end"])]
    # The entities' offsets in the part's own text, as if it had come alone (an entity carried in
    # from another clause, such as a place said once for two questions, then lies outside it).
    shift = int(part["start"]) + len(own) - len(own.lstrip())
    entities = [
        {**e, "start": int(e["start"]) - shift, "end": int(e["end"]) - shift} if "start" in e else e
        for e in part.get("entities") or []
    ]
    latest = copy.deepcopy(tracker.latest_message)
    latest.update(
        {"text": own.strip(), "intent": {"name": part["intent"], "confidence": 1.0}, "entities": entities}
    )
    return Tracker(
        tracker.sender_id,
        dict(slots),
        latest,
        events,
        tracker.is_paused(),
        tracker.followup_action,
        tracker.active_loop,
        tracker.latest_action_name,
    )


def _mapped_slots(part: Dict[str, Any]) -> Dict[str, Any]:
    """What Rasa's slot mappings (domain.yml) would have set had the part come alone: the aspect
    of an aspect question, the role it names."""
    mapped: Dict[str, Any] = {}
    aspect = names.aspect_of(str(part.get("intent") or ""))
    if aspect is not None:
        mapped[names.ASPECT] = aspect
    roles = [e["value"] for e in part.get("entities") or [] if e.get("entity") == names.ROLE]
    if roles:
        mapped[names.ROLE] = roles[0]
    return mapped


async def ask_again(
    intent: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
) -> List[Dict[str, Any]]:
    """The question `intent` asked again of the role named in the latest message."""
    action = ACTIONS[intent]()
    part = {"start": 0, "end": len(str(tracker.latest_message.get("text") or "")), "intent": intent}
    part["entities"] = list(tracker.latest_message.get("entities") or [])
    slots = {**tracker.slots, **_mapped_slots(part)}
    return await action.run(dispatcher, _part_tracker(tracker, slots, list(tracker.events), part), domain)


@asks_feedback
class ActionAnswerParts(Action):
    def name(self) -> str:
        return "action_answer_parts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        parts = (tracker.latest_message.get(reading.READING) or {}).get("parts") or []
        said, returned = await answers_of_parts(parts, tracker, domain)
        if not said:
            dispatcher.utter_message(response="utter_help")
            return returned
        _send_with_one_set_of_buttons(dispatcher, said)
        return returned


async def answers_of_parts(
    parts: List[Dict[str, Any]],
    tracker: Tracker,
    domain: Dict[str, Any],
    before: List[Dict[str, Any]] | None = None,
) -> Tuple[List[List[Dict[str, Any]]], List[Dict[str, Any]]]:
    """What each part's own action says (a profile part: its first line), in order, and the
    events they return; each part sees the slots that `before` (events of this turn already
    decided) and the parts before it set."""
    history, returned = [*tracker.events, *(before or [])], []
    slots = {**tracker.slots, **{e["name"]: e.get("value") for e in before or [] if e.get("event") == "slot"}}
    said: List[List[Dict[str, Any]]] = []
    for part in parts:
        action = action_for(str(part.get("intent") or ""))
        if action is None:
            continue
        slots.update(_mapped_slots(part))
        collector = CollectingDispatcher()
        events = await action.run(collector, _part_tracker(tracker, slots, history, part), domain)
        for event in events:
            if event.get("event") == "slot":
                slots[event["name"]] = event.get("value")
        history += events
        returned += events
        said.append(collector.messages[:1] if part.get("kind") == "profile" else collector.messages)
    return said, returned


async def answer_besides_the_path(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any], noted: List[Dict[str, Any]]
) -> List[Dict[str, Any]]:
    """The guided path starts from a message that also asked something else ("help me choose
    between DE and MLOps, and what do MLOps engineers earn?"): the other questions are answered
    first, since the path's question comes last and waits for its answer. They use what the
    message says about the person: `noted` when the path noted it, else the profile parts,
    acknowledged in one line like any part. Each answer keeps its own buttons ("All 6 salary
    figures", which its text names) but "Help me choose", which would start the path over, and
    asks no "Was this helpful?", which would stand between the person and the path's question."""
    parts = (tracker.latest_message.get(reading.READING) or {}).get("parts") or []
    others = [p for p in parts if p.get("kind") == "question" and p.get("intent") != names.START_PATH]
    if not others:
        return []
    profile = [] if noted else [p for p in parts if p.get("kind") in ("profile", "correction")]
    with unrated():
        said, events = await answers_of_parts([*profile, *others], tracker, domain, before=noted)
    for answer in said:
        for message in answer:
            buttons = [
                b for b in message.get("buttons") or [] if names.START_PATH not in str(b.get("payload"))
            ]
            dispatcher.utter_message(**_without_buttons(message), buttons=buttons[:MAX_BUTTONS])
    return events


def _send_with_one_set_of_buttons(dispatcher: CollectingDispatcher, said: List[List[Dict[str, Any]]]) -> None:
    """Every message of every part, in order; the buttons of the last part first, then the
    others', once each, at most MAX_BUTTONS, on the last message."""
    messages = [m for answer in said for m in answer]
    buttons: List[Dict[str, Any]] = []
    for answer in reversed(said):
        for message in answer:
            for button in message.get("buttons") or []:
                if button.get("payload") not in {b.get("payload") for b in buttons}:
                    buttons.append(button)
    for i, message in enumerate(messages):
        last = i == len(messages) - 1
        dispatcher.utter_message(buttons=buttons[:MAX_BUTTONS] if last else [], **_without_buttons(message))


def _without_buttons(message: Dict[str, Any]) -> Dict[str, Any]:
    """Everything an action said (a response's variables included), its buttons aside."""
    kept = {k: v for k, v in message.items() if k not in ("buttons", "template") and v is not None}
    kept.update(kept.pop("custom", None) or {})
    return kept


class ActionAnswerInEnglish(Action):
    """A message in another language: said plainly, in English, with an example question."""

    def name(self) -> str:
        return "action_answer_in_english"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        found = tracker.latest_message.get(reading.READING) or {}
        dispatcher.utter_message(
            response="utter_answer_in_english", language=str(found.get("language_name") or "another language")
        )
        return []
