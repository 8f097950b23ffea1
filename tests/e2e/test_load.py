"""A short load (5 users × 5 turns at once): no errors, and every tracker complete."""

from __future__ import annotations

from harness.load import run_stack_load
from harness.servers import Stack


def test_five_users_at_once_get_every_answer_and_complete_trackers(stack: Stack) -> None:
    report = run_stack_load(stack, users=5, turns=5)
    assert report.errors == []
    assert report.tracker_problems == []
    assert len(report.latencies) == 25
