"""Helpers shared by the actions: reading the tracker and writing button payloads."""

from __future__ import annotations

import json
from typing import Any, Dict, List

from rasa_sdk import Tracker


def entity_values(tracker: Tracker, entity: str) -> List[str]:
    """Values of `entity` in the latest user message, in order, without repeats."""
    values = tracker.get_latest_entity_values(entity)
    return list(dict.fromkeys(str(v) for v in values if v))


def payload(intent: str, entities: Dict[str, Any] | None = None) -> str:
    """A button payload that triggers `intent` directly, skipping the NLU."""
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def button(title: str, intent: str, entities: Dict[str, Any] | None = None) -> Dict[str, str]:
    return {"title": title, "payload": payload(intent, entities)}
