"""Which user messages the assistant could not answer: the one definition that `make report`
and `make review` share:

- the intent is `nlu_fallback`, or the next action run was `action_default_fallback`;
- the intent is the assistant's out-of-scope intent (careers/names.py);
- the intent's confidence is below the FallbackClassifier threshold of config.yml.

Button payloads (text starting with "/") are never counted: the person did not type them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from careers import names

ROOT = Path(__file__).resolve().parent.parent
FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTION = "action_default_fallback"
FELL_BACK, OUT_OF_SCOPE, LOW_CONFIDENCE = "fell back", "out of scope", "low confidence"


@cache
def threshold(config: Path = ROOT / "config.yml") -> float:
    """The FallbackClassifier's threshold in config.yml (Rasa's default, 0.3, if it has none)."""
    pipeline = yaml.safe_load(config.read_text(encoding="utf-8")).get("pipeline") or []
    for component in pipeline:
        if component.get("name") == "FallbackClassifier":
            return float(component.get("threshold", 0.3))
    return 0.3


@dataclass(frozen=True)
class Message:
    """One user message: what was said, how it was read, and whether it was answered."""

    text: str
    timestamp: float
    channel: str
    intent: str  # as read (may be nlu_fallback)
    guess: str  # the intent the model guessed (the best one that is not nlu_fallback)
    confidence: float  # of the guess
    entities: list[dict[str, Any]]
    reason: str | None  # None when answered, else FELL_BACK, OUT_OF_SCOPE or LOW_CONFIDENCE
    index: int  # of its event in the conversation


def guessed_intent(parse_data: dict[str, Any]) -> tuple[str, float]:
    """The intent the model guessed and its confidence. A fallback's own intent hides the guess:
    the best intent of the ranking other than `nlu_fallback` is the guess a person corrects."""
    intent = parse_data.get("intent") or {}
    name, confidence = str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)
    if name == FALLBACK_INTENT:
        for ranked in parse_data.get("intent_ranking") or []:
            if ranked.get("name") != FALLBACK_INTENT:
                return str(ranked.get("name")), float(ranked.get("confidence") or 0.0)
    return name, confidence


def reason(parse_data: dict[str, Any], next_action: str | None) -> str | None:
    intent = parse_data.get("intent") or {}
    if intent.get("name") == FALLBACK_INTENT or next_action == FALLBACK_ACTION:
        return FELL_BACK
    if intent.get("name") == names.OUT_OF_SCOPE:
        return OUT_OF_SCOPE
    if float(intent.get("confidence") or 0.0) < threshold():
        return LOW_CONFIDENCE
    return None


def _next_actions(events: list[dict[str, Any]]) -> list[str | None]:
    """For each event, the next action after it other than `action_listen` (None if none)."""
    following: list[str | None] = [None] * len(events)
    upcoming: str | None = None
    for index in range(len(events) - 1, -1, -1):
        following[index] = upcoming
        event = events[index]
        if event.get("event") == "action" and event.get("name") != "action_listen":
            upcoming = event.get("name")
    return following


def messages(events: list[dict[str, Any]]) -> Iterator[Message]:
    """The user messages of one conversation's events, each with why it was not answered."""
    following = _next_actions(events)
    for index, event in enumerate(events):
        if event.get("event") != "user":
            continue
        text = str(event.get("text") or "")
        parse_data = event.get("parse_data") or {}
        guess, confidence = guessed_intent(parse_data)
        yield Message(
            text=text,
            timestamp=float(event.get("timestamp") or 0.0),
            channel=str(event.get("input_channel") or "unknown"),
            intent=str((parse_data.get("intent") or {}).get("name") or ""),
            guess=guess,
            confidence=confidence,
            entities=list(parse_data.get("entities") or []),
            reason=None if text.startswith("/") else reason(parse_data, following[index]),
            index=index,
        )
