"""The guided "choose your path" dialogue (feature `path`).

`path_form` asks one question at a time through the single slot `path_answer`; the answers
so far live in `path_answers` (question id → option id). Which question comes next, what a
free-text answer means and what to recommend are all decided by `careers.path`.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import kb, skill_base
from actions._common import button, entity_values
from actions.detail import send
from actions.feedback import answered, asks_feedback
from actions.guidance import said, updated
from actions.smalltalk import ActionAcknowledge
from careers import guidance, names, path
from careers.knowledge import GuidedPath, Question

FORM = "path_form"
# Questions a person may ask in the middle of the path: when their message is not an answer,
# the form steps aside, a rule answers them (data/rules/path.yml) and the question comes back.
# Every aspect question (`ask_role_<aspect>`) interrupts too (`interrupts`).
INTERRUPTIONS = {
    names.INFORM_ROLE,
    names.ASK_OTHER_ROLE,
    names.ACKNOWLEDGE,
    names.EXPRESS_FRUSTRATION,
    names.COMPARE_ROLES,
    names.RANK_ROLES,
    names.LIST_ROLES,
    names.ASK_SOURCES,
    names.ASK_DETAIL,
    names.HELP,
    names.BOT_CHALLENGE,
    names.GREET,
    names.THANK,
    names.GOODBYE,
    # guidance (issue 13): telling skills mid-path is read as an answer first, if it is one
    names.TELL_SKILLS,
    names.ASK_SKILL_GAP,
    names.ASK_ROADMAP,
    names.ASK_CLOSEST_ROLE,
    names.ASK_TRANSITION,
    names.ASK_RELATED_ROLES,
    names.ASK_PROFILE,
    names.FORGET_SKILL,
    names.RESET_PROFILE,
    # lifecycle (data/rules/lifecycle.yml)
    names.DELETE_CONVERSATION,
    names.CONFIRM_DELETE_CONVERSATION,
    names.KEEP_CONVERSATION,
    # feedback (issue 19): "not helpful" typed mid-path, or a 👍 clicked on an answer before it
    names.FEEDBACK,
    # issue 17: several parts, another language, why not X, advice
    names.SAY_SEVERAL,
    names.OTHER_LANGUAGE,
    names.ASK_WHY_NOT,
    names.ASK_SKILL_RANKING,
    names.ASK_DURATION,
    names.ASK_AI_RISK,
    names.ASK_AGE,
    # pay (issue 18, data/rules/pay.yml)
    names.ASK_JOBS_WHERE,
}


def interrupts(intent: str | None) -> bool:
    return intent is not None and (intent in INTERRUPTIONS or names.aspect_of(intent) is not None)


# Intents with rules of their own in the middle of the path (data/rules/path.yml).
PATH_COMMANDS = {names.START_PATH, names.STOP_PATH, names.ASK_WHY, names.START_OVER, names.GO_BACK}
# A path command this many turns after the path ended still refers to it.
RECENT_TURNS = 4
INVALID_BEFORE_OFFERING_TO_STOP = 3


def _between(tracker: Tracker) -> List[str]:
    """The two roles a person asked to choose between, if they did (slot `path_between`)."""
    value = tracker.get_slot("path_between")
    return [r for r in value if r in kb().roles] if isinstance(value, list) else []


def _choice(tracker: Tracker) -> List[str]:
    """The roles of "help me choose between A and B" when the message holds more (a background)."""
    parts = (tracker.latest_message.get("reading") or {}).get("parts") or []
    roles = next((p.get("roles") for p in parts if p.get("intent") == names.START_PATH), None) or []
    return [r for r in roles if r in kb().roles]


def _path(tracker: Tracker) -> GuidedPath:
    """The guided path: every question, or those that separate the two roles asked about."""
    return path.between(kb().path, _between(tracker))


def _answers(tracker: Tracker) -> Dict[str, str]:
    return dict(tracker.get_slot("path_answers") or {})


def question_buttons(question: Question) -> List[Dict[str, str]]:
    return [button(o.title, names.ANSWER_PATH, {"path_option": o.id}) for o in question.options]


def reset_events() -> List[EventType]:
    return [SlotSet("path_answers", {}), SlotSet("path_answer", None), SlotSet("path_invalid", 0)]


class ActionStartPath(Action):
    """Starts the path (also "start over" in the middle of it). A person who described
    themselves ("I love stats, not so much coding: which job fits?") has answered some questions
    already: those are filled in, said back in one line, and only the rest are asked."""

    def name(self) -> str:
        return "action_start_path"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        named = _choice(tracker) or [r for r in entity_values(tracker, names.ROLE) if r in kb().roles]
        between = named[:2] if len(named) >= 2 else (_between(tracker) if intent == names.START_OVER else [])
        guided = path.between(kb().path, between)
        text = tracker.latest_message.get("text")
        told = {} if intent == names.START_OVER else path.read_description(guided, text)
        # "I know Python and SQL, help me choose between ...": what they said is noted too.
        found, background, unknown = said(tracker) if _choice(tracker) else ({}, None, [])
        noted: List[Dict[str, Any]] = []
        if found or background:
            _, noted = updated(tracker)
            dispatcher.utter_message(text=guidance.acknowledge(skill_base(), found, background, unknown).text)
        # Imported here: actions/reading.py runs every answering action, this one's module included.
        from actions.reading import answer_besides_the_path

        besides = await answer_besides_the_path(dispatcher, tracker, domain, noted)
        events = [*noted, *besides, *reset_events(), SlotSet("path_between", between or None)]
        if between:
            first, second = (kb().roles[r].name for r in between)
            dispatcher.utter_message(
                text=f"Let's choose between {first} and {second}: I'll ask only the questions "
                "whose answers point to one more than the other."
            )
        if not told:
            if not between:
                dispatcher.utter_message(text=kb().path.intro)
            return events
        dispatcher.utter_message(text=path.understood(guided, told))
        done = path.next_question(guided, told) is None
        return [*events, SlotSet("path_answers", told), SlotSet("path_answer", "done" if done else None)]


class ActionAskPathAnswer(Action):
    """Asks the next question, with one button per option."""

    def name(self) -> str:
        return "action_ask_path_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        answers = _answers(tracker)
        question = path.next_question(_path(tracker), answers)
        if question is not None:
            number, total = path.progress(_path(tracker), answers)
            dispatcher.utter_message(
                text=f"Question {number} of {total}: {question.ask}", buttons=question_buttons(question)
            )
        return []


class ValidatePathForm(FormValidationAction):
    def name(self) -> str:
        return "validate_path_form"

    async def extract_path_answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """The message as an answer, unless it is a path command or another question.

        Extracting nothing makes the form step aside, so that a rule answers the message
        and the form then asks its question again.
        """
        question = path.next_question(_path(tracker), _answers(tracker))
        if tracker.get_slot("requested_slot") != "path_answer" or question is None:
            return {}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in PATH_COMMANDS:
            return {}
        option = self._chosen(question, tracker)
        if option is None and interrupts(intent):
            return {}
        return {"path_answer": option or tracker.latest_message.get("text") or ""}

    @staticmethod
    def _chosen(question: Question, tracker: Tracker) -> str | None:
        picked = entity_values(tracker, "path_option")
        return path.interpret(question, picked[0] if picked else tracker.latest_message.get("text"))

    async def validate_path_answer(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answers = _answers(tracker)
        question = path.next_question(_path(tracker), answers)
        if slot_value is None:
            # Not an answer: the path being (re)started clears the slot, and that is validated too.
            return {}
        if question is None:
            return {"path_answer": "done"}
        # extract_path_answer stored the option id it found, or else the text as typed.
        option = path.interpret(question, str(slot_value))
        if option is None:
            # The form asks the question again, with its options, right after this.
            invalid = int(tracker.get_slot("path_invalid") or 0) + 1
            if invalid >= INVALID_BEFORE_OFFERING_TO_STOP:
                stop = button("Stop the questions", names.STOP_PATH)
                dispatcher.utter_message(response="utter_path_offer_stop", buttons=[stop])
            else:
                dispatcher.utter_message(response="utter_path_invalid_answer")
            return {"path_answer": None, "path_invalid": invalid}
        typed = tracker.latest_message.get("text") or ""
        if not entity_values(tracker, "path_option") and path.picked_exactly(question, typed) is None:
            # Read from the person's own words: say which option that was, so they can correct it.
            chosen = path.option(question, option)
            dispatcher.utter_message(text=f'I took that as "{chosen.title}". (Say "back" to change it.)')
        answers[question.id] = option
        done = path.next_question(_path(tracker), answers) is None
        return {"path_answer": "done" if done else None, "path_answers": answers, "path_invalid": 0}


class ActionExplainPathQuestion(Action):
    """ "Why do you ask?": the reason for the open question (the form then asks it again)."""

    def name(self) -> str:
        return "action_explain_path_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        question = path.next_question(_path(tracker), _answers(tracker))
        if tracker.active_loop_name != FORM or question is None:
            dispatcher.utter_message(response="utter_path_no_question")
        else:
            dispatcher.utter_message(text=f"Why I ask: {question.why}")
        return []


@asks_feedback
class ActionRecommendPath(Action):
    """The recommendation, its reasons and next steps; the recommended role stays in context."""

    def name(self) -> str:
        return "action_recommend_path"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        result = path.recommend(kb(), _answers(tracker), _between(tracker))
        role = {"role": result.role} if result.role else None
        buttons = [
            button("Compare the roles", names.COMPARE_ROLES, _best_two(result)),
            button("What would I need to learn?", names.ASK_SKILL_GAP, role),  # uses their skills (issue 13)
            button("Salary", names.ask_role("salary"), role),
            button("Job outlook", names.ask_role("outlook"), role),
            button("Start over", names.START_PATH),
        ]
        dispatcher.utter_message(text=path.explain(kb(), result), buttons=buttons)
        answered()
        return [
            *reset_events(),
            SlotSet("role", result.role),
            SlotSet("path_result", result.role),
            SlotSet("path_given", {"answers": _answers(tracker), "among": _between(tracker)}),
            SlotSet("path_between", None),
        ]


@asks_feedback
class ActionExplainWhyNot(Action):
    """ "Why not data scientist?" after a recommendation: from the person's own answers."""

    def name(self) -> str:
        return "action_explain_why_not"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        given = dict(tracker.get_slot("path_given") or {})
        answers, among = dict(given.get("answers") or {}), list(given.get("among") or [])
        named = [r for r in entity_values(tracker, "role") if r in kb().roles]
        if not answers:
            dispatcher.utter_message(
                text="I haven't recommended a role to you yet. Answer a few questions and I'll say "
                "which fits you best, and why not the others.",
                buttons=[button("Help me choose", names.START_PATH)],
            )
            return []
        answer = path.why_not(kb(), answers, named, [r for r in among if r in kb().roles])
        send(dispatcher, answer)
        answered()
        return []


