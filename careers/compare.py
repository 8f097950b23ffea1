"""Point-by-point comparisons of roles, honest about figures that are not alike.

Two figures are compared only when they are the same measure: same source, kind, unit,
geography and period. When like-for-like pairs from different sources point different ways,
the answer says the sources disagree instead of picking one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from careers import render
from careers.knowledge import Figure, KnowledgeBase


@dataclass(frozen=True)
class Verdict:
    """One like-for-like measure and which role comes out on top by it."""

    source: str
    what: str
    period: str
    leader: str | None  # role id, or None for a tie
    figures: tuple[tuple[str, Figure], ...]  # (role id, figure) in role order


def _measure(figure: Figure) -> tuple[str, str, str, str, str]:
    return (figure.source, figure.kind, figure.unit, figure.geography, figure.period)


def verdicts(kb: KnowledgeBase, role_ids: Sequence[str], aspect_id: str) -> list[Verdict]:
    """Like-for-like measures that every role in `role_ids` has, in knowledge-base order."""
    by_role = [{_measure(f): f for f in kb.roles[role_id].section(aspect_id).figures} for role_id in role_ids]
    results = []
    for measure, first in by_role[0].items():
        if not all(measure in figures for figures in by_role[1:]):
            continue
        pairs = tuple((r, figures[measure]) for r, figures in zip(role_ids, by_role, strict=True))
        top = max(f.value for _, f in pairs)
        leaders = [role_id for role_id, f in pairs if f.value == top]
        results.append(
            Verdict(
                source=first.source,
                what=first.what,
                period=first.period,
                leader=leaders[0] if len(leaders) == 1 else None,
                figures=pairs,
            )
        )
    return results


def outcome(kb: KnowledgeBase, verdict: Verdict, tie: str = "the same") -> str:
    return tie if verdict.leader is None else f"{kb.roles[verdict.leader].plural} ahead"


def verdict_line(kb: KnowledgeBase, verdict: Verdict, max_amounts: int | None = None) -> str:
    """ "- By <source> (<what>, <period>): <who is ahead>: <each role's figure>." With more than
    `max_amounts` roles, the leader's figure only (the detail lists every role's)."""
    if max_amounts is None or len(verdict.figures) <= max_amounts:
        amounts = " vs ".join(f"{render.value(f)} for {kb.roles[r].plural}" for r, f in verdict.figures)
    else:
        amounts = " / ".join(f"{render.value(f)}" for r, f in verdict.figures if r == verdict.leader)
    source = kb.sources[verdict.source].name
    return f"- By {source} ({verdict.what}, {verdict.period}): {outcome(kb, verdict)}: {amounts}."


def title(kb: KnowledgeBase, role_ids: Sequence[str], max_named: int | None = None) -> str:
    """ "Data Scientist vs Statistician", or "The 6 roles" past `max_named` roles."""
    if max_named is not None and len(role_ids) > max_named:
        return f"The {len(role_ids)} roles"
    return " vs ".join(kb.roles[r].name for r in role_ids)


def compare(kb: KnowledgeBase, role_ids: Sequence[str], aspect_id: str | None = None) -> str:
    """Contrast the roles on one aspect, or on every aspect when `aspect_id` is None."""
    if aspect_id is None:
        return _compare_all(kb, role_ids)
    aspect = kb.aspects[aspect_id]
    lines = [f"{title(kb, role_ids)}: {aspect.title.lower()}"]
    # The verdict comes first: it is what "which pays more?" asks; the figures back it up.
    if any(kb.roles[r].section(aspect_id).figures for r in role_ids):
        found = verdicts(kb, role_ids, aspect_id)
        if not found:
            lines.append(
                "No source gives a like-for-like figure for both roles, so there is no fair ranking."
            )
        elif len({v.leader for v in found}) > 1:
            lines.append("The sources disagree, so there is no single answer. Like for like:")
        else:
            lines.append("Like for like:")
        lines += [verdict_line(kb, v) for v in found]
    sources: list[str] = []
    for role_id in role_ids:
        role = kb.roles[role_id]
        section = role.section(aspect_id)
        sources += list(section.sources) + [f.source for f in section.figures]
        if section.figures:
            lines.append(f"All figures for {role.plural}:")
            lines += [render.figure_line(f, kb) for f in section.figures]
        else:
            lines.append(f"- {role.name}: {section.summary}.")
    note = kb.comparison_note(role_ids, aspect_id)
    if note:
        lines.append(f"Note: {note}")
    lines.append(render.sources_line(sources, kb))
    return "\n".join(lines)


def _compare_all(kb: KnowledgeBase, role_ids: Sequence[str]) -> str:
    lines = [f"{title(kb, role_ids)}, point by point:"]
    sources: list[str] = []
    for aspect in kb.aspects.values():
        lines.append(f"{aspect.title}:")
        for role_id in role_ids:
            section = kb.roles[role_id].section(aspect.id)
            sources += section.sources
            lines.append(f"- {kb.roles[role_id].name}: {section.summary}.")
    overview_note = kb.comparison_note(role_ids, "overview")
    if overview_note:
        lines.append(f"In short: {overview_note}")
    lines.append(render.sources_line(sources, kb))
    lines.append("Ask about any point (salary, growth, education...) for the details and all the figures.")
    return "\n".join(lines)


def pick_roles(
    kb: KnowledgeBase, mentioned: Sequence[str], remembered: str | None, compared: Sequence[str]
) -> list[str]:
    """The roles a comparison is about: those named; with fewer than two named, completed from
    the conversation ("how does it compare with ML engineers?" after a question about data
    scientists), the role in focus first, then the last comparison. Fewer than two means
    nothing says which roles: with ten of them, "which pays more?" is a ranking of the family
    (careers.rank), not a ten-way comparison."""
    named = [r for r in dict.fromkeys(mentioned) if r in kb.roles]
    if len(named) >= 2:
        return named
    context = [remembered] if remembered else list(compared)
    return list(dict.fromkeys([*named, *(r for r in context if r in kb.roles)]))


def which_two(kb: KnowledgeBase) -> str:
    """Said for "what's the difference?" when nothing says which roles."""
    return (
        f"I can compare any two of my {len(kb.roles)} roles ({render.join_names(kb.role_names())}). "
        'Which two? For example "data analyst vs data engineer". Or I can rank them all on pay or growth.'
    )


def not_covered(kb: KnowledgeBase, job: str, named_roles: Sequence[str]) -> str:
    """Said instead of comparing two other roles when a comparison names a job we don't cover."""
    with_ = (
        f", so I can't compare it with {render.join_names([kb.roles[r].plural for r in named_roles])}"
        if named_roles
        else ""
    )
    return (
        f'Sorry, "{job}" is not a role I cover{with_}. I cover {render.join_names(kb.role_names())}: '
        "I can compare any of them."
    )


def answer(kb: KnowledgeBase, role_ids: Sequence[str], mentioned_aspects: Sequence[str]) -> str:
    """The reply to a comparison of `role_ids` (see `pick_roles`) on the aspects named.

    No known aspect named ("what's the difference?") means every aspect, in brief.
    """
    aspect_ids = list(dict.fromkeys(a for a in mentioned_aspects if a in kb.aspects))
    if not aspect_ids:
        return compare(kb, role_ids)
    return "\n\n".join(compare(kb, role_ids, aspect_id) for aspect_id in aspect_ids)
