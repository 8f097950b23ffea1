"""Personal guidance (feature `guidance`): the person's skills and background, kept in slots,
and the gap, roadmap, closest roles, transitions and related roles computed by
careers/guidance.py from them.

Every action first takes in what the latest message says about the person ("I know Python;
what else do I need for data engineering?"), so a skill told in a question counts too.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import kb, skill_base
from actions._common import button, entity_values
from actions.detail import send
from actions.feedback import answered, asks_feedback
from careers import cues, guidance, names, skills, skills_kb, stated
from careers.answer import MAX_BUTTONS

ROLE_BUTTONS = 4


def profile(tracker: Tracker) -> guidance.Profile:
    def ids(slot: str) -> tuple[str, ...]:
        value = tracker.get_slot(slot)
        return tuple(s for s in value if s in skill_base().skills) if isinstance(value, list) else ()

    background = tracker.get_slot("background")
    known = skills_kb.is_background(skill_base(), background)
    return guidance.Profile(
        had=ids("skills_had"),
        hedged=ids("skills_hedged"),
        lacked=ids("skills_lacked"),
        background=background if known else None,
    )


def said(tracker: Tracker) -> Tuple[Dict[str, str], str | None, List[str]]:
    """Skills with polarity, a stated background and unknown skill words of the latest message
    (entities of addons/nlu/skill_reader.py; a button may send a background entity too)."""
    entities = tracker.latest_message.get("entities") or []
    mentions = [
        skills.Mention(skills.SKILL, str(e["value"]), str(e.get("polarity") or skills.HAS), 0, 0)
        for e in entities
        if e.get("entity") == skills.SKILL and e.get("value") in skill_base().skills
    ]
    backgrounds = [
        b for b in entity_values(tracker, skills.BACKGROUND) if skills_kb.is_background(skill_base(), b)
    ]
    text = str(tracker.latest_message.get("text") or "")
    if not backgrounds and stated.states_a_job(text):
        # "I work as a pharmacist": a job we don't cover, kept as the person's background.
        backgrounds = [skills_kb.JOB_PREFIX + j for j in entity_values(tracker, names.JOB)]
    return (
        skills.merge(mentions),
        (backgrounds[0] if backgrounds else None),
        entity_values(tracker, skills.UNKNOWN),
    )


def slot_events(person: guidance.Profile) -> List[EventType]:
    return [
        SlotSet("skills_had", list(person.had)),
        SlotSet("skills_hedged", list(person.hedged)),
        SlotSet("skills_lacked", list(person.lacked)),
        SlotSet("background", person.background),
    ]


def updated(tracker: Tracker) -> Tuple[guidance.Profile, List[EventType]]:
    """The profile with the latest message taken in, and the events that store it."""
    before = profile(tracker)
    found, background, _ = said(tracker)
    after = guidance.tell(before, found, background)
    return after, (slot_events(after) if after != before else [])


def target_role(tracker: Tracker, exclude: str | None = None) -> str | None:
    """The role asked about: named in the message, else the one in context, else the guided
    path's recommendation."""
    named = [r for r in entity_values(tracker, "role") if r in skill_base().roles and r != exclude]
    if named:
        return named[-1]  # "from data analyst to data engineer": the last role is the goal
    for slot in ("role", "path_result"):
        value = tracker.get_slot(slot)
        if value in skill_base().roles and value != exclude:
            return str(value)
    return None


def ask_role(
    dispatcher: CollectingDispatcher, person: guidance.Profile, intent: str, extra: Dict[str, str]
) -> None:
    """Which role? The roles closest to the person first, as buttons."""
    ranked = [g.role for g in guidance.closest(skill_base(), person)][:ROLE_BUTTONS]
    buttons = [button(kb().roles[r].name, intent, {"role": r, **extra}) for r in ranked]
    dispatcher.utter_message(
        text="For which role? Here are the ones closest to what you told me; or name any data role.",
        buttons=buttons,
    )


RoleAnswer = Callable[[guidance.Profile, str, str | None], guidance.Answer]


def answer_for_role(
    dispatcher: CollectingDispatcher, tracker: Tracker, intent: str, answer: RoleAnswer
) -> List[Dict[str, Any]]:
    """Takes in the latest message, then answers for the role asked about (or asks which one).
    A function, not a base class: the action server and the wiring test register every class."""
    person, events = updated(tracker)
    role_id = target_role(tracker)
    if role_id is None:
        ask_role(dispatcher, person, intent, {})
        return events
    details = entity_values(tracker, "detail")
    send(dispatcher, answer(person, role_id, details[0] if details else None))
    answered()
    return [*events, SlotSet("role", role_id)]


def _gap(person: guidance.Profile, role_id: str, detail: str | None) -> guidance.Answer:
    if detail == "start":
        return guidance.describe_starts(skill_base(), person, role_id)
    return guidance.describe_gap(skill_base(), person, role_id)


