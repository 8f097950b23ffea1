"""A small builder for rasa-sdk trackers, so action tests read like the conversation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def tracker(
    intent: str = "ask_role_overview",
    entities: dict[str, list[str]] | None = None,
    slots: dict[str, Any] | None = None,
    ranking: list[tuple[str, float]] | None = None,
    text: str = "…",
    channel: str | None = None,
) -> Tracker:
    """A tracker whose latest user message has `intent` and `entities` ({"role": ["ds"]}),
    `text` as typed, through `channel` ("socketio", "slack"...) when given."""
    found = [
        {"entity": name, "value": value} for name, values in (entities or {}).items() for value in values
    ]
    ranking = ranking or [(intent, 1.0)]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": ranking[0][1]},
        "entities": found,
        "intent_ranking": [{"name": name, "confidence": confidence} for name, confidence in ranking],
    }
    return Tracker(
        sender_id="test",
        slots={"role": None, "aspect": None, "compared_roles": None, "place": None, **(slots or {})},
        latest_message=latest,
        events=[
            {"event": "user", "text": latest["text"], "parse_data": latest}
            | ({"input_channel": channel} if channel else {})
        ],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
