"""Where the answers come from (feature `sources`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import kb, wages
from actions.detail import send
from careers import detail


class ActionListSources(Action):
    def name(self) -> str:
        return "action_list_sources"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        # Publishers in short and the OEWS release behind pay by place; every title and date
        # behind the answer's "more" button.
        send(dispatcher, detail.sources_answer(kb(), wages()))
        return []
