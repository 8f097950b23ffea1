"""Reading the places' files into careers/places.py's Gazetteer, validated: places.yml (every BLS
area of the release), place_names.yml (the names people use: nicknames, big cities, regions)
and scope.yml (places abroad, names of the US). A name that no longer matches BLS's title, or one
name given to two areas, stops the servers with an error naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from careers import scope, spelling, wages_kb
from careers.knowledge import KnowledgeBase, _Reader, configured_dir
from careers.places import PLACE_NAMES_FILE, Gazetteer, phrase
from careers.wages_kb import Area


def _hand(
    directory: Path, areas: Mapping[str, Area]
) -> tuple[list[tuple[str, list[str], list[str]]], _Reader]:
    file = directory / PLACE_NAMES_FILE
    reader = _Reader(file, wages_kb._read_yaml(file))
    hand = []
    owner: dict[tuple[str, ...], str] = {}
    for item in reader.children("areas"):
        code = item.text("area")
        area = areas.get(code)
        if area is None:
            raise item.error("area", f"no area {code!r} in places.yml")
        if item.text("title") != area.title:
            raise item.error("title", f"BLS names area {code} {area.title!r}")
        names = list(item.texts("names", optional=True))
        exact = list(item.texts("exact", optional=True))
        if not names and not exact:
            raise item.error("names", "an area needs names or exact names")
        for name in names:
            key = phrase(name)
            if owner.setdefault(key, code) != code:
                raise item.error("names", f"{name!r} is also a name of area {owner[key]}")
        hand.append((code, names, exact))
    return hand, reader


def _regions(
    reader: _Reader, areas: Mapping[str, Area], hand: Sequence[tuple[str, Sequence[str], Sequence[str]]]
) -> list[tuple[tuple[str, ...], list[str]]]:
    """place_names.yml's regions: one name for several BLS areas ("the Bay Area")."""
    taken = {phrase(name): code for code, names, _ in hand for name in names}
    found = []
    for item in reader.children("regions", optional=True):
        codes = tuple(item.texts("areas"))
        titles = item.texts("titles")
        if len(codes) < 2 or len(titles) != len(codes):
            raise item.error("areas", "a region needs two areas or more, each with its title")
        for code, title in zip(codes, titles, strict=True):
            if code not in areas:
                raise item.error("areas", f"no area {code!r} in places.yml")
            if areas[code].title != title:
                raise item.error("titles", f"BLS names area {code} {areas[code].title!r}")
        for name in item.texts("names"):
            if phrase(name) in taken:
                raise item.error("names", f"{name!r} is also a name of area {taken[phrase(name)]}")
        found.append((codes, list(item.texts("names"))))
    return found


def load(
    directory: Path | str | None = None,
    areas: Mapping[str, Area] | None = None,
    kb: KnowledgeBase | None = None,
) -> Gazetteer:
    """places.yml, place_names.yml and scope.yml's places, validated; `kb` adds its own words
    to those never read as a typo."""
    directory = Path(directory or configured_dir())
    areas = areas if areas is not None else wages_kb.load_areas(directory)
    hand, reader = _hand(directory, areas)
    gazetteer = scope.load(directory)
    abroad = {name.lower(): name for name, kind in gazetteer.places.items() if kind in _ABROAD_KINDS}
    abroad.update({name: scope.display(name) for name in reader.texts("abroad", optional=True)})
    home = [name for name, kind in gazetteer.places.items() if kind == scope.HOME]
    known = set(reader.texts("ordinary_words", optional=True))
    if kb is not None:
        known |= spelling.vocabulary(kb)
    return Gazetteer(
        areas,
        hand,
        capitalised_only=reader.texts("capitalised_only", optional=True),
        ordinary_words=known,
        abroad=abroad,
        home=home,
        regions=_regions(reader, areas, hand),
    )


_ABROAD_KINDS = (scope.FOREIGN, scope.REGION)
