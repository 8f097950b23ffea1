"""Pay by place, level and industry, and where the jobs are (feature `pay`, issue 18).

`careers/pay_question.py` decides which answer a message asks for; these helpers read the
message and the conversation for it, and send what it returns: the text and buttons, or the
chart (an image in the web widget, text bars elsewhere), and the slots that keep the role and
the places in focus for a follow-up ("and data engineers?").
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import kb, wages
from actions._common import button, entity_values, send
from actions.feedback import answered, asks_feedback
from careers import detail, feedback, names, pay_keys, pay_question, roles, scope
from careers.answer import MAX_BUTTONS
from careers.pay_question import Question, Reply

# Channels that show an image message: the web widget (socket.io). Elsewhere: text bars.
IMAGE_CHANNELS = {"socketio"}


def images(tracker: Tracker) -> bool:
    return tracker.get_latest_input_channel() in IMAGE_CHANNELS


def question(tracker: Tracker, roles: List[str] | None = None, role_in_focus: str | None = None) -> Question:
    """The latest message as careers/pay_question.py reads it; `roles` when the action has
    already resolved them (the other role of a comparison), `role_in_focus` when the role slot
    no longer holds the one before the message."""
    latest = tracker.latest_message or {}
    focus = tracker.get_slot(names.PLACE)
    return Question(
        intent=str((latest.get("intent") or {}).get("name") or ""),
        text=str(latest.get("text") or ""),
        roles=tuple(roles if roles is not None else entity_values(tracker, names.ROLE)),
        places=tuple(str(e["value"]) for e in latest.get("entities") or [] if e.get("entity") == names.PLACE),
        levels=tuple(entity_values(tracker, names.SENIORITY)),
        industries=tuple(entity_values(tracker, names.INDUSTRY)),
        employers=tuple(entity_values(tracker, names.EMPLOYER)),
        years=tuple(entity_values(tracker, scope.YEAR)),
        jobs=tuple(entity_values(tracker, names.JOB)),
        aspect=tracker.get_slot(names.ASPECT),
        role_in_focus=role_in_focus if role_in_focus is not None else tracker.get_slot(names.ROLE),
        places_in_focus=tuple(str(v) for v in focus) if isinstance(focus, list) else (),
        chart=pay_question.is_chart_request(latest.get("text"), entity_values(tracker, names.RANKING)),
        images=images(tracker),
    )


def send_reply(dispatcher: CollectingDispatcher, reply: Reply) -> List[Dict[str, Any]]:
    """Sends a pay reply; the role and the places it was about stay in focus."""
    if reply.image:
        dispatcher.utter_message(text=reply.answer.text, image=reply.image)
    else:
        send(dispatcher, reply.answer)
    answered()
    events = [SlotSet(names.ASPECT, "salary"), SlotSet(names.PLACE, list(reply.places) or None)]
    if reply.role:
        events.append(SlotSet(names.ROLE, reply.role))
    return events


def answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, asked: Question
) -> List[Dict[str, Any]] | None:
    """The pay answer and its events, or None when the question is not one for careers/pay.py."""
    found = pay_question.reply(kb(), wages(), asked)
    if found is None and asked.chart and not asked.roles and not asked.places:
        found = _offered_chart(tracker, asked.images)
    return None if found is None else send_reply(dispatcher, found)


def _offered_chart(tracker: Tracker, images: bool) -> Reply | None:
    """ "Chart", typed after a pay answer that offered one: that answer's chart."""
    # The answer's own message: the "Was this helpful?" after it (issue 19) offers no chart.
    answers = [
        e for e in tracker.events if e.get("event") == "bot" and not feedback.is_question(e.get("text"))
    ]
    said = answers[-1:]
    key = pay_keys.offered_chart([b for e in said for b in (e.get("data") or {}).get("buttons") or []])
    found = detail.parse_key(kb(), key) if key else None
    return pay_question.detail_reply(kb(), wages(), found, images) if found else None


@asks_feedback
class ActionAnswerPay(Action):
    """ "How many data scientists in Ohio?", "which state pays DBAs the most?", "where are the
    most jobs for statisticians?"."""

    def name(self) -> str:
        return "action_answer_pay"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = answer(dispatcher, tracker, question(tracker))
        if events is None:
            uncovered = roles.not_covered(kb(), entity_values(tracker, names.JOB))
            if uncovered:  # "how many dentists in Ohio?": an occupation we do not cover
                dispatcher.utter_message(
                    response="utter_role_not_covered", job=uncovered[0], roles=roles.covered_roles(kb())
                )
                return []
            # Several roles, or none we can read: one at a time.
            named = [r for r in entity_values(tracker, names.ROLE) if r in kb().roles] or list(kb().roles)[:4]
            dispatcher.utter_message(
                text="Which role should I look at? I answer where the jobs are one role at a time.",
                buttons=[
                    button(kb().roles[r].name, names.ASK_JOBS_WHERE, {"role": r}) for r in named[:MAX_BUTTONS]
                ],
            )
            return []
        return events