def _best_two(result: path.Recommendation) -> Dict[str, Any] | None:
    """The recommended role and the runner-up (or the tied roles), for "Compare the roles"."""
    best = result.role or max(result.scores, key=lambda r: result.scores[r])
    pair = [best, result.runner_up] if result.runner_up and result.runner_up != best else []
    return {"role": pair} if pair else None


class ActionGoBackPath(Action):
    """ "Back": forgets the latest answer, so that the form asks its question again."""

    def name(self) -> str:
        return "action_go_back_path"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        answers = _answers(tracker)
        if not answers:
            dispatcher.utter_message(text="That's the first question, so there is nothing to go back to.")
        return [
            SlotSet("path_answers", path.undo_last(_path(tracker), answers)),
            SlotSet("path_answer", None),
        ]


def path_ran_recently(tracker: Tracker, turns: int = RECENT_TURNS) -> bool:
    """Whether the guided path was running during the last `turns` user messages."""
    seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen += 1
            if seen > turns:
                return False
        elif event.get("event") == "active_loop" and (event.get("name") in (FORM, None)):
            return True
    return False


class ActionAnswerPathCommand(Action):
    """ "stop", "skip this" or "back" with no questions running. Soon after the path, the
    person means the path: say it has ended. Otherwise it was never about the path: no talk
    of questions, just where to go next."""

    def name(self) -> str:
        return "action_answer_path_command"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        if path_ran_recently(tracker):
            dispatcher.utter_message(response="utter_path_not_started")
            return []
        return await ActionAcknowledge().run(dispatcher, tracker, domain)
