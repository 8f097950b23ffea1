"""What the figures cover, and the plain sentence that comes first when a question asks beyond it.

Every figure carries a geography and a period, and covers one whole occupation: every level of
experience and every employer together. A question about Brazil, senior titles, big tech or
2040 is not answered by those figures, so the answer starts by saying so, then gives the
figures as what they are. The words that reveal such a question live in
knowledge_base/scope.yml (the gazetteer); the NLU finds them and this module reads them.

Places in the US are read by careers/places.py (`area:<BLS code>` values) and pay there is
answered from the BLS OEWS figures (careers/pay.py). The sentence here ("my outlook figures are
US-wide; none for Texas on its own") is for the answers whose figures are national only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from careers.knowledge import Figure, KnowledgeBase, _read_yaml, _Reader, configured_dir

# Entity names the NLU gives these words (domain.yml declares them).
PLACE, SENIORITY, EMPLOYER, YEAR = "place", "seniority", "employer", "year"
SCOPE_ENTITIES = (PLACE, SENIORITY, EMPLOYER, YEAR)

# Kinds of place: as listed in scope.yml, and a place inside the US (an `area:` value).
HOME, FOREIGN, REGION, IN_HOME = "home", "foreign", "region", "in_home"
_PLACE_LISTS = {"countries": FOREIGN, "cities": FOREIGN, "regions": REGION}
AREA_PREFIX = "area:"  # careers/places.py's entity value of a BLS area
NATIONAL_AREA = AREA_PREFIX + "0000000"
WORLDWIDE = "worldwide"
_WORLDWIDE_WORDS = {"worldwide", "globally", "international", "abroad", "overseas"}
YEAR_PATTERN = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")


def display(name: str) -> str:
    """How a gazetteer name is written in an answer: "Brazil", "New York", "UK", "Google"."""
    if any(c.isupper() for c in name):
        return name
    if len(name) <= 3:  # uk, uae, nyc
        return name.upper()
    return " ".join(w if w in ("of", "the", "and") else w.capitalize() for w in name.split())


@dataclass(frozen=True)
class Gazetteer:
    home_geography: str
    places: Mapping[str, str]  # display name → kind of place
    seniority: tuple[str, ...]
    employers: tuple[str, ...]

    def phrases(self) -> dict[str, Iterable[str]]:
        """Entity name → the words the NLU tags with it (matched case-insensitively); places
        are careers/places.py's."""
        return {SENIORITY: self.seniority, EMPLOYER: self.employers}


def load(directory: Path | str | None = None) -> Gazetteer:
    """scope.yml, validated: a name listed as two kinds of place is an error naming it."""
    file = Path(directory or configured_dir()) / "scope.yml"
    reader = _Reader(file, _read_yaml(file))
    home = reader.child("home")
    places = {display(name): HOME for name in home.texts("names")}
    for key, kind in _PLACE_LISTS.items():
        for name in reader.texts(key):
            if places.setdefault(display(name), kind) != kind:
                raise reader.error(key, f"{name!r} is listed twice, as different kinds of place")
    return Gazetteer(
        home_geography=home.text("geography"),
        places=places,
        seniority=reader.texts("seniority"),
        employers=reader.texts("employers"),
    )


@functools.cache
def default() -> Gazetteer:
    return load(configured_dir())


def _period_years(period: str) -> set[int]:
    found = [int(y) for y in re.findall(r"\d{4}", period)]
    if len(found) >= 2:
        return set(range(min(found), max(found) + 1))
    return set(found)


def _figures(kb: KnowledgeBase, role_ids: Sequence[str], aspect_id: str) -> list[Figure]:
    return [f for r in role_ids for f in kb.roles[r].section(aspect_id).figures]


def _place_phrase(geography: str) -> str:
    return "the world as a whole" if geography == WORLDWIDE else f"the {geography}"


def caveats(
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    role_ids: Sequence[str],
    aspect_id: str,
    mentions: Mapping[str, Sequence[str]],
    area_names: Mapping[str, str] | None = None,
) -> list[str]:
    """Sentences saying what the figures of `aspect_id` for `role_ids` do not cover, among the
    places, seniority, employers and years in `mentions` (entity name → values). Empty when the
    question stays inside what the figures are, or when the aspect has no figures. A place in
    the US is an `area:` value, said by its name in `area_names` (value → the area as BLS
    names it)."""
    figures = _figures(kb, role_ids, aspect_id)
    if not figures:
        return []
    noun = kb.aspects[aspect_id].title.lower()
    geographies = sorted(
        {f.geography for f in figures if f.geography != "not stated"},
        key=lambda g: g != gazetteer.home_geography,
    )
    where = " and ".join(_place_phrase(g) for g in geographies) or "no stated place"
    said: list[str] = []
    for value in dict.fromkeys(mentions.get(PLACE, ())):
        name, kind = value, gazetteer.places.get(value)
        if value.startswith(AREA_PREFIX):
            name = (area_names or {}).get(value, "")
            kind = HOME if value == NATIONAL_AREA or not name else IN_HOME
        if kind is None or kind == HOME:
            continue
        if name.lower() in _WORLDWIDE_WORDS:
            if WORLDWIDE not in geographies:
                said.append(f"My {noun} figures are for {where} only; I have none for the world as a whole.")
            continue
        if kind == IN_HOME:
            said.append(
                f"My {noun} figures are {gazetteer.home_geography}-wide; I have none for {name} on its own."
            )
        else:
            said.append(f"My {noun} figures are for {where}; I have none for {name}.")
    seniority = list(dict.fromkeys(mentions.get(SENIORITY, ())))
    if seniority:
        said.append(
            f"My {noun} figures cover every level of experience together; I have none for "
            f"{seniority[0]} roles in particular."
        )
    employers = list(dict.fromkeys(mentions.get(EMPLOYER, ())))
    if employers:
        said.append(
            f"My {noun} figures are for the whole occupation across all employers; I have none for "
            f"{employers[0]} in particular."
        )
    covered = set().union(*(_period_years(f.period) for f in figures))
    for year in dict.fromkeys(mentions.get(YEAR, ())):
        if int(year) in covered:
            continue
        latest = max(covered) if covered else None
        if latest is not None and int(year) > latest:
            said.append(f"My {noun} figures run to {latest} at the latest; I have none for {year}.")
        else:
            said.append(f"I have no {noun} figures for {year}.")
    return said
