"""Where the knowledge comes from."""

from __future__ import annotations

import re
from typing import Sequence

from careers import names, render
from careers.answer import Answer, Button
from careers.knowledge import KnowledgeBase

_STATUS = {
    "primary": "read on the publisher's own page",
    "secondary": "read on a page that quotes the publisher",
    "article": "the founding article; it names no underlying source",
}


def describe_sources(kb: KnowledgeBase) -> str:
    lines = ["My answers come from these sources; every figure I give names its source and period:"]
    for source in kb.sources.values():
        lines.append(f'- {source.name}, "{source.title}" ({source.published}; {_STATUS[source.status]}).')
    lines.append(
        "Where sources disagree I show each figure with its source rather than picking one, "
        "and Machine Learning Engineer figures from official statistics are proxies, "
        "because the US statistics have no occupation of that name."
    )
    return "\n".join(lines)


_NUMBER = re.compile(r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|%| percent)?", re.IGNORECASE)


def _numbers(text: str) -> list[float]:
    found = []
    for match in _NUMBER.finditer(text):
        value = float(match.group(1).replace(",", ""))
        if (match.group(2) or "").lower() == "k":
            value *= 1000
        found.append(value)
    return found


def figure_source(kb: KnowledgeBase, text: str, role_ids: Sequence[str]) -> Answer | None:
    """ "Is that 36% from the BLS?": the source, period and geography of the figure named, among
    the roles in focus first (None when the message names no figure we hold)."""
    values = _numbers(text)
    if not values:
        return None
    ordered = [r for r in role_ids if r in kb.roles] + [r for r in kb.roles if r not in role_ids]
    for role_id in ordered:
        role = kb.roles[role_id]
        for aspect in kb.aspects:
            for figure in role.section(aspect).figures:
                if any(
                    abs(figure.value - v) < 0.05 or (v >= 1000 and abs(figure.value - v) < 500)
                    for v in values
                ):
                    source = kb.sources[figure.source]
                    proxy = " It is a proxy figure, not one for this role itself." if figure.proxy else ""
                    text_ = (
                        f"That figure ({render.value(figure)}, {figure.what}) is from {source.name}, "
                        f'"{source.title}" ({source.published}; {_STATUS[source.status]}), for '
                        f"{figure.geography}, {figure.period}.{proxy}"
                    )
                    return Answer(text_, (Button("All my sources", names.ASK_SOURCES),))
    return None
