"""Text shared by every answer: figures with their source and period, source lists.

Answers are plain text with "- " bullets: it reads the same in the shell, the web widget and
Slack, with no markup that one of them would show raw.
"""

from __future__ import annotations

from typing import Iterable

from careers.knowledge import Figure, KnowledgeBase, Source


def value(figure: Figure) -> str:
    amount = f"{figure.value:,.0f}"
    if figure.unit == "usd_per_year":
        return f"${amount} a year"
    if figure.unit == "percent":
        # 8.7% stays 8.7%: rounding would change the figure the source gives.
        return f"+{figure.value:g}%"
    if figure.unit == "jobs_per_year":
        return f"about {amount} a year"
    return amount


def citation(figure: Figure, kb: KnowledgeBase) -> str:
    """Where and when a figure holds, and who says so: "US, May 2024; BLS ..."."""
    context = []
    if figure.geography != "not stated":
        context.append(figure.geography)
    context.append(figure.period if figure.period != "not stated" else "period not stated")
    return f"{', '.join(context)}; {source_label(kb.sources[figure.source], figure.status)}"


def source_label(source: Source, status: str | None = None) -> str:
    status = status or source.status
    if status == "secondary":
        return f"{source.name}, as quoted by a secondary page"
    if status == "article":
        return f"{source.name} article, no underlying source given"
    return source.name


def figure_line(figure: Figure, kb: KnowledgeBase) -> str:
    what = figure.what[0].upper() + figure.what[1:]
    return f"- {what}: {value(figure)} ({citation(figure, kb)})"


def sources_line(source_ids: Iterable[str], kb: KnowledgeBase) -> str:
    seen: list[str] = []
    for source_id in source_ids:
        if source_id not in seen:
            seen.append(source_id)
    names = [f"{kb.sources[s].name} ({kb.sources[s].published})" for s in seen]
    return "Sources: " + "; ".join(names) + "."


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
