"""Questions the imported BLS OEWS figures answer (loaded by careers/wages_kb.py).

Lookups by occupation, area and industry; the areas with the highest pay or the most jobs; two
areas side by side; the family ranked within one area, like for like (as careers/rank.py ranks
it nationally: one statistic, one area, one release; roles that share one occupation's figures
are one line); pay levels read as percentiles with an honest label; the change since the
knowledge base's May 2024 national median; the location quotient in plain words.

Nothing here makes a number up: a value BLS did not publish stays unpublished, with BLS's reason,
and a top-coded wage is said as BLS's lower bound ("≥ $239,200").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from careers.knowledge import Figure, KnowledgeBase
from careers.wages_kb import (
    ALL_INDUSTRIES,
    NATIONAL,
    Area,
    Estimate,
    IndustryWords,
    RoleOccupation,
    Value,
    Wages,
)
from careers.words import ARTICLES

SOURCE = "BLS OEWS"
STATISTIC_NAMES = {
    "mean": "mean annual wage",
    "p10": "10th percentile of annual pay",
    "p25": "25th percentile of annual pay",
    "median": "median annual pay",
    "p75": "75th percentile of annual pay",
    "p90": "90th percentile of annual pay",
    "employment": "jobs",
    "jobs_per_1000": "jobs per 1,000 jobs",
    "location_quotient": "location quotient",
}
# The type of area people mean: BLS's "state" areas are the 50 states, DC and the territories.
AREA_KINDS = {"state": ("state",), "metro": ("metro",), "nonmetro": ("nonmetro",), "any": ("state", "metro")}
PREVIOUS_PERIOD = "May 2024"  # the knowledge base's national medians the change is measured from


def label(w: Wages) -> str:
    """ "BLS OEWS, May 2025": said with every figure."""
    return f"{SOURCE}, {w.release.name}"


def occupation(w: Wages, role_id: str) -> RoleOccupation | None:
    return w.roles.get(role_id)


def figures(w: Wages, soc: str, area: str = NATIONAL, industry: str = ALL_INDUSTRIES) -> Estimate | None:
    return w.estimate(soc, area, industry)


# --- saying a value ----------------------------------------------------------------------------


def sort_value(value: Value) -> float | None:
    """What a value ranks by: its number, or a top-coded wage's lower bound."""
    return value.number if value.number is not None else value.at_least


def money(value: Value) -> str:
    if value.number is not None:
        return f"${value.number:,.0f}"
    if value.at_least is not None:
        return f"≥ ${value.at_least:,.0f}"
    return "not published"


def count(value: Value) -> str:
    return f"{value.number:,.0f}" if value.number is not None else "not published"


def reason(w: Wages, value: Value) -> str:
    """Why a value has no number, in BLS's words: "Estimate not released." ("" if it has one)."""
    if value.number is not None:
        return ""
    if value.at_least is not None:
        return f"BLS publishes only a lower bound: {w.release.footnotes[value.footnote.split(',')[0]]}"
    if value.footnote:
        return " ".join(w.release.footnotes[c] for c in value.footnote.split(","))
    return "Not in the release at this level."


def say(w: Wages, statistic: str, value: Value) -> str:
    """A value as said in an answer: money, a count, or a plain number."""
    if statistic in ("employment",):
        return count(value)
    if statistic in ("jobs_per_1000", "location_quotient"):
        return f"{value.number:g}" if value.number is not None else "not published"
    return money(value)


# --- where the jobs are ------------------------------------------------------------------------


def location_quotient(estimate: Estimate) -> str:
    """The location quotient in plain words: "4.407 per 1,000 jobs here, 2.61 times the US rate
    (location quotient 2.61)"; "" when BLS gives none (the nation, an industry)."""
    lq, per_1000 = estimate.location_quotient.number, estimate.jobs_per_1000.number
    if lq is None:
        return ""
    per = f"{per_1000:g} per 1,000 jobs here, " if per_1000 is not None else ""
    return f"{per}{lq:g} times the US rate (location quotient {lq:g})"


@dataclass(frozen=True)
class Ranked:
    area: Area
    estimate: Estimate
    value: Value


def top_areas(
    w: Wages,
    soc: str,
    kind: str = "state",
    by: str = "median",
    limit: int = 5,
    within: str = "",
    lowest: bool = False,
) -> tuple[list[Ranked], int]:
    """The areas of one kind with the highest `by` for the occupation (the lowest first when
    `lowest`), and how many areas of that kind have no published value (left out, never
    guessed); `within`: only the areas in that state (a postal code)."""
    types = AREA_KINDS[kind]
    ranked, unpublished = [], 0
    for area in w.areas.values():
        if area.type not in types or (within and within not in area.states):
            continue
        estimate = w.estimate(soc, area.code)
        value = estimate.value(by) if estimate else None
        if estimate is None or value is None or sort_value(value) is None:
            unpublished += 1
            continue
        ranked.append(Ranked(area, estimate, value))
    sign = 1 if lowest else -1
    ranked.sort(key=lambda r: (sign * (sort_value(r.value) or 0), r.area.title))
    return ranked[:limit], unpublished


def compare_areas(w: Wages, soc: str, codes: Sequence[str]) -> list[tuple[Area, Estimate | None]]:
    """The occupation's figures in each area, in the order asked."""
    return [(w.areas[code], w.estimate(soc, code)) for code in codes]


# --- the family in one area --------------------------------------------------------------------


