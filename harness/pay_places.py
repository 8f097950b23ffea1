"""How well pay questions by place, level and industry are understood and answered (issue 18),
on tests/nlu/heldout_pay_places.yml: questions written before any tuning by a helper who had not
read data/, each labelled with the BLS areas it names, the places abroad, the level, the
industry, the employer and what it asks.

- Places (no model): the NLU component's entities (addons/nlu/kb_entities.py, which reads places
  with careers/places.py) against the labels. A question counts as resolved when the BLS areas
  found are exactly the areas labelled (the nation aside: "in the US" and no place are both the
  national figures) and a place abroad is found when, and only when, one is labelled.
- Figures (no model): the answer careers/pay_question.py gives, for the question as labelled
  (its intent from `asks`), must contain the labelled figure as the OEWS database has it. The
  expected figure is read here from knowledge_base/wages/oews-2025.csv with the csv module, not
  through careers/, and tests/unit/scripts ties that file to BLS's database.
- Routing (the trained model, no server): the intent the model gives, with the entities, leads
  careers/pay_question.py to the kind of answer the label asks for.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

from careers import names, pay_question
from careers.knowledge import KnowledgeBase
from careers.pay_question import Question
from careers.wages_kb import NATIONAL, Wages

ROOT = Path(__file__).resolve().parent.parent
PAY_PLACES = ROOT / "tests" / "nlu" / "heldout_pay_places.yml"
WAGES = ROOT / "knowledge_base" / "wages"
# What each label asks for: the intent that asks it, and the kinds of answer that answer it.
INTENT = {
    "pay": names.ask_role("salary"),
    "employment": names.ASK_JOBS_WHERE,
    "top_places_pay": names.ASK_JOBS_WHERE,
    "top_places_jobs": names.ASK_JOBS_WHERE,
    "compare_places": names.COMPARE_ROLES,
    "rank_roles_in_place": names.RANK_ROLES,
}
# Two areas named for one pay question ("the Bay Area") are answered side by side; a place
# abroad compared with the US gets the US figures after the sentence saying so.
KINDS = {
    "pay": {"place", "national", "industry", "compare"},
    "employment": {"jobs"},
    "top_places_pay": {"top"},
    "top_places_jobs": {"top"},
    "compare_places": {"compare", "place", "national"},
    "rank_roles_in_place": {"family"},
}
FOLLOW_UP_ROLE = "data_scientist"  # the role in focus for the follow-ups labelled with no role
STATISTIC = {None: "median", "p10": "p10", "p25": "p25", "median": "median", "p75": "p75", "p90": "p90"}
_LINE = re.compile(r"^\d+\. (.+): (≥ )?\$?([\d,]+(?:\.\d+)?)$")
# What a ranking ranks, as its heading says it (careers/pay.py top_places).
RANKED_BY = (
    ("most jobs", "employment"),
    ("fewest jobs", "employment"),
    ("location quotient", "location_quotient"),
    ("10th percentile", "p10"),
    ("25th percentile", "p25"),
    ("75th percentile", "p75"),
    ("90th percentile", "p90"),
)


@dataclass(frozen=True)
class Labelled:
    text: str
    role: str | None
    areas: tuple[str, ...]
    abroad: tuple[str, ...]
    level: str | None
    industry: str | None
    employer: str | None
    asks: str


def questions(path: Path = PAY_PLACES) -> list[Labelled]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Labelled(
            text=q["text"],
            role=q["role"],
            areas=tuple(p["area"] for p in q["places"]),
            abroad=tuple(q["outside_us"]),
            level=q["level"],
            industry=(q["industry"] or {}).get("code"),
            employer=q["employer"],
            asks=q["asks"],
        )
        for q in data["questions"]
    ]


def entity_values(entities: Sequence[dict[str, Any]], name: str) -> tuple[str, ...]:
    return tuple(str(e["value"]) for e in entities if e["entity"] == name)


def place_resolved(labelled: Labelled, entities: Sequence[dict[str, Any]]) -> bool:
    values = entity_values(entities, names.PLACE)
    found = {v.removeprefix("area:") for v in values if v.startswith("area:")} - {NATIONAL}
    abroad = [v for v in values if not v.startswith(("area:", "one of:"))]
    return found == set(labelled.areas) - {NATIONAL} and bool(abroad) == bool(labelled.abroad)


def question(labelled: Labelled, entities: Sequence[dict[str, Any]], intent: str) -> Question:
    """The question as careers/pay_question.py reads it from the NLU's entities; a follow-up
    labelled with no role is asked with FOLLOW_UP_ROLE in focus."""
    follow_up = labelled.role is None and labelled.asks != "rank_roles_in_place"
    return Question(
        intent=intent,
        text=labelled.text,
        roles=entity_values(entities, names.ROLE),
        places=entity_values(entities, names.PLACE),
        levels=entity_values(entities, names.SENIORITY),
        industries=entity_values(entities, names.INDUSTRY),
        employers=entity_values(entities, names.EMPLOYER),
        years=entity_values(entities, "year"),
        jobs=entity_values(entities, names.JOB),
        aspect="salary" if follow_up else None,
        role_in_focus=FOLLOW_UP_ROLE if follow_up else None,
    )


# --- the database's figures, read without careers/ -------------------------------------------


class Database:
    """knowledge_base/wages as plain CSV and YAML: the figures an answer must give."""

    def __init__(self, directory: Path = WAGES) -> None:
        release = yaml.safe_load((directory / "release.yml").read_text(encoding="utf-8"))
        self.rows: dict[tuple[str, str, str], dict[str, str]] = {}
        with (directory / release["figures"]).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                self.rows[(row["soc"], row["area"], row["industry"])] = row
        occupations = yaml.safe_load((directory / "occupations.yml").read_text(encoding="utf-8"))
        self.soc = {r["role"]: r["soc"] for r in occupations["roles"]}
        places = yaml.safe_load((directory.parent / "places.yml").read_text(encoding="utf-8"))
        self.area_by_title = {a["title"]: a["code"] for a in places["areas"]}

    def value(self, soc: str, area: str, statistic: str, industry: str = "000000") -> float | None:
        row = self.rows.get((soc, area, industry))
        cell = (row or {}).get(statistic, "").split("|")[0]
        return float(cell) if cell and cell != "-" else None


def said(value: float | None, statistic: str) -> str:
    return f"{value:,.0f}" if statistic == "employment" else f"${value:,.0f}"


def gives(text: str, value: float | None, statistic: str) -> bool:
    """The answer gives the database's figure, or says BLS published none when it has none."""
    if value is None:
        return "not published" in text or "has no figures" in text
    return said(value, statistic) in text


