"""The salary chart: a PNG made from the knowledge base, that follows its figures."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import yaml

from careers import chart, knowledge

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_the_chart_is_a_png_of_a_readable_size() -> None:
    data = chart.png(knowledge.load(), "salary")
    width, height = png_size(data)
    assert 800 <= width <= 1200 and 300 <= height <= 1200


def test_the_chart_changes_when_a_figure_changes(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    shutil.copytree(knowledge.PROJECT_DIR, kb_dir)
    before = chart.png(knowledge.load(kb_dir), "salary")
    file = kb_dir / "roles" / "research_scientist.yml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["sections"]["salary"]["figures"][0]["value"] = 99000
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    after = chart.png(knowledge.load(kb_dir), "salary")
    assert png_size(after)[0] == png_size(before)[0]
    assert after != before


def test_the_title_says_source_statistic_geography_and_period() -> None:
    ranking = chart.rank.rank(knowledge.load(), "salary")
    assert ranking is not None
    assert chart.title(ranking) == (
        "Median annual pay, US, May 2024 (US Bureau of Labor Statistics, Occupational Outlook Handbook)"
    )
