"""Runs `rasa test core` on every conversation file here, against the trained model."""

from __future__ import annotations

import subprocess
from pathlib import Path

from harness.servers import MODEL, RASA, ROOT

HERE = Path(__file__).resolve().parent


def test_every_conversation_is_predicted_without_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            str(RASA),
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            str(HERE),
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text(encoding="utf-8") if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, details
    report = (tmp_path / "story_report.json").read_text(encoding="utf-8")
    assert '"conversation_accuracy"' in report or "accuracy" in report
