"""Small talk that keeps the thread (feature `smalltalk`): after "ok", "got it" or a sigh of
frustration, two or three next steps that fit where the conversation is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from careers.knowledge import KnowledgeBase

# What to offer about a role, in order, skipping the aspect just answered.
NEXT_ASPECTS = ("salary", "skills", "outlook", "education")


@dataclass(frozen=True)
class Step:
    title: str
    intent: str
    entities: Mapping[str, str] | None = None


def next_steps(
    kb: KnowledgeBase, focus: str | None, compared: Sequence[str], aspect: str | None, limit: int = 3
) -> list[Step]:
    """Up to `limit` steps: more about the role in focus, or the comparison in context on
    another point, then the guided path; with no context, where most people start."""
    steps: list[Step] = []
    others = [a for a in NEXT_ASPECTS if a != aspect and a in kb.aspects]
    if focus is not None and focus in kb.roles:
        role = kb.roles[focus]
        steps += [
            Step(f"{role.plural}: {kb.aspects[a].title.lower()}", f"ask_role_{a}", {"role": focus})
            for a in others[:2]
        ]
    elif len([r for r in compared if r in kb.roles]) >= 2:
        steps += [
            Step(f"Compare on {kb.aspects[a].title.lower()}", "compare_roles", {"aspect": a})
            for a in others[:2]
        ]
    else:
        first = next(iter(kb.roles.values()))
        steps += [
            Step(f"What does a {first.name} do?", "ask_role_overview", {"role": first.id}),
            Step("Compare the roles", "compare_roles"),
        ]
    steps.append(Step("Help me choose", "start_path"))
    return steps[:limit]
