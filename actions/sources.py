"""Where the answers come from (feature `sources`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import kb, wages
from actions._common import compared_roles, entity_values
from actions.detail import send
from careers import detail, sources


class ActionListSources(Action):
    def name(self) -> str:
        return "action_list_sources"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        # "Is that 36% from the BLS?": the source of that figure, for the roles in focus first.
        text = str(tracker.latest_message.get("text") or "")
        focus = [r for r in [*entity_values(tracker, "role"), tracker.get_slot("role")] if r]
        focus += compared_roles(tracker)
        named = sources.figure_source(kb(), text, [str(r) for r in focus])
        # Else publishers in short and the OEWS release behind pay by place; every title and
        # date behind the answer's "more" button.
        send(dispatcher, named or detail.sources_answer(kb(), wages()))
        return []
