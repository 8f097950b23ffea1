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


def answer_of(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answer's messages of a reply that, being a conversation's first substantive answer,
    ends with the feedback question (issue 19): that question is checked here, then dropped."""
    from careers import feedback

    *answer, question = messages
    assert question["text"] == feedback.QUESTION
    assert [b["payload"] for b in question["buttons"]] == [
        '/feedback{"rating":"up"}',
        '/feedback{"rating":"down"}',
    ]
    return answer


def without_feedback_kind(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of a reply, but the slot that names the answer the feedback question rates."""
    return [e for e in events if e.get("name") != "feedback_kind"]
