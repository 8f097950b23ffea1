"""Where a question asks about: text → a BLS area of the OEWS release, or a place outside the US.

The place entity value is `area:<BLS area code>` for a BLS area (the nation included:
`area:0000000`) and the plain display name for a place outside the US ("Brazil"): the answer
then keeps scope.py's sentence, "my figures are for the US".

Names come from three files, read by careers/places_kb.py: places.yml (generated: every area's
title, each state's name and postal code, the cities in a metro area's title), place_names.yml
(hand-written: short names, nicknames, the big cities of each metro area, the regions BLS splits
into several areas) and scope.yml (places abroad, names of the US).
A message is read longest name first, left to right; then
- a city followed by its state ("Portland, ME", "rome ga") is that state's area;
- a name several metro areas share ("Springfield") is ambiguous: its areas are the candidates;
- a region BLS splits ("the Bay Area") is each of its areas, all meant at once;
- a city followed by its state spelt out ("Aurora, Illinois") is as with the postal code; a city
  followed by a place abroad ("Cambridge, UK") is that place abroad;
- a name of several words typed as one ("sanfrancisco") is that name;
- a postal code counts when it cannot be an ordinary word: "TX" anywhere, "tx" after "in",
  "IN"/"OR"/"ME"/"OK" only in capitals after "in", "vs", "from"... ("pay in IN"); in a message
  written all in capitals, every code needs such a word before it ("TELL ME" is not Maine);
- parts of metro titles that are ordinary words ("Mobile", "Reading") need a capital letter;
- typos are read as spelling.py reads them (words of five letters or more, one or two edits,
  first letter kept), never from a word spelt right.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from careers import scope, spelling, wages_kb
from careers.knowledge import configured_dir
from careers.wages_kb import NATIONAL, Area

PLACE_NAMES_FILE = "place_names.yml"
AREA_PREFIX = "area:"
NATIONAL_VALUE = AREA_PREFIX + NATIONAL
AMBIGUOUS_PREFIX = "one of:"
JOINED_MIN = 8  # letters of a name typed as one word ("sanfrancisco") read as that name

# Postal codes that are also English words or common abbreviations: only in capitals, after a
# word that introduces a place ("in IN", "vs OR").
_AMBIGUOUS = "IN OR ME HI OK DE PA LA ID OH AL MS MO MA CO AR PR VI GU NE MI SD ND CT MD AS MP"
AMBIGUOUS_CODES = frozenset(_AMBIGUOUS.split())
# Words after which a short code is a place: "pay in TX", "TX vs CA", "moving to WA".
_BEFORE = "in at from to for near around across vs versus than between within outside inside into"
BEFORE_PLACE = frozenset(_BEFORE.split())
AFTER_PLACE = frozenset({"vs", "versus"})
AND_OR = frozenset({"and", "or", "&"})
MIN_TYPO = spelling.MIN_FUZZY_LENGTH  # letters of a typed word read as a typo
# How a place was read, from the most to the least certain.
NAME, NICKNAME, CITY, POSTAL, TYPO, ABROAD = "name", "nickname", "city", "postal", "typo", "abroad"
_TOKEN = re.compile(r"[A-Za-z0-9&]+(?:['’.][A-Za-z0-9&]+)*\.?")
_SPLIT_TITLE = re.compile(r"--|-|/")
# Ranks of the names of one phrase: a hand-written name wins over an area's title, which wins
# over a place abroad, which wins over a city in a metro title ("Rome" is Italy's unless "Rome, GA").
_HAND, _TITLE, _ABROAD, _PART = 0, 1, 2, 3


@dataclass(frozen=True)
class Place:
    value: str  # "area:0041860"; "Brazil" abroad; "" when ambiguous
    name: str  # the area as BLS names it, the place abroad as written, or the words typed
    start: int  # character span in the message
    end: int
    how: str
    candidates: tuple[str, ...] = ()  # area codes of an ambiguous name
    region: str = ""  # a name BLS splits into several areas, as typed ("the Bay Area")

    @property
    def area(self) -> str | None:
        return self.value[len(AREA_PREFIX) :] if self.value.startswith(AREA_PREFIX) else None

    @property
    def abroad(self) -> bool:
        return self.how == ABROAD

    @property
    def ambiguous(self) -> bool:
        return not self.value and bool(self.candidates)

    @property
    def entity_value(self) -> str:
        """The `place` entity value: `area:<code>`, the place abroad, or, for a name several
        areas share, AMBIGUOUS_PREFIX and their codes ("one of:0044100+0044180")."""
        return self.value or AMBIGUOUS_PREFIX + "+".join(self.candidates)


@dataclass(frozen=True)
class _Name:
    areas: tuple[str, ...]  # one area, or several when the name is ambiguous; () abroad
    rank: int
    how: str
    capital: bool = False  # needs a capital letter, not at a sentence's start
    abroad: str = ""  # display name of a place outside the US
    region: bool = False  # one name for several areas, all meant at once ("the Bay Area")


@dataclass(frozen=True)
class _Token:
    raw: str  # as typed, without dots: "D.C." → "DC"
    low: str
    start: int
    end: int
    first: bool  # starts a sentence


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text):
        raw = match.group().replace("’", "'").replace(".", "")
        before = text[: match.start()].rstrip()
        found.append(
            _Token(raw, raw.lower(), match.start(), match.end(), not before or before[-1] in ".!?\n")
        )
    return found


def phrase(text: str) -> tuple[str, ...]:
    """A name as the matcher compares it: lower-case words without dots or hyphens."""
    return tuple(t.low for t in _tokens(text))


def title_parts(title: str) -> list[str]:
    """The places in a metro area's title: "Scranton--Wilkes-Barre, PA" → Scranton, Wilkes-Barre."""
    name = title.rsplit(", ", 1)[0]
    separator = "--" if "--" in name else None
    parts = name.split(separator) if separator else _SPLIT_TITLE.split(name)
    return [p.strip() for p in parts if p.strip()]


