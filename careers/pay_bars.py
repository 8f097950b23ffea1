"""What a place chart shows: the places or roles asked about, one statistic, one release. Drawn
as a PNG by chart.bars_png (the web widget) or as text bars here (the shell and Slack). The bars
of a pay answer are `bars_for` it; the page's server draws chart/<pay key>.png from
`bars_for_path`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from careers import wages
from careers.knowledge import KnowledgeBase
from careers.pay import TOP, line_label, where
from careers.pay_keys import Asked, parse_key
from careers.wages_kb import NATIONAL, RoleOccupation, Wages


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # what the bar's length shows (a top-coded wage: BLS's lower bound)
    text: str  # the value as said: "$163,350", "≥ $239,200", "25,860"
    stand_in: bool = False  # a proxy occupation's figure


@dataclass(frozen=True)
class Bars:
    title: str  # statistic and occupation (or area)
    source: str  # "BLS OEWS, May 2025"
    bars: tuple[Bar, ...]  # top first
    note: str = ""  # what is left out, and why


def _statistic_title(statistic: str) -> str:
    name = wages.STATISTIC_NAMES[statistic]
    return name[0].upper() + name[1:]


def place_bars(
    kb: KnowledgeBase, w: Wages, role_id: str, areas: Sequence[str], statistic: str = "median"
) -> Bars:
    """A role's occupation in the areas asked about, on one statistic."""
    entry = w.roles[role_id]
    shown, missing = [], []
    for area in areas:
        estimate = w.estimate(entry.soc, area)
        value = estimate.value(statistic) if estimate else wages.Value(None)
        length = wages.sort_value(value)
        if length is None:
            missing.append(_bar_label(w, area))
        else:
            shown.append(Bar(_bar_label(w, area), length, wages.say(w, statistic, value), entry.proxy))
    return Bars(
        title=f"{_statistic_title(statistic)}, {entry.title} (SOC {entry.soc}){_proxy_for(kb, entry)}",
        source=wages.label(w),
        bars=tuple(shown),
        note=f"Not published: {', '.join(missing)}." if missing else "",
    )


def _bar_label(w: Wages, area: str) -> str:
    return "US (national)" if area == NATIONAL else where(w, area)


def _proxy_for(kb: KnowledgeBase, entry: RoleOccupation) -> str:
    return f", proxy for {kb.roles[entry.role].plural}" if entry.proxy else ""


def top_bars(
    kb: KnowledgeBase,
    w: Wages,
    role_id: str,
    kind: str = "state",
    by: str = "median",
    within: str = "",
    lowest: bool = False,
) -> Bars:
    """The areas of pay.top_places, as bars."""
    entry = w.roles[role_id]
    ranked, unpublished = wages.top_areas(w, entry.soc, kind, by, TOP, within, lowest)
    places = "states" if kind == "state" else "metro areas"
    places = f"{'bottom' if lowest else 'top'} {places}" + (f" in {within}" if within else "")
    return Bars(
        title=f"{_statistic_title(by)}: {places}, {entry.title} (SOC {entry.soc}){_proxy_for(kb, entry)}",
        source=wages.label(w),
        bars=tuple(
            Bar(r.area.title, wages.sort_value(r.value) or 0, wages.say(w, by, r.value), entry.proxy)
            for r in ranked
        ),
        note=f"{unpublished} {places.split(' ', 1)[1]} have no published figure." if unpublished else "",
    )


def family_bars(kb: KnowledgeBase, w: Wages, area: str, role_ids: Sequence[str] | None = None) -> Bars:
    """The family ranked in one area, like for like, one bar per occupation."""
    ranking = wages.family_in_area(w, area, list(role_ids or kb.roles))
    left = [line_label(kb, line) for line in ranking.unpublished]
    return Bars(
        title=f"Median annual pay, {where(w, area)}",
        source=wages.label(w),
        bars=tuple(
            Bar(
                line_label(kb, line),
                wages.sort_value(line.value) or 0,
                wages.money(line.value),
                all(line.proxy),
            )
            for line in ranking.lines
        ),
        note=f"Not published here: {', '.join(left)}." if left else "",
    )


def text_bars(bars: Bars, width: int = 16) -> str:
    """The chart as text, for the shell and Slack: every bar labelled with its figure."""
    top = max((b.value for b in bars.bars), default=0)
    lines = [f"{bars.title} ({bars.source})"]
    for bar in bars.bars:
        length = max(1, round(width * bar.value / top)) if top else 1
        lines.append(f"{('░' if bar.stand_in else '█') * length} {bar.text}  {bar.label}")
    if any(b.stand_in for b in bars.bars):
        lines.append("░: a proxy occupation's figure, standing in for the role.")
    if bars.note:
        lines.append(bars.note)
    return "\n".join(lines)


def bars_for(kb: KnowledgeBase, w: Wages, asked: Asked) -> Bars | None:
    """The bars of the answer `asked` names (None: an answer with no chart)."""
    if asked.kind == "top":
        return top_bars(kb, w, asked.role, asked.places, asked.by, asked.within, asked.lowest)
    if asked.kind == "compare":
        return place_bars(kb, w, asked.role, asked.areas)
    if asked.kind == "family":
        return family_bars(kb, w, asked.areas[0], asked.roles or None)
    if asked.kind == "place" and not asked.level:
        return place_bars(kb, w, asked.role, [asked.areas[0], NATIONAL])
    return None


def bars_for_path(kb: KnowledgeBase, w: Wages, key: str) -> Bars | None:
    """What the page's server draws for chart/<key>.png (None: no such chart)."""
    asked = parse_key(kb, w, key)
    return bars_for(kb, w, asked) if asked is not None else None
