"""What to offer when the NLU is unsure: the likely meanings, as buttons a person can click."""

from __future__ import annotations

from typing import Sequence

from careers import names
from careers.answer import Button
from careers.knowledge import KnowledgeBase

ASPECT_INTENT_PREFIX = names.ASK_ROLE_PREFIX
# Intents worth offering back to the user, besides one per aspect; the rest (greetings,
# out of scope...) are never what a confused user meant to ask.
OTHER_SUGGESTIONS = {
    names.COMPARE_ROLES: "Compare the roles",
    names.ASK_SOURCES: "Where the data comes from",
}


def suggestions(
    kb: KnowledgeBase, ranked_intents: Sequence[str], role_id: str | None, limit: int = 3
) -> list[Button]:
    """Up to `limit` likely meanings, best first, phrased for the role in context if any."""
    role = kb.roles.get(role_id) if role_id else None
    found: list[Button] = []
    for intent in ranked_intents:
        if intent.startswith(ASPECT_INTENT_PREFIX) and intent[len(ASPECT_INTENT_PREFIX) :] in kb.aspects:
            title = kb.aspects[intent[len(ASPECT_INTENT_PREFIX) :]].title
            if role:
                title = f"{title} ({role.plural})"
        elif intent in OTHER_SUGGESTIONS:
            title = OTHER_SUGGESTIONS[intent]
        else:
            continue
        found.append(Button(title, intent))
        if len(found) == limit:
            break
    return found
