"""Helpers shared by the actions: reading the tracker and writing button payloads."""

from __future__ import annotations

import json
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import gazetteer, kb, place_names
from careers import names, reading, scope
from careers.answer import Answer


def entity_values(tracker: Tracker, entity: str) -> List[str]:
    """Values of `entity` in the latest user message, in order, without repeats."""
    values = tracker.get_latest_entity_values(entity)
    return list(dict.fromkeys(str(v) for v in values if v))


def compared_roles(tracker: Tracker) -> List[str]:
    """The roles of the last comparison (slot `compared_roles`), as a list."""
    value = tracker.get_slot("compared_roles")
    return [str(r) for r in value] if isinstance(value, list) else []


def role_before_message(tracker: Tracker) -> str | None:
    """The role in focus before the latest message: the `role` slot already holds a role the
    message named (its slot mapping runs first), and "compare with ML engineers" needs the one
    the conversation was about."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == "role":
            value = event.get("value")
            return str(value) if value else None
    return None


def caveats(tracker: Tracker, role_ids: List[str], aspect_ids: List[str]) -> str:
    """What the figures do not cover of what the message asked (a place, a seniority, an
    employer, a year), to say first ("" when it asked nothing beyond them): careers.scope says
    it, this reads the message."""
    mentions = {entity: entity_values(tracker, entity) for entity in scope.SCOPE_ENTITIES}
    if not any(mentions.values()):
        return ""
    areas = {v: place_names().name_of(v) for v in mentions[scope.PLACE] if v.startswith("area:")}
    said = [
        line for a in aspect_ids for line in scope.caveats(kb(), gazetteer(), role_ids, a, mentions, areas)
    ]
    return "\n".join(dict.fromkeys(said))


def payload(intent: str, entities: Dict[str, Any] | None = None) -> str:
    """A button payload that triggers `intent` directly, skipping the NLU."""
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def button(title: str, intent: str, entities: Dict[str, Any] | None = None) -> Dict[str, str]:
    return {"title": title, "payload": payload(intent, entities)}


def send(dispatcher: CollectingDispatcher, answer: Answer) -> None:
    """Utters a `careers.answer.Answer`: its text and its buttons."""
    buttons = [button(b.title, b.intent, dict(b.entities) or None) for b in answer.buttons]
    dispatcher.utter_message(text=answer.text, buttons=buttons)


def previous_intent(tracker: Tracker) -> str | None:
    """The intent of the user message before the latest one, if any; of a message of several
    parts, its last question's ("I know SQL, what's my gap to DE?")."""
    said = [e for e in tracker.events if e.get("event") == "user"]
    if len(said) < 2:
        return None
    parsed = said[-2].get("parse_data") or {}
    intent = str((parsed.get("intent") or {}).get("name") or "")
    if intent == names.SAY_SEVERAL:
        parts = (parsed.get(reading.READING) or {}).get("parts") or []
        questions = [p for p in parts if p.get("kind") == "question"]
        intent = str(questions[-1].get("intent") or "") if questions else ""
    return intent or None
