"""Rank the whole family of roles on one dimension (pay, growth), like for like only.

Only figures of one series are ranked together: the same source (publisher and programme, as
named in sources.yml), statistic, unit, geography and period. The series chosen is the one
that covers the most roles; the roles it does not cover are listed as not comparable, never
slotted in from another source. A role's own figure is preferred to a proxy occupation's or a
wider group's; stand-in figures are labelled, and roles that share one proxy figure with
another role (Data Analysts on the Data Scientists occupation) are one line, not separate
results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from careers import render
from careers.knowledge import Figure, KnowledgeBase

TOP = 3  # lines in the chat-size answer; the rest is behind "Full ranking"


@dataclass(frozen=True)
class Dimension:
    id: str
    aspect: str
    unit: str
    preferred: str  # the statistic chosen when two series cover as many roles
    question: str  # what the ranking answers
    leader: str  # "pays the most"


DIMENSIONS = {
    "salary": Dimension(
        "salary", "salary", "usd_per_year", "median", "Which data job pays the most?", "pays the most"
    ),
    "outlook": Dimension(
        "outlook", "outlook", "percent", "growth", "Which data job is growing fastest?", "is growing fastest"
    ),
}

Series = tuple[str, str, str, str, str]  # source name, statistic, unit, geography, period


def series_of(figure: Figure, kb: KnowledgeBase) -> Series:
    return (kb.sources[figure.source].name, figure.statistic, figure.unit, figure.geography, figure.period)


@dataclass(frozen=True)
class Entry:
    """One ranked line: a figure and the roles it describes (its own role first), each with its
    record of it (one role's own figure can be another's proxy)."""

    roles: tuple[str, ...]
    figures: tuple[Figure, ...]

    @property
    def figure(self) -> Figure:
        return self.figures[0]


@dataclass(frozen=True)
class Ranking:
    dimension: Dimension
    series: Series
    entries: tuple[Entry, ...]  # highest first
    # roles with no figure in the series → their figures of this dimension from other series
    not_comparable: tuple[tuple[str, tuple[Figure, ...]], ...]
    sources: tuple[str, ...]  # source ids of the ranked figures


def _standing(figure: Figure) -> int:
    """Own figures first, then a proxy occupation's, then a wider group's."""
    return 0 if figure.own else 1 if figure.proxy else 2


def rank(kb: KnowledgeBase, dimension_id: str, role_ids: Sequence[str] | None = None) -> Ranking | None:
    """The ranking of `role_ids` (default: every role) on the dimension; None when no series
    has figures for two roles."""
    dimension = DIMENSIONS[dimension_id]
    role_ids = list(role_ids or kb.roles)
    figures = {
        r: [f for f in kb.roles[r].section(dimension.aspect).figures if f.unit == dimension.unit]
        for r in role_ids
    }
    coverage: dict[Series, set[str]] = {}
    for role_id, found in figures.items():
        for figure in found:
            coverage.setdefault(series_of(figure, kb), set()).add(role_id)
    if not coverage or max(len(c) for c in coverage.values()) < 2:
        return None
    series = max(
        coverage,
        key=lambda s: (
            len(coverage[s]),
            s[1] == dimension.preferred,
            s[4],
            -sum(r in kb.roles for r in coverage[s]),
        ),
    )
    chosen = {
        r: min((f for f in figures[r] if series_of(f, kb) == series), key=_standing)
        for r in role_ids
        if r in coverage[series]
    }
    entries: list[Entry] = []
    # A stand-in equal to another role's figure from the same source is that figure: one line.
    for role_id, figure in sorted(chosen.items(), key=lambda item: (-item[1].value, _standing(item[1]))):
        same = next(
            (
                e
                for e in entries
                if e.figure.value == figure.value and e.figure.source == figure.source and not figure.own
            ),
            None,
        )
        if same is not None:
            entries[entries.index(same)] = Entry(same.roles + (role_id,), same.figures + (figure,))
        else:
            entries.append(Entry((role_id,), (figure,)))
    others = tuple((r, tuple(figures[r])) for r in role_ids if r not in chosen)
    return Ranking(
        dimension=dimension,
        series=series,
        entries=tuple(entries),
        not_comparable=others,
        sources=tuple(dict.fromkeys(f.source for f in chosen.values())),
    )


def dimension_for(aspect_ids: Sequence[str]) -> str | None:
    """The dimension a ranking question is about: the first aspect named that has one."""
    return next((a for a in aspect_ids if a in DIMENSIONS), None)


CHART_WORDS = {"chart", "charts", "graph", "graphs", "plot", "picture", "visual", "visualise", "visualize"}


def wants_chart(text: str | None) -> bool:
    """ "Show me a salary chart": the message asks for the picture, not the list."""
    return bool(text) and bool(CHART_WORDS & set(str(text).lower().replace("?", " ").split()))


def heading(ranking: Ranking) -> str:
    """ "Median annual pay, US, May 2024 (US Bureau of Labor Statistics, ...)": the series."""
    source, statistic, unit, geography, period = ranking.series
    what = f"{statistic} annual pay" if unit == "usd_per_year" else f"projected {statistic}"
    return f"{what[0].upper()}{what[1:]}, {geography}, {period} ({source})"


def label(kb: KnowledgeBase, entry: Entry, short: bool = False) -> str:
    """The roles of a line, each stand-in marked: "Data Engineers (proxy)"."""
    names = []
    for role_id, figure in zip(entry.roles, entry.figures, strict=True):
        role = kb.roles[role_id]
        if figure.group:
            names.append(f"{role.plural} ({'group figure' if short else 'figure of a wider official group'})")
        elif figure.proxy:
            names.append(f"{role.plural} ({'proxy' if short else f'proxy: {role.proxy}'})")
        else:
            names.append(role.plural)
    return " = ".join(names) if short else render.join_names(names)


def _shared_note(kb: KnowledgeBase, ranking: Ranking) -> list[str]:
    shared = [e for e in ranking.entries if len(e.roles) > 1]
    return [
        f"{render.join_names([kb.roles[r].plural for r in e.roles])} share one figure here (one "
        "occupation's, standing in for the others), so they are one line, not separate results."
        for e in shared
    ]


def brief(kb: KnowledgeBase, ranking: Ranking) -> str:
    """The chat-size answer: the top lines with their figures, the series, what is left out."""
    lines = [f"{ranking.dimension.question} {heading(ranking)}:"]
    for i, entry in enumerate(ranking.entries[:TOP], start=1):
        lines.append(f"{i}. {label(kb, entry, short=True)}: {render.value(entry.figure)}")
    rest = len(ranking.entries) - TOP
    more = [f"{rest} more in the full ranking"] if rest > 0 else []
    left = len(ranking.not_comparable)
    if left:
        more.append(f"{left} {'role has' if left == 1 else 'roles have'} no comparable figure")
    if any(len(e.roles) > 1 for e in ranking.entries):
        more.append('"=": one shared figure, not separate results')
    if more:
        lines.append("; ".join(more) + ".")
    lines.append(f"Source: {ranking.series[0]}.")
    return "\n".join(lines)


def full(kb: KnowledgeBase, ranking: Ranking) -> str:
    """Every ranked line with its citation, the shared proxies explained, the roles left out."""
    lines = [f"{ranking.dimension.question} {heading(ranking)}, all roles with a figure in it:"]
    for i, entry in enumerate(ranking.entries, start=1):
        lines.append(
            f"{i}. {label(kb, entry)}: {render.value(entry.figure)} ({render.citation(entry.figure, kb)})"
        )
    lines += _shared_note(kb, ranking)
    if ranking.not_comparable:
        lines.append("Not comparable (no figure from this source, statistic and period), so not ranked:")
        for role_id, figures in ranking.not_comparable:
            role = kb.roles[role_id]
            if figures:
                shown = "; ".join(
                    f"{f.what}: {render.value(f)} ({render.citation(f, kb)})" for f in figures[:2]
                )
                lines.append(f"- {role.plural}: {shown}")
            else:
                lines.append(f"- {role.plural}: no figure of this kind.")
    lines.append(render.sources_line(ranking.sources, kb))
    return "\n".join(lines)


def nothing_to_rank(kb: KnowledgeBase, aspect_id: str | None) -> str:
    """Said when the question names no dimension with figures ("which has the best tools?")."""
    what = kb.aspects[aspect_id].title.lower() if aspect_id and aspect_id in kb.aspects else "that"
    return (
        f"I can't rank the roles on {what}: there is no figure to rank them by, only descriptions. "
        "I can rank them on pay or on projected growth, or compare any two on any point."
    )


def text_bars(kb: KnowledgeBase, ranking: Ranking, width: int = 20) -> str:
    """The ranking as text bars, for the shell and Slack: every bar labelled with its figure."""
    top = max(e.figure.value for e in ranking.entries)
    names = [label(kb, e, short=True) for e in ranking.entries]
    lines = [heading(ranking)]
    for name, entry in zip(names, ranking.entries, strict=True):
        bar = "█" * max(1, round(width * entry.figure.value / top))
        lines.append(f"{bar} {render.value(entry.figure)}  {name}")
    if ranking.not_comparable:
        left = render.join_names([kb.roles[r].plural for r, _ in ranking.not_comparable])
        lines.append(f"Not comparable, so not shown: {left}.")
    return "\n".join(lines)
