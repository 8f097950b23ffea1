"""scripts/adopt.py's parts that need no model: what a person sees for a file it cannot use, and
that a refused adoption puts data/nlu/adopted.yml back exactly, its time included (else `make
model` would retrain for nothing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from insights.adopt import ADOPTED
from scripts import adopt


def test_a_missing_file_is_said_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert adopt.main([str(tmp_path / "reviews" / "nope.yml"), "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"Not adopted: cannot read {tmp_path / 'reviews' / 'nope.yml'}: No such file or directory" in err
    assert "Traceback" not in err


def test_a_broken_file_is_refused_by_line_before_anything_is_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = tmp_path / "review.yml"
    review.write_text('version: "3.1"\nnlu:\n- intent: greet\n  examples: [\n', encoding="utf-8")
    assert adopt.main([str(review), "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"Not adopted: 1 problem(s) in {review}:\n  line 5: this is not valid YAML" in err


def test_a_refusal_restores_adopted_yml_with_its_time(tmp_path: Path) -> None:
    path = tmp_path / ADOPTED
    path.parent.mkdir(parents=True)
    path.write_text("as it was\n", encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 2_000_000_000))
    saved = adopt.Saved.of(path)
    path.write_text("as it was\nand more\n", encoding="utf-8")
    saved.restore(path)
    assert path.read_text(encoding="utf-8") == "as it was\n"
    assert path.stat().st_mtime_ns == 2_000_000_000


def test_a_refusal_removes_adopted_yml_when_there_was_none(tmp_path: Path) -> None:
    path = tmp_path / ADOPTED
    saved = adopt.Saved.of(path)
    path.parent.mkdir(parents=True)
    path.write_text("new\n", encoding="utf-8")
    saved.restore(path)
    assert not path.exists()
