"""`make review`: the messages the assistant could not answer since the last review, as Rasa NLU
training data for a person to label (`make adopt FILE=...` reads it back).

One block per message, so that each can carry its own comment: the intent the model guessed
and its confidence (`# guessed <intent> <confidence>`), above `- intent: <guess>`. The person
changes the intent name (or deletes the block); nothing else needs editing. "Since the last
review" is remembered in `reviews/last-review.json`: the timestamp of the newest message written.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from insights.masking import mask
from insights.output import new_file
from insights.store import Conversation
from insights.unanswered import messages

STATE = "last-review.json"


@dataclass(frozen=True)
class Item:
    text: str  # masked, on one line
    guess: str
    confidence: float
    reason: str
    timestamp: float


def last_reviewed(folder: Path) -> float:
    """The timestamp of the newest message of the last review (0 before the first)."""
    state = folder / STATE
    if not state.exists():
        return 0.0
    return float(json.loads(state.read_text(encoding="utf-8"))["newest_message"])


def remember(folder: Path, newest: float) -> None:
    (folder / STATE).write_text(json.dumps({"newest_message": newest}) + "\n", encoding="utf-8")


def items(conversations: Iterable[Conversation], after: float) -> list[Item]:
    """Each distinct unanswered text newer than `after`, once (its latest reading), oldest first."""
    found: dict[str, Item] = {}
    for conversation in conversations:
        for message in messages(conversation.events):
            if message.reason is None or message.timestamp <= after:
                continue
            text = " ".join(mask(message.text).split())
            if text:
                found[text.lower()] = Item(
                    text,
                    message.guess or "nlu_fallback",
                    message.confidence,
                    message.reason,
                    message.timestamp,
                )
    return sorted(found.values(), key=lambda i: i.timestamp)


def render(found: list[Item], written: float) -> str:
    when = datetime.datetime.fromtimestamp(written, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Messages the assistant could not answer, reviewed {when}: {len(found)} to label.",
        "# Set each `intent:` to the intent the message should have had (the model's guess and its",
        "# confidence are in the comment above it), or delete the block. Then: make adopt FILE=<this file>",
        'version: "3.1"',
        "nlu:" if found else "nlu: []",
    ]
    for item in found:
        lines += [
            f"# guessed {item.guess} {item.confidence:.2f}",
            f"- intent: {item.guess}",
            "  examples: |",
            f"    - {item.text}",
        ]
    return "\n".join(lines) + "\n"


def write(folder: Path, found: list[Item], now: float) -> Path:
    """Writes the review file and remembers its newest message; returns the file."""
    path = new_file(folder, "review", ".yml", now)
    path.write_text(render(found, now), encoding="utf-8")
    if found:
        remember(folder, max(i.timestamp for i in found))
    return path
