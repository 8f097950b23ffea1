"""Where the knowledge comes from."""

from __future__ import annotations

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