@dataclass(frozen=True)
class FamilyLine:
    """One occupation's figure and the roles it describes (own role first, then proxies)."""

    soc: str
    title: str
    roles: tuple[str, ...]
    proxy: tuple[bool, ...]  # per role: the figure stands in for it
    value: Value


@dataclass(frozen=True)
class FamilyRanking:
    area: Area
    statistic: str
    release: str
    lines: tuple[FamilyLine, ...]  # published, highest first
    unpublished: tuple[FamilyLine, ...]  # BLS published no value here
    not_mapped: tuple[str, ...]  # roles with no occupation line


def family_in_area(w: Wages, area: str, role_ids: Sequence[str], statistic: str = "median") -> FamilyRanking:
    """The roles ranked on one statistic in one area of one release: like for like only. Roles
    sharing an occupation are one line; occupations with no published value are listed apart."""
    by_soc: dict[str, list[RoleOccupation]] = {}
    not_mapped = []
    for role_id in role_ids:
        entry = w.roles.get(role_id)
        if entry is None:
            not_mapped.append(role_id)
        else:
            by_soc.setdefault(entry.soc, []).append(entry)
    lines: list[FamilyLine] = []
    unpublished: list[FamilyLine] = []
    for soc, entries in by_soc.items():
        entries.sort(key=lambda e: e.proxy)  # the occupation's own role first
        estimate = w.estimate(soc, area)
        value = estimate.value(statistic) if estimate else Value(None)
        line = FamilyLine(
            soc, entries[0].title, tuple(e.role for e in entries), tuple(e.proxy for e in entries), value
        )
        (lines if sort_value(value) is not None else unpublished).append(line)
    lines.sort(key=lambda line: -(sort_value(line.value) or 0))
    return FamilyRanking(
        w.areas[area], statistic, w.release.name, tuple(lines), tuple(unpublished), tuple(not_mapped)
    )


# --- the change since the knowledge base's May 2024 figure -------------------------------------


@dataclass(frozen=True)
class Change:
    previous: Figure  # the knowledge base's record, with its own source and period
    current: float
    percent: float  # rounded to 0.1

    def phrase(self) -> str:
        """ "up 6.8% from $112,590 in May 2024"."""
        before = f"${self.previous.value:,.0f} in {self.previous.period}"
        if self.percent == 0:
            return f"unchanged from {before}"
        return f"{'up' if self.percent > 0 else 'down'} {abs(self.percent):.1f}% from {before}"


def change_since(kb: KnowledgeBase, w: Wages, soc: str, period: str = PREVIOUS_PERIOD) -> Change | None:
    """The national median's change since the knowledge base's own figure for `period`, when
    both exist for the same occupation: a role's own median, or the median of the proxy it is
    labelled with; never a wider group's."""
    estimate = w.estimate(soc)
    current = estimate.median.number if estimate else None
    if current is None:
        return None
    candidates: list[tuple[int, Figure]] = []
    for entry in w.roles.values():
        role = kb.roles.get(entry.role)
        if entry.soc != soc or role is None:
            continue
        for figure in role.section("salary").figures:
            same_measure = figure.statistic == "median" and figure.unit == "usd_per_year"
            same_occupation = figure.proxy == entry.proxy and not figure.group
            if same_measure and same_occupation and figure.period == period and figure.geography == "US":
                candidates.append((int(entry.proxy) * 2 + int(figure.status != "primary"), figure))
    if not candidates:
        return None
    previous = min(candidates, key=lambda c: c[0])[1]
    return Change(previous, current, round((current - previous.value) / previous.value * 100, 1))


# --- industries --------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9&.+]+(?:-[a-z0-9]+)*")
_INTRODUCERS = frozenset({"in", "at", "for", "with", "within", "inside", "into", "from"})


def find_industry(words: Wages | Sequence[IndustryWords], text: str) -> IndustryWords | None:
    """The industry a message names ("pay in insurance", "at a hospital", "in tech"), longest
    words first; None when it names none."""
    found = industry_span(words, text)
    return found[0] if found else None


def industry_span(words: Wages | Sequence[IndustryWords], text: str) -> tuple[IndustryWords, int, int] | None:
    """The industry a message names and where: (entry, start, end) in characters of `text`."""
    entries = words.industry_words if isinstance(words, Wages) else words
    matches = list(_WORD.finditer(text.lower()))
    tokens = [m.group() for m in matches]
    best: tuple[int, int, IndustryWords] | None = None  # (-length, position, entry)
    for entry in entries:
        for phrases, introduced in ((entry.words, False), (entry.after_in, True)):
            for phrase in phrases:
                wanted = phrase.split()
                for i in range(len(tokens) - len(wanted) + 1):
                    if tokens[i : i + len(wanted)] != wanted:
                        continue
                    if introduced and not _introduced(tokens, i):
                        continue
                    key = (-len(wanted), i, entry)
                    if best is None or key[:2] < best[:2]:
                        best = key
    if best is None:
        return None
    first = -best[0]
    return best[2], matches[best[1]].start(), matches[best[1] + first - 1].end()


def _introduced(tokens: Sequence[str], i: int) -> bool:
    j = i - 1
    if j >= 0 and tokens[j] in ARTICLES:
        j -= 1
    return j >= 0 and tokens[j] in _INTRODUCERS


def industry_of(w: Wages, code: str) -> str:
    """The industry as BLS names it, without the "Sector 52 - " prefix."""
    return w.industries[code].name
