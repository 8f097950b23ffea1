"""Small talk that keeps the thread (feature `smalltalk`): after "ok", "got it" or a sigh of
frustration, two or three next steps that fit where the conversation is."""

from __future__ import annotations

from typing import Sequence

from careers import names
from careers.answer import Button
from careers.knowledge import KnowledgeBase

# What to offer about a role, in order, skipping the aspect just answered.
NEXT_ASPECTS = ("salary", "skills", "outlook", "education")


def next_steps(
    kb: KnowledgeBase, focus: str | None, compared: Sequence[str], aspect: str | None, limit: int = 3
) -> list[Button]:
    """Up to `limit` steps: more about the role in focus, or the comparison in context on
    another point, then the guided path; with no context, where most people start."""
    steps: list[Button] = []
    others = [a for a in NEXT_ASPECTS if a != aspect and a in kb.aspects]
    if focus is not None and focus in kb.roles:
        role = kb.roles[focus]
        steps += [
            Button(f"{role.plural}: {kb.aspects[a].title.lower()}", names.ask_role(a), {"role": focus})
            for a in others[:2]
        ]
    elif len([r for r in compared if r in kb.roles]) >= 2:
        steps += [
            Button(f"Compare on {kb.aspects[a].title.lower()}", names.COMPARE_ROLES, {"aspect": a})
            for a in others[:2]
        ]
    else:
        first = next(iter(kb.roles.values()))
        steps += [
            Button(f"What does a {first.name} do?", names.ask_role("overview"), {"role": first.id}),
            Button("Compare the roles", names.COMPARE_ROLES),
        ]
    steps.append(Button("Help me choose", names.START_PATH))
    return steps[:limit]
