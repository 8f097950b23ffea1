"""The detail behind a chat-size answer (feature `detail`): "All salary figures", "tell me more".

The first answers (actions/roles.py, actions/compare.py) come from `careers.detail` with a
"more" button whose payload names the detail; a typed "tell me more" follows the latest such
button the assistant offered.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import kb, pay, wages
from actions._common import entity_values, send
from careers import detail, pay_question

__all__ = ["ActionShowDetail", "send"]  # `send` is every feature's sender (actions/_common.py)


def _offered_buttons(tracker: Tracker) -> List[List[Dict[str, Any]]]:
    """The buttons of each of the assistant's messages in this session, oldest first."""
    return [
        list((e.get("data") or {}).get("buttons") or []) for e in tracker.events if e.get("event") == "bot"
    ]


class ActionShowDetail(Action):
    """The full, sourced answer behind the latest "more" button (or the one clicked)."""

    def name(self) -> str:
        return "action_show_detail"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        named = entity_values(tracker, "detail")
        key = named[0] if named else detail.latest_more_key(_offered_buttons(tracker))
        found = detail.parse_key(kb(), key) if key else None
        # The pay branch: "pay/..." keys, and a role's salary detail with the May 2025 figures.
        paid = pay_question.detail_reply(kb(), wages(), found, pay.images(tracker)) if found else None
        if paid is not None:
            return pay.send_reply(dispatcher, paid)
        if found is None or found.kind == "pay":
            dispatcher.utter_message(response="utter_no_detail")
            return []
        send(dispatcher, detail.detail_answer(kb(), found))
        # The conversation is now about what the detail was about, as after the first answer.
        role = found.roles[0] if found.kind == "role" else None
        events = [SlotSet("role", role)]
        if found.kind == "compare":  # "they" are now the roles compared, as after the comparison
            events.append(SlotSet("compared_roles", list(found.roles)))
        if found.aspect:
            events.append(SlotSet("aspect", found.aspect))
        return events