class Gazetteer:
    """Every name of every area, read once; `find` reads a message."""

    def __init__(
        self,
        areas: Mapping[str, Area],
        hand: Sequence[tuple[str, Sequence[str], Sequence[str]]],
        capitalised_only: Iterable[str] = (),
        ordinary_words: Iterable[str] = (),
        abroad: Mapping[str, str] = {},  # noqa: B006 (read only)
        home: Iterable[str] = (),
        regions: Sequence[tuple[Sequence[str], Sequence[str]]] = (),
    ) -> None:
        self.areas = areas
        self.names: dict[tuple[str, ...], list[_Name]] = {}
        self.cased: dict[tuple[str, ...], str] = {}
        capital = {phrase(n) for n in capitalised_only}
        for code, names, exact in hand:
            for name in names:
                self._add(phrase(name), _Name((code,), _HAND, NICKNAME))
            for name in exact:
                self.cased[tuple(t.raw for t in _tokens(name))] = code
        for codes, names in regions:
            for name in names:
                self._add(phrase(name), _Name(tuple(codes), _HAND, NICKNAME, region=True))
        parts: dict[tuple[str, ...], list[str]] = {}
        for code, area in areas.items():
            if area.type != "metro":
                self._add(phrase(area.title), _Name((code,), _TITLE, NAME))
                continue
            # "San Francisco-Oakland-Fremont" is a title; "Rome" of "Rome, GA" is a city like any
            # other (Italy's Rome comes first). The state after a city is read by _state_after.
            cities = title_parts(area.title)
            if len(cities) > 1:
                self._add(phrase(area.title.rsplit(", ", 1)[0]), _Name((code,), _TITLE, NAME))
            for city in cities:
                parts.setdefault(phrase(city), []).append(code)
        for key, codes in parts.items():
            self._add(key, _Name(tuple(dict.fromkeys(codes)), _PART, CITY, capital=key in capital))
        for name, display in abroad.items():
            self._add(phrase(name), _Name((), _ABROAD, ABROAD, abroad=display))
        for name in home:
            if name.lower() == "us" or name.lower() == "u.s.":
                self.cased[("US",)] = NATIONAL
            elif name.lower() != "the states":  # "the states with most jobs" is not the US
                self._add(phrase(name), _Name((NATIONAL,), _TITLE, NAME))
        self._add_joined()
        for entries in self.names.values():
            entries.sort(key=lambda n: n.rank)
        self.longest = max(len(k) for k in [*self.names, *self.cased])
        self.postal: dict[str, str] = {
            area.states[0]: code for code, area in areas.items() if area.type == "state"
        }
        self.state_names = {phrase(areas[code].title): state for state, code in self.postal.items()}
        self.fuzzy = spelling.FuzzyMatcher(
            self._fuzzy_targets(hand, capital),
            blockers=[n for n in abroad],
            known_words={*ordinary_words, *(w for key in self.names for w in key)},
        )

    def _add(self, key: tuple[str, ...], name: _Name) -> None:
        if key:
            self.names.setdefault(key, []).append(name)

    def _add_joined(self) -> None:
        """A name of several words typed as one ("sanfrancisco", "newjersey"): the same area,
        when the joined word is long enough not to be an ordinary word."""
        for key, names in list(self.names.items()):
            joined = ("".join(key),)
            best = min(names, key=lambda n: n.rank)
            if (
                len(key) > 1
                and len(joined[0]) >= JOINED_MIN
                and joined not in self.names
                and best.rank < _ABROAD
            ):
                self.names[joined] = [n for n in names if n.rank == best.rank]

    def _fuzzy_targets(
        self, hand: Sequence[tuple[str, Sequence[str], Sequence[str]]], capital: set[tuple[str, ...]]
    ) -> list[tuple[str, str, str]]:
        """State names, hand-written names and each metro area's first city: the names people
        type, and so mistype."""
        targets = [("place", code, name) for code, names, _ in hand for name in names]
        for code, area in self.areas.items():
            if area.type == "state":
                targets.append(("place", code, area.title))
            elif area.type == "metro":
                first = title_parts(area.title)[0]
                only = self.names.get(phrase(first), [])
                if phrase(first) not in capital and len({a for n in only for a in n.areas}) == 1:
                    targets.append(("place", code, first))
        return [(e, v, " ".join(phrase(p))) for e, v, p in targets]

    # --- reading a message -------------------------------------------------------------------

    def find(self, text: str) -> list[Place]:
        """Every place the message names, in the order written."""
        tokens = _tokens(text)
        letters = [c for c in text if c.isalpha()]
        shouting = len(letters) >= 6 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
        taken: set[int] = set()
        found: list[Place] = []
        for length in range(min(self.longest, len(tokens)), 0, -1):
            for i in range(len(tokens) - length + 1):
                if not taken.isdisjoint(range(i, i + length)):
                    continue
                found += self._named(text, tokens, i, length, taken, shouting)
        for i in range(len(tokens)):
            if i not in taken:
                place = self._postal(tokens, i, taken, shouting)
                if place is not None:
                    found.append(place)
        lowered = [t.low for t in tokens]
        for _, code, start, end in self.fuzzy.find(lowered, taken):
            # A typo is of a word of five letters or more: "mine" is never "Maine".
            if any(len(w) < MIN_TYPO and w not in self.fuzzy.known for w in lowered[start:end]):
                continue
            taken.update(range(start, end))
            found.append(self._place(code, tokens[start].start, tokens[end - 1].end, TYPO))
        return sorted(found, key=lambda p: p.start)

    def resolve(self, span: str) -> Place | None:
        """The place a text span (an entity's text or value) names: the first one in it."""
        if span.startswith(AREA_PREFIX):
            code = span[len(AREA_PREFIX) :]
            return self._place(code, 0, len(span), NAME) if code in self.areas else None
        found = self.find(span)
        return found[0] if found else None

    def _place(self, code: str, start: int, end: int, how: str) -> Place:
        return Place(AREA_PREFIX + code, self.areas[code].title, start, end, how)

    def _named(
        self, text: str, tokens: list[_Token], i: int, length: int, taken: set[int], shouting: bool
    ) -> list[Place]:
        span = tokens[i : i + length]
        raw = tuple(t.raw for t in span)
        if raw in self.cased and not shouting:
            taken.update(range(i, i + length))
            return [self._place(self.cased[raw], span[0].start, span[-1].end, NICKNAME)]
        key = tuple(t.low for t in span)
        names = self.names.get(key)
        if not names:
            return []
        state, state_length = self._state_after(text, tokens, i + length, taken)
        if state:
            in_state = [(n, a) for n in names for a in n.areas if state in self.areas[a].states]
            # "Aurora, Illinois" is the hand-written "aurora il", not Denver's Aurora.
            with_code = [(n, a) for n in self.names.get((*key, state.lower()), []) for a in n.areas]
            if in_state or with_code:
                name, code = (in_state or with_code)[0]
                taken.update(range(i, i + length + state_length))
                end = tokens[i + length + state_length - 1].end
                return [self._place(code, span[0].start, end, name.how)]
        # "I work in Mobile", or "Mobile" alone (an answer to "which place?"); not "Mobile apps".
        written = span[0].raw[:1].isupper() and (not span[0].first or len(tokens) == length)
        usable = [n for n in names if not n.capital or written]
        if not usable:
            return []
        best = usable[0]
        start, end = span[0].start, span[-1].end
        abroad, abroad_length = (
            ("", 0) if best.rank == _ABROAD else self._abroad_after(text, tokens, i + length, taken)
        )
        if abroad:  # "Cambridge, UK", "Birmingham, England": the place abroad
            taken.update(range(i, i + length + abroad_length))
            end = tokens[i + length + abroad_length - 1].end
            said = f"{scope.display(text[start : span[-1].end])}, {abroad}"
            return [Place(said, said, start, end, ABROAD)]
        taken.update(range(i, i + length))
        if best.rank == _ABROAD:
            return [Place(best.abroad, best.abroad, start, end, ABROAD)]
        if best.region:  # "the Bay Area": every area of it
            return [replace(self._place(c, start, end, best.how), region=text[start:end]) for c in best.areas]
        # Every area the best-ranked names give: "Springfield" is five metro areas.
        codes = tuple(dict.fromkeys(a for n in usable if n.rank == best.rank for a in n.areas))
        if len(codes) > 1:
            return [Place("", text[start:end], start, end, best.how, candidates=codes)]
        return [self._place(codes[0], start, end, best.how)]

    def _abroad_after(self, text: str, tokens: list[_Token], j: int, taken: set[int]) -> tuple[str, int]:
        """A place abroad written right after a name ("Cambridge UK", "London, Ontario"): how
        it is said and how many tokens it takes; ("", 0) when there is none."""
        if j >= len(tokens) or j in taken or text[tokens[j - 1].end : tokens[j].start].strip(" ,") != "":
            return "", 0
        for length in range(min(3, len(tokens) - j), 0, -1):
            key = tuple(t.low for t in tokens[j : j + length])
            found = [n for n in self.names.get(key, []) if n.rank == _ABROAD]
            if found and taken.isdisjoint(range(j, j + length)):
                return found[0].abroad, length
        return "", 0

    def _state_after(self, text: str, tokens: list[_Token], j: int, taken: set[int]) -> tuple[str, int]:
        """The state written right after a city ("Portland, ME", "Portland Oregon"): its postal
        code and how many tokens it takes; ("", 0) when there is none."""
        if j >= len(tokens) or j in taken or text[tokens[j - 1].end : tokens[j].start].strip(" ,") != "":
            return "", 0
        for length in (2, 1):
            key = tuple(t.low for t in tokens[j : j + length])
            if len(key) == length and key in self.state_names and taken.isdisjoint(range(j, j + length)):
                return self.state_names[key], length
        token, code = tokens[j], tokens[j].raw.upper()
        comma = "," in text[tokens[j - 1].end : token.start]
        # "Columbus in Ohio" is not Columbus, IN: a lower-case code that is a word needs a comma
        plain = token.raw.isupper() or code not in AMBIGUOUS_CODES or comma
        return (code, 1) if len(token.raw) == 2 and code in self.postal and plain else ("", 0)

    def _postal(self, tokens: list[_Token], i: int, taken: set[int], shouting: bool) -> Place | None:
        token = tokens[i]
        code = token.raw.upper()
        if len(token.raw) != 2 or code not in self.postal:
            return None
        before = tokens[i - 1].low if i > 0 else ""
        after = tokens[i + 1].low if i + 1 < len(tokens) else ""
        listed = before in AND_OR and i >= 2 and (i - 2) in taken  # "TX and CA"
        context = before in BEFORE_PLACE or after in AFTER_PLACE or listed
        if token.raw.isupper():
            ok = context if (shouting or code in AMBIGUOUS_CODES) else True
        else:
            ok = context and not shouting and code not in AMBIGUOUS_CODES and token.raw.islower()
        if not ok:
            return None
        taken.add(i)
        return self._place(self.postal[code], token.start, token.end, POSTAL)

    def name_of(self, value: str) -> str:
        """How an entity value is said: the area as BLS names it, or the place abroad."""
        code = value[len(AREA_PREFIX) :] if value.startswith(AREA_PREFIX) else None
        if code is not None and code in self.areas:
            return self.areas[code].title
        return value


@functools.cache
def default() -> Gazetteer:
    """The project's places, read once per process."""
    from careers import knowledge, places_kb  # places_kb builds a Gazetteer: it imports this module

    return places_kb.load(configured_dir(), wages_kb.default().areas, knowledge.default())


def find(text: str, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Every place a message names ("Texas vs California" → two)."""
    return (gazetteer or default()).find(text)


def resolve(span: str, gazetteer: Gazetteer | None = None) -> Place | None:
    return (gazetteer or default()).resolve(span)


def national(place: Place | None) -> bool:
    return place is not None and place.value == NATIONAL_VALUE
