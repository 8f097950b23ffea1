"""Feedback on answers (feature `feedback`, issue 19): "Was this helpful? 👍 👎" after a
substantive answer, and the rating recorded as a `feedback` slot event in the tracker store
(so it lives and is deleted with the conversation).

Asking: the answering actions are decorated with `@asks_feedback`; the branch of an action that
gives a real answer (not "which role?", not "not a role I cover") calls `answered()`. When the
action is done, the decorator adds the question as a separate last message if careers/feedback.py
says so, and remembers which answer it rates (slot `feedback_kind`). The question is part of the
action's reply, not an action of its own, so the dialogue's rules and stories stay as they are.
A part of `action_answer_parts` (several questions in one message) does not ask: the whole reply
is rated once.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Iterator, List, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions._common import entity_values
from actions.fallback import ActionSuggestRephrase
from careers import feedback, names

FEEDBACK_KIND = "feedback_kind"  # slot: the action whose answer the last "Was this helpful?" rates


@dataclass
class _Reply:
    answered: bool = False


# The reply of the decorated action now running in this task (None: none is running).
_reply: contextvars.ContextVar[_Reply | None] = contextvars.ContextVar("feedback_reply", default=None)


def answered() -> None:
    """Said by the branch of an action that answered the question (outside an action: nothing)."""
    reply = _reply.get()
    if reply is not None:
        reply.answered = True


@contextlib.contextmanager
def unrated() -> Iterator[None]:
    """Answers given inside ask no "Was this helpful?": the guided path's question follows them."""
    token = _reply.set(_Reply())
    try:
        yield
    finally:
        _reply.reset(token)


Run = Callable[[Any, CollectingDispatcher, Tracker, Dict[str, Any]], Awaitable[List[Dict[str, Any]]]]
A = TypeVar("A", bound=type[Action])


def asks_feedback(cls: A) -> A:
    """Makes an answering action end a real answer with "Was this helpful?" when it is time to."""
    kind = cls().name()
    if kind not in feedback.KINDS:  # the list of what is rated is careers/feedback.py's, in one place
        raise ValueError(f"{kind} is not in careers.feedback.KINDS")
    inner: Run = cls.run

    @functools.wraps(inner)
    async def run(
        self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        if _reply.get() is not None:  # a part of a reply being composed: that reply asks, once
            return await inner(self, dispatcher, tracker, domain)
        reply = _Reply()
        token = _reply.set(reply)
        try:
            events = await inner(self, dispatcher, tracker, domain)
        finally:
            _reply.reset(token)
        # Not in the middle of the guided path: its next question follows the answer, and a
        # feedback question between would bury it (the recommendation at its end is rated).
        in_path = bool((tracker.active_loop or {}).get("name"))
        if reply.answered and not in_path and feedback.should_ask(kind, tracker.events):
            dispatcher.utter_message(text=feedback.QUESTION, buttons=feedback.question_buttons())
            events = [*events, SlotSet(FEEDBACK_KIND, kind)]
        return events

    setattr(cls, "run", run)  # noqa: B010 (mypy refuses assigning to a method)
    return cls


class ActionRecordFeedback(Action):
    """A 👍 / 👎 (or "that helped", "+" in the shell) recorded for the answer it rates; after a 👎,
    the next message noted as what was missing, unless it is a question the assistant answers
    (data/rules/feedback.yml sends only messages no answer takes here)."""

    def name(self) -> str:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        text = str(tracker.latest_message.get("text") or "")
        kind = tracker.get_slot(FEEDBACK_KIND)
        if intent == names.FEEDBACK:
            if not kind:
                dispatcher.utter_message(text=feedback.NOTHING_TO_RATE)
                return []
            given = entity_values(tracker, names.RATING)
            rating = feedback.rating_of(given[0] if given else None, text)
            if rating == feedback.UP:
                dispatcher.utter_message(text=feedback.THANKS_UP)
            elif feedback.already_down(tracker.events, str(kind)):
                dispatcher.utter_message(text=feedback.THANKS_DOWN)
            else:
                dispatcher.utter_message(text=feedback.MISSING_PROMPT)
            return [SlotSet(names.FEEDBACK, feedback.record(str(kind), rating))]
        note = feedback.missing_note(text)
        if kind and note and feedback.asked_missing(tracker.events):
            dispatcher.utter_message(text=feedback.THANKS_MISSING)
            return [SlotSet(names.FEEDBACK, feedback.record(str(kind), feedback.DOWN, note))]
        # Not an answer to "what was missing?": the message gets the reply it would get anyway.
        if intent == names.OUT_OF_SCOPE:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        return await ActionSuggestRephrase().run(dispatcher, tracker, domain)
