"""The one answer type every feature returns, and the chat-size rule they all follow.

An answer is plain text with light markdown ("- " bullets) and buttons; the actions send it
(actions/detail.py `send`), the channels render it (Slack blocks, widget markdown, shell menu).
A first answer fits a phone screen (MAX_CHARS); its detail is behind a button.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from careers import names

MAX_CHARS = 600  # about 6 lines on a phone; buttons come on top of this
MAX_BUTTONS = 5  # Slack shows at most 5 buttons in one actions block; the widget wraps more badly


@dataclass(frozen=True)
class Button:
    """A button, channel-free: a title, and the intent (with entities) its click triggers."""

    title: str
    intent: str
    entities: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    text: str
    buttons: tuple[Button, ...] = ()


def more_button(title: str, key: str) -> Button:
    """A button for the detail a key names (careers/detail.py, careers/pay.py keys)."""
    return Button(title, names.ASK_DETAIL, {"detail": key})


def fits(lines: Sequence[str], extra: str = "") -> bool:
    return len("\n".join([*lines, extra] if extra else lines)) <= MAX_CHARS


def add_while_fits(lines: list[str], candidates: Sequence[str], reserve: int = 0) -> int:
    """Appends candidates in order while the text stays within MAX_CHARS - reserve; how many."""
    added = 0
    for line in candidates:
        if len("\n".join([*lines, line])) > MAX_CHARS - reserve:
            break
        lines.append(line)
        added += 1
    return added


def with_lead(answer: Answer, lead: str) -> Answer:
    """The answer with a sentence put first (what its figures do not cover), still chat size."""
    return Answer(fit(f"{lead}\n{answer.text}"), answer.buttons) if lead else answer


def fit(text: str) -> str:
    """Chat size: a longer text loses its lines before the last (the detail is behind the
    buttons), and a single line too long is cut with an ellipsis."""
    lines = text.split("\n")
    while len("\n".join(lines)) > MAX_CHARS and len(lines) > 1:
        lines.pop(-2 if len(lines) > 2 else -1)
    text = "\n".join(lines)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"
