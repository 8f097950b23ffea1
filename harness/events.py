"""Tracker-store rows as Rasa writes them, for tests and benchmarks of the report (issue 19):
events built as dicts in the JSON shape of `Event.as_dict()`, written to an `events` table."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

Event = dict[str, Any]
RANKING = ["greet", "ask_role_salary", "compare_roles", "start_path", "out_of_scope", "help"]


def user(
    text: str,
    intent: str,
    timestamp: float,
    confidence: float = 0.93,
    entities: Iterable[tuple[str, str]] = (),
    channel: str = "rest",
) -> Event:
    ranking = [{"name": intent, "confidence": confidence}]
    ranking += [{"name": n, "confidence": round((1 - confidence) / 8, 4)} for n in RANKING if n != intent]
    if intent == "nlu_fallback":  # the FallbackClassifier puts itself first, the guess second
        ranking.insert(1, {"name": "ask_role_salary", "confidence": 0.21})
    return {
        "event": "user",
        "timestamp": timestamp,
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": confidence},
            "entities": [
                {
                    "entity": e,
                    "value": v,
                    "start": 0,
                    "end": len(v),
                    "extractor": "KnowledgeBaseEntityExtractor",
                }
                for e, v in entities
            ],
            "text": text,
            "message_id": f"{int(timestamp * 1000):x}",
            "metadata": {},
            "intent_ranking": ranking,
        },
        "input_channel": channel,
        "message_id": f"{int(timestamp * 1000):x}",
        "metadata": {},
    }


def action(name: str, timestamp: float) -> Event:
    return {
        "event": "action",
        "timestamp": timestamp,
        "name": name,
        "policy": "RulePolicy",
        "confidence": 1.0,
    }


def bot(text: str, timestamp: float) -> Event:
    return {"event": "bot", "timestamp": timestamp, "text": text, "data": {"buttons": None}, "metadata": {}}


def slot(name: str, value: Any, timestamp: float) -> Event:
    return {"event": "slot", "timestamp": timestamp, "name": name, "value": value}


def restart(timestamp: float) -> Event:
    return {"event": "restart", "timestamp": timestamp}


def row(sender_id: str, event: Event) -> dict[str, Any]:
    """The `events` row of an event, with the columns Rasa's SQL store fills."""
    return {
        "sender_id": sender_id,
        "type_name": event["event"],
        "timestamp": event["timestamp"],
        "intent_name": (event.get("parse_data") or {}).get("intent", {}).get("name"),
        "action_name": event.get("name"),
        "data": json.dumps(event),
    }


def events_table() -> sa.Table:
    from rasa.core.tracker_store import SQLTrackerStore

    return SQLTrackerStore.SQLEvent.__table__


def write(url: Any, conversations: Iterable[tuple[str, list[Event]]]) -> None:
    """Creates the `events` table as Rasa does (if needed) and appends the conversations."""
    engine = sa.create_engine(url)
    try:
        table = events_table()
        table.metadata.create_all(engine, tables=[table])
        with engine.begin() as connection:
            rows = [row(sender, event) for sender, events in conversations for event in events]
            if rows:
                connection.execute(table.insert(), rows)
    finally:
        engine.dispose()