def figure_given(db: Database, labelled: Labelled, reply_text: str, role: str, industry: str) -> bool:
    """Whether the answer gives the labelled figure as the database has it."""
    soc = db.soc.get(role, "")
    areas = [a for a in labelled.areas if a != NATIONAL] or [NATIONAL]
    if labelled.asks in ("pay", "employment") and not labelled.abroad or labelled.asks == "compare_places":
        statistic = "employment" if labelled.asks == "employment" else STATISTIC[labelled.level]
        if labelled.asks == "compare_places":
            statistic, areas = "median", [a for a in labelled.areas] or [NATIONAL]
        if industry:
            return gives(reply_text, db.value(soc, NATIONAL, statistic, industry), statistic)
        return all(gives(reply_text, db.value(soc, area, statistic), statistic) for area in areas)
    if labelled.asks == "pay":  # a place abroad: the sentence saying so, then the US figures
        none_for = "My salary figures are for the US; I have none for" in reply_text
        return none_for and gives(reply_text, db.value(soc, NATIONAL, "median"), "median")
    # Rankings: every ranked line's figure is the database's for that area (or occupation).
    lines = [m for m in (_LINE.match(line) for line in reply_text.splitlines()) if m]
    if not lines:
        return False
    heading = reply_text.split("\n1. ")[0]
    statistic = next((stat for words, stat in RANKED_BY if words in heading), "median")
    for match in lines:
        shown = float(match.group(3).replace(",", ""))
        if labelled.asks == "rank_roles_in_place":
            area = ([a for a in labelled.areas if a != NATIONAL] or [NATIONAL])[0]
            if shown not in {db.value(s, area, "median") for s in set(db.soc.values())}:
                return False
        elif db.value(soc, db.area_by_title.get(match.group(1), ""), statistic) != shown:
            return False
    return True


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class PayPlaces:
    size: int
    naming_a_place: int
    place_resolved: float  # over every question
    place_resolved_named: float  # over the questions that name a place (in the US or abroad)
    figures_checked: int
    figure_given: float
    routed: float | None = None  # with the model: the kind of answer asked for
    industry_agreed: float = 0.0  # the industry found is the one labelled
    misses: list[str] = field(default_factory=list)
    by_asks: dict[str, tuple[int, int]] = field(default_factory=dict)  # asks → (routed, total)


