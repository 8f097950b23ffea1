"""Answers as Slack messages within Slack's documented Block Kit limits.

Rasa's stock Slack output sends a reply with buttons as one `plain_text` section: no bold, no
bullets, and Slack refuses the whole message (`invalid_blocks`) once the text passes 3,000
characters, so the person gets nothing. Here an answer becomes `mrkdwn` sections cut at line
boundaries, its buttons actions blocks of at most 5, and the blocks messages of at most 50.
Pure functions, no Rasa: tested without a server.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence

# Slack's documented limits (api.slack.com/reference/block-kit).
SECTION_TEXT_MAX = 3000
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
BUTTONS_PER_BLOCK = 5  # ours: Slack allows 25 elements, a phone shows about 5 buttons well
BLOCKS_PER_MESSAGE = 50
FALLBACK_TEXT_MAX = 150  # a message of buttons only says the answer's heading

_SLACK_CONTROL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_BULLET = re.compile(r"^- ")

Block = Dict[str, Any]


def mrkdwn(text: str) -> str:
    """Our plain answer as Slack mrkdwn: the heading (first line) bold, "- " as real bullets,
    and &, <, > escaped as Slack requires (a "<" would otherwise start a link or a mention)."""
    lines = text.strip().translate(_SLACK_CONTROL).split("\n")
    out = []
    for i, line in enumerate(lines):
        if i == 0 and line and not line.startswith("- ") and "*" not in line:
            line = f"*{line}*"
        out.append(_BULLET.sub("• ", line))
    return "\n".join(out)


def _cut(line: str, limit: int) -> List[str]:
    """A line longer than `limit`, cut between words where possible."""
    pieces = []
    while len(line) > limit:
        at = line.rfind(" ", 0, limit)
        at = at if at > limit // 2 else limit
        pieces.append(line[:at].rstrip())
        line = line[at:].lstrip()
    return [*pieces, line] if line else pieces


def sections(text: str) -> List[Block]:
    """`text` as mrkdwn section blocks of at most SECTION_TEXT_MAX characters each, cut at line
    boundaries so that a figure and its source always stay together."""
    chunks: List[str] = []
    current = ""
    for raw in mrkdwn(text).split("\n"):
        for line in _cut(raw, SECTION_TEXT_MAX):
            candidate = f"{current}\n{line}" if current else line
            if len(candidate) > SECTION_TEXT_MAX:
                chunks.append(current)
                candidate = line
            current = candidate
    if current.strip():
        chunks.append(current)
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in chunks if chunk.strip()
    ]


def _button_title(title: str) -> str:
    return title if len(title) <= BUTTON_TEXT_MAX else title[: BUTTON_TEXT_MAX - 1].rstrip() + "…"


def actions(buttons: Sequence[Dict[str, Any]]) -> List[Block]:
    """Buttons in actions blocks of at most BUTTONS_PER_BLOCK. A payload longer than Slack takes
    as a value is left out rather than sent cut (a cut payload would mean something else)."""
    usable = [b for b in buttons if len(str(b.get("payload", ""))) <= BUTTON_VALUE_MAX]
    blocks = []
    for start in range(0, len(usable), BUTTONS_PER_BLOCK):
        elements = [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": _button_title(str(b["title"])), "emoji": True},
                "value": str(b["payload"]),
                # Unique within the message, as Slack requires of action ids.
                "action_id": f"button-{start + i}",
            }
            for i, b in enumerate(usable[start : start + BUTTONS_PER_BLOCK])
        ]
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def messages(text: str, buttons: Sequence[Dict[str, Any]] = ()) -> List[Dict[str, Any]]:
    """The chat.postMessage arguments (`text`, `blocks`) for one answer: usually one message;
    a very long answer several, its buttons after its last words. Each message's `text` (what
    notifications and screen readers fall back on) is the words of its own sections."""
    blocks = sections(text) + actions(buttons)
    heading = text.strip().split("\n", 1)[0][:FALLBACK_TEXT_MAX]
    out = []
    for start in range(0, len(blocks), BLOCKS_PER_MESSAGE):
        part = blocks[start : start + BLOCKS_PER_MESSAGE]
        words = "\n".join(b["text"]["text"] for b in part if b["type"] == "section")
        out.append({"text": words[:SECTION_TEXT_MAX] or heading, "blocks": part})
    return out
