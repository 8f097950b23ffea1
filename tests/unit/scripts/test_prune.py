"""careers/lifecycle.py and `make prune` (python -m scripts.prune) on a SQLite file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.tracker_store import AppendingSQLTrackerStore
from careers.lifecycle import idle_cutoff
from harness.servers import stored_feedback

ROOT = Path(__file__).resolve().parents[3]


def test_the_cutoff_is_days_before_now_and_days_must_be_positive() -> None:
    assert idle_cutoff(90, now=100 * 86400.0) == 10 * 86400.0
    for days in (0, -1, float("nan")):
        with pytest.raises(ValueError, match="DAYS"):
            idle_cutoff(days)


async def test_make_prune_deletes_the_idle_conversations_and_says_how_many(tmp_path: Path) -> None:
    db = tmp_path / "conversations.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n  type: addons.stores.tracker_store.AppendingSQLTrackerStore\n"
        f"  dialect: sqlite\n  db: {db}\n"
    )
    store = AppendingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(db))
    day = 86400
    for sender, age in (("gone", 100 * day), ("also-gone", 91 * day), ("kept", 10 * day)):
        events = [
            ActionExecuted("action_listen", timestamp=time.time() - age),
            UserUttered("hi", timestamp=time.time() - age),
            # A 👍 (issue 19) is an event of the conversation: pruned with it.
            SlotSet(
                "feedback", {"kind": "action_answer_role", "rating": "up", "missing": None}, time.time() - age
            ),
        ]
        await store.save(DialogueStateTracker.from_events(sender, events, []))

    def prune(days: str) -> subprocess.CompletedProcess:
        command = [
            sys.executable,
            "-m",
            "scripts.prune",
            "prune",
            "--days",
            days,
            "--endpoints",
            str(endpoints),
        ]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)

    done = prune("90")
    assert done.returncode == 0 and "Deleted 2 conversations idle for more than 90 days." in done.stdout
    assert set(await store.keys()) == {"kept"}
    assert len(stored_feedback(tmp_path, "%")) == 1 and stored_feedback(tmp_path, "%gone") == []
    refused = prune("0")
    assert refused.returncode == 2 and "DAYS must be a positive number" in refused.stderr