def _roadmap(person: guidance.Profile, role_id: str, detail: str | None) -> guidance.Answer:
    if detail == "milestones":
        return guidance.describe_milestones(skill_base(), person, role_id)
    return guidance.describe_roadmap(skill_base(), person, role_id)


@asks_feedback
class ActionShowSkillGap(Action):
    def name(self) -> str:
        return "action_show_skill_gap"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        return answer_for_role(dispatcher, tracker, names.ASK_SKILL_GAP, _gap)


@asks_feedback
class ActionShowRoadmap(Action):
    def name(self) -> str:
        return "action_show_roadmap"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        return answer_for_role(dispatcher, tracker, names.ASK_ROADMAP, _roadmap)


class ActionListRelatedRoles(Action):
    def name(self) -> str:
        return "action_list_related_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        return answer_for_role(
            dispatcher,
            tracker,
            names.ASK_RELATED_ROLES,
            lambda _, role_id, __: guidance.describe_related(skill_base(), role_id),
        )


class ActionNoteSkills(Action):
    """ "I know Python but not SQL", "I'm a software developer", "actually I don't know R"."""

    def name(self) -> str:
        return "action_note_skills"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        found, background, unknown = said(tracker)
        person, events = updated(tracker)
        has_any = bool(person.had or person.hedged or guidance.assumed(skill_base(), person))
        send(dispatcher, guidance.acknowledge(skill_base(), found, background, unknown, has_any))
        return events


@asks_feedback
class ActionRankClosestRoles(Action):
    def name(self) -> str:
        return "action_rank_closest_roles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        person, events = updated(tracker)
        send(dispatcher, guidance.describe_closest(skill_base(), person))
        answered()
        # "how long would it take to get there?", "what should I learn first for it?": the
        # closest role is the one in focus.
        nearest = guidance.closest(skill_base(), person) if guidance.covered(skill_base(), person) else []
        return [*events, SlotSet("role", nearest[0].role)] if nearest else events


@asks_feedback
class ActionPlanTransition(Action):
    """ "I'm a data analyst; how do I become a data engineer?" The starting point is the
    background named now or before; the goal is the role named (or in context)."""

    def name(self) -> str:
        return "action_plan_transition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        person, events = updated(tracker)
        named = [
            (str(e["value"]), int(e.get("start") or 0))
            for e in tracker.latest_message.get("entities") or []
            if e.get("entity") == names.ROLE and e.get("value") in skill_base().roles
        ]
        # "Could a DBA switch to data engineering?", "is DS a stretch for a data analyst?"
        ends = cues.move_ends(str(tracker.latest_message.get("text") or ""), named)
        source, target = (
            ends if ends else (person.background, target_role(tracker, exclude=person.background))
        )
        if target is None:
            ask_role(dispatcher, person, names.ASK_TRANSITION, {"background": source} if source else {})
            return events
        if source is None:
            # The first few starting points of backgrounds.yml; any other is typed ("I'm a nurse").
            choices = [(b.name, b.id) for b in skill_base().backgrounds.values()][:MAX_BUTTONS]
            buttons = [
                button(title, names.ASK_TRANSITION, {"role": target, "background": b}) for title, b in choices
            ]
            dispatcher.utter_message(
                text=f"Where are you starting from? Pick one, or tell me your job or a role of the family "
                f"(\"I'm a data analyst\"), and I'll plan the move to {kb().roles[target].name}.",
                buttons=buttons,
            )
            return [*events, SlotSet("role", target)]
        send(dispatcher, guidance.describe_transition(skill_base(), person, source, target))
        answered()
        return [*events, SlotSet("role", target)]


class ActionShowProfile(Action):
    def name(self) -> str:
        return "action_show_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        person, events = updated(tracker)
        send(dispatcher, guidance.describe_profile(skill_base(), person))
        return events


class ActionForgetSkill(Action):
    """ "forget SQL": the skill leaves the profile, whatever was said about it."""

    def name(self) -> str:
        return "action_forget_skill"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        person = profile(tracker)
        found, _, _ = said(tracker)
        if not found:
            known = [*person.had, *person.hedged, *person.lacked]
            what = f" You've told me about {guidance.skill_names(skill_base(), known)}." if known else ""
            dispatcher.utter_message(text=f"Which skill should I forget?{what}")
            return []
        after = guidance.forget(person, found)
        dispatcher.utter_message(
            text=f"Done: I've forgotten what you said about {guidance.skill_names(skill_base(), found)}.",
            buttons=[button("What do you know about me?", names.ASK_PROFILE)],
        )
        return slot_events(after)


class ActionResetProfile(Action):
    def name(self) -> str:
        return "action_reset_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(
            text="Done: I've forgotten your skills and background. Tell me about yourself again "
            'whenever you like ("I know Excel and some SQL").'
        )
        return slot_events(guidance.Profile())