def evaluate(
    kb: KnowledgeBase,
    w: Wages,
    find: Any,
    parses: Sequence[dict[str, Any]] | None = None,
    path: Path = PAY_PLACES,
) -> PayPlaces:
    """Scores the held-out set; `find` is the NLU component's entity finder (text → entities),
    `parses` the trained model's parses of the same questions, in order (None: no routing)."""
    db = Database()
    asked = questions(path)
    resolved, figures, checked, industries, with_industry = [], 0, 0, 0, 0
    misses: list[str] = []
    routed: Counter[str] = Counter()
    for i, labelled in enumerate(asked):
        entities = find(labelled.text)
        ok = place_resolved(labelled, entities)
        resolved.append(ok)
        if not ok:
            misses.append(f"place: {labelled.text!r} → {entity_values(entities, names.PLACE)}")
        found_industry = (entity_values(entities, names.INDUSTRY) or ("",))[0]
        if labelled.industry:
            with_industry += 1
            industries += found_industry == labelled.industry
        reply = pay_question.reply(kb, w, question(labelled, entities, INTENT[labelled.asks]))
        role = (entity_values(entities, names.ROLE) or (labelled.role or FOLLOW_UP_ROLE,))[0]
        checked += 1
        text = reply.answer.text if reply is not None else ""
        if figure_given(db, labelled, text, role, found_industry):
            figures += 1
        else:
            misses.append(f"figure: {labelled.text!r} → {text[:160]!r}")
        if parses is not None:
            parse = parses[i]
            kind = pay_question.ask(kb, w, question(labelled, parse["entities"], parse["intent"]["name"]))
            if kind is not None and kind.kind in KINDS[labelled.asks]:
                routed[labelled.asks] += 1
            else:
                misses.append(f"route: {labelled.text!r} ({parse['intent']['name']}) → {kind}")
    named = [ok for q, ok in zip(asked, resolved, strict=True) if q.areas or q.abroad]
    totals = Counter(q.asks for q in asked)
    return PayPlaces(
        size=len(asked),
        naming_a_place=len(named),
        place_resolved=sum(resolved) / len(asked),
        place_resolved_named=sum(named) / len(named),
        figures_checked=checked,
        figure_given=figures / checked if checked else 0.0,
        routed=sum(routed.values()) / len(asked) if parses is not None else None,
        industry_agreed=industries / with_industry if with_industry else 0.0,
        misses=misses,
        by_asks={a: (routed[a], totals[a]) for a in totals} if parses is not None else {},
    )


def report(result: PayPlaces) -> str:
    lines = [
        f"held-out pay questions by place, level and industry: {result.size} "
        f"({result.naming_a_place} name a place in the US or abroad)",
        f"place resolved: {result.place_resolved:.3f} of all; "
        f"{result.place_resolved_named:.3f} of those naming one",
        f"figure given equal to the database's: {result.figure_given:.3f} "
        f"({result.figures_checked} answers checked)",
        f"industry as labelled: {result.industry_agreed:.3f}",
    ]
    if result.routed is not None:
        lines.append(
            f"answer of the kind asked (trained model + careers/pay_question.py): {result.routed:.3f}"
        )
        lines += [f"  {asks}: {done}/{total}" for asks, (done, total) in sorted(result.by_asks.items())]
    lines += ["misses:", *(f"  {m}" for m in result.misses)]
    return "\n".join(lines) + "\n"
