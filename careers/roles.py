"""Answers about one role: one aspect of it, rendered from the knowledge base."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from careers import render
from careers.knowledge import KnowledgeBase


def describe(kb: KnowledgeBase, role_id: str, aspect_id: str) -> str:
    """Everything the knowledge base says about one aspect of one role, with its sources."""
    role = kb.roles[role_id]
    section = role.section(aspect_id)
    lines = [f"{role.plural}: {kb.aspects[aspect_id].title.lower()}"]
    lines += [render.figure_line(figure, kb) for figure in section.figures]
    lines += [f"- {point}" for point in section.points]
    if section.note:
        lines.append(f"Note: {section.note}")
    lines.append(render.sources_line(list(section.sources) + [f.source for f in section.figures], kb))
    return "\n".join(lines)


def covered_roles(kb: KnowledgeBase) -> str:
    """ "Data Scientists and Machine Learning Engineers": the roles this assistant knows."""
    return render.join_names(kb.role_names())


@dataclass(frozen=True)
class Resolution:
    """Which roles a question is about, decided from the message and the conversation.

    Exactly one of the fields is set: `roles` to answer about, `not_covered` (an occupation
    the user named that the knowledge base does not have), or `ask` when nothing says which.
    """

    roles: tuple[str, ...] = ()
    not_covered: str | None = None
    ask: bool = False


def resolve(
    kb: KnowledgeBase,
    mentioned: Sequence[str],
    other_jobs: Sequence[str],
    remembered: str | None,
    compared: Sequence[str] = (),
) -> Resolution:
    """Roles named in this message win; then an uncovered job named in it; then the role in
    context; then the roles of the comparison in context ("what about salary then?").

    `mentioned` are role ids the NLU found in the message, `other_jobs` occupations it found
    that are not known roles (free text), `remembered` the role the conversation is about,
    `compared` the roles of the last comparison.
    """
    known = tuple(dict.fromkeys(r for r in mentioned if r in kb.roles))
    if known:
        return Resolution(roles=known)
    uncovered = not_covered(kb, other_jobs)
    if uncovered:
        return Resolution(not_covered=uncovered[0])
    if remembered is not None and remembered in kb.roles:
        return Resolution(roles=(remembered,))
    in_comparison = tuple(dict.fromkeys(r for r in compared if r in kb.roles))
    if len(in_comparison) >= 2:
        return Resolution(roles=in_comparison)
    return Resolution(ask=True)


def other_role(kb: KnowledgeBase, remembered: str | None, compared: Sequence[str]) -> Resolution:
    """ "And the other one?": the role of the last comparison that is not the one in focus.

    With no comparison in context, or none in focus after it, nothing says which role is meant."""
    in_comparison = [r for r in dict.fromkeys(compared) if r in kb.roles]
    others = [r for r in in_comparison if r != remembered]
    if remembered in in_comparison and len(others) == 1:
        return Resolution(roles=(others[0],))
    return Resolution(ask=True)


def not_covered(kb: KnowledgeBase, other_jobs: Sequence[str]) -> list[str]:
    """The occupations named that no role file covers, as typed."""
    return [job.strip() for job in other_jobs if job.strip() and find_role(kb, job) is None]


def find_role(kb: KnowledgeBase, text: str) -> str | None:
    """The role whose id, name or alias is `text` (any case), else None."""
    wanted = " ".join(text.lower().split())
    for role in kb.roles.values():
        if wanted in (role.id, role.name.lower(), role.plural.lower()) or wanted in role.aliases:
            return role.id
    return None


def role_choices(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(button title, role id) for each role, for "which role do you mean?"."""
    return [(role.plural, role.id) for role in kb.roles.values()]


def family(kb: KnowledgeBase) -> str:
    """ "What roles do you know?": every role, and what can be asked about them."""
    names = render.join_names([role.name for role in kb.roles.values()])
    return (
        f"I know {len(kb.roles)} data careers: {names}. Ask what any of them does, earns or needs, "
        "compare any two, rank them all on pay or growth, or let me help you choose."
    )
