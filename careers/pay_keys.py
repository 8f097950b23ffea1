"""The pay answers by name: what a question asks for (careers/pay_question.py) and what a "more"
button's detail key names, one and the same (`Asked`). The keys (careers/pay.py lists them):

  pay/place/<role>/<area>[/<level>]   pay/industry/<role>/<industry>[/<level>]   pay/jobs/<role>/<area>
  pay/top/<role>/<state|metro>/<statistic>[/lowest][/in-<postal code>]
  pay/compare/<role>/<area>+<area>...   pay/family/<area>   pay/sources
  pay/chart/<one of the keys above>: the same places or roles as a chart (chart/<key>.png on the
  page's own server, scripts/web_server.py)

A key is checked against the figures: a role, area, industry or level it names must exist, so an
old button or a made-up address names nothing (None), never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from careers import levels, pay
from careers.detail import payload_key, role_key
from careers.knowledge import KnowledgeBase
from careers.wages_kb import Wages

KIND = ("place", "jobs", "industry", "top", "compare", "family", "sources", "national", "which")


@dataclass(frozen=True)
class Asked:
    """One pay answer, as a detail key names it."""

    kind: str  # place | jobs | industry | top | compare | family | sources | national | which
    role: str = ""
    areas: tuple[str, ...] = ()  # area codes; `which`: the candidates
    level: str = ""  # a careers.wages Level id
    industry: str = ""
    places: str = "state"  # top: state | metro
    by: str = "median"  # top: the statistic ranked
    within: str = ""  # top: a state's postal code
    lowest: bool = False
    abroad: str = ""  # a place outside the US the person named: said first, then the US figures
    roles: tuple[str, ...] = ()  # family: the roles ranked (all when empty)

    def key(self) -> str:
        if self.kind == "top":
            return pay.top_key(self.role, self.places, self.by, self.within, self.lowest)
        if self.kind == "family":
            return f"pay/family/{self.areas[0]}"
        if self.kind == "compare":
            return f"pay/compare/{self.role}/{'+'.join(self.areas)}"
        if self.kind == "industry":
            return f"pay/industry/{self.role}/{self.industry}" + (f"/{self.level}" if self.level else "")
        if self.kind in ("place", "jobs"):
            return f"pay/{self.kind}/{self.role}/{self.areas[0]}" + (f"/{self.level}" if self.level else "")
        if self.kind == "national":
            return role_key(self.role, "salary")
        return "pay/sources"


def chart_path(asked: Asked) -> str:
    """The chart's address, relative to the page: chart/pay/<key without "pay/">.png."""
    return f"chart/{asked.key()}.png"


_STATISTICS = (*levels.PERCENTILES, "employment", "location_quotient", "mean")


def parse_key(kb: KnowledgeBase, w: Wages, key: str) -> Asked | None:
    """The answer a "pay/..." detail key names, or None when it names nothing (an old button)."""
    parts = key.split("/")
    if len(parts) < 2 or parts[0] != pay.KEY:
        return None
    kind, args = parts[1], parts[2:]
    if kind == "chart":
        return parse_key(kb, w, "/".join([pay.KEY, *args])) if args else None
    if kind == "sources":
        return Asked("sources") if not args else None
    if kind == "family":
        ok = len(args) == 1 and args[0] in w.areas
        return Asked("family", areas=(args[0],)) if ok else None
    role = args[0] if args else ""
    if role not in w.roles or role not in kb.roles:
        return None
    rest = args[1:]
    level = rest[1] if len(rest) == 2 and kind in ("place", "industry") else ""
    if level and levels.level(level) is None:
        return None
    if kind == "place" and len(rest) in (1, 2) and rest[0] in w.areas:
        return Asked(kind, role, areas=(rest[0],), level=level)
    if kind == "jobs" and len(rest) == 1 and rest[0] in w.areas:
        return Asked(kind, role, areas=(rest[0],))
    if kind == "industry" and len(rest) in (1, 2) and rest[0] in w.industries:
        return Asked("industry", role, industry=rest[0], level=level)
    if kind == "compare" and len(rest) == 1:
        codes = tuple(rest[0].split("+"))
        if 2 <= len(codes) <= 5 and all(c in w.areas for c in codes):
            return Asked("compare", role, areas=codes)
    if kind == "top" and len(rest) >= 2 and rest[0] in ("state", "metro") and rest[1] in _STATISTICS:
        extra = rest[2:]
        within = next((e[3:] for e in extra if e.startswith("in-")), "")
        if any(e != "lowest" and not e.startswith("in-") for e in extra):
            return None
        if within and not any(a.type == "state" and a.states == (within,) for a in w.areas.values()):
            return None
        return Asked("top", role, places=rest[0], by=rest[1], within=within, lowest="lowest" in extra)
    return None


def offered_chart(buttons: Sequence[Mapping[str, str]]) -> str | None:
    """The chart key among an answer's buttons ("Chart"), so that "chart" typed after a pay
    answer shows that answer's chart; None when it offered none."""
    for button in buttons:
        key = payload_key(str(button.get("payload", "")))
        if key and key.startswith(f"{pay.KEY}/chart/"):
            return key
    return None
