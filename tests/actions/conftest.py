from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text(encoding="utf-8"))


class Run:
    """Runs an action the way the action server does; keeps what it said and returned."""

    async def __call__(self, action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict]]:
        dispatcher = CollectingDispatcher()
        events = await action.run(dispatcher, tracker, domain=DOMAIN)
        return dispatcher.messages, events


@pytest.fixture
def run() -> Run:
    return Run()
