from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class Run:
    """Runs an action the way the action server does; keeps what it said and returned."""

    async def __call__(self, action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict]]:
        dispatcher = CollectingDispatcher()
        events = await action.run(dispatcher, tracker, domain={})
        return dispatcher.messages, events


@pytest.fixture
def run() -> Run:
    return Run()
