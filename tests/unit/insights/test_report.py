"""`python -m scripts.report` on small stores (SQLite and PostgreSQL): one self-contained page,
within the period, with no sender id, no contact details, and no deleted conversation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from careers.lifecycle import DELETE_CONVERSATION_ACTION
from harness import events as ev
from scripts import report
from tests.unit.insights.conftest import Writer

DAY = 86400.0
T = 1_764_547_200.0  # 2025-12-01 00:00 UTC
SENDERS = ["+14155550100", "U024BE7LH", "7f3c9a1e-widget-session"]


def make_report(endpoints: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *period: str) -> str:
    assert report.main(["--endpoints", str(endpoints), "--out", str(tmp_path), *period]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.parent == tmp_path.resolve() and printed.suffix == ".html"
    return printed.read_text(encoding="utf-8")


@pytest.fixture()
def page(url: Any, write: Writer, endpoints: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    write(
        [
            (SENDERS[0], [ev.user("can you email me at ann@example.com", "out_of_scope", T + 60)]),
            (
                SENDERS[1],
                [
                    ev.user(
                        "asdf qwerty see www.spam.example.com",
                        "nlu_fallback",
                        T + 120,
                        confidence=0.2,
                        channel="slack",
                    )
                ],
            ),
            (
                SENDERS[2],
                [
                    ev.user("I am Ann Lee, call 020 7946 0958", "greet", T + 180, channel="socketio"),
                    ev.action(DELETE_CONVERSATION_ACTION, T + 181),
                    ev.restart(T + 181),
                ],
            ),
            ("too-old", [ev.user("a question from long ago", "out_of_scope", T - 40 * DAY)]),
        ]
    )
    return make_report(endpoints, tmp_path, capsys, "--since", "2025-11-15", "--until", "2025-12-01")


def test_the_page_shows_what_could_not_be_answered_masked(page: str) -> None:
    assert "can you email me at [email]" in page
    assert "asdf qwerty see [url]" in page
    assert "ann@example.com" not in page and "spam.example" not in page


def test_no_sender_id_no_deleted_conversation_nothing_outside_the_period(page: str) -> None:
    for sender in SENDERS:
        assert sender not in page
    assert "Ann Lee" not in page and "7946" not in page
    assert "long ago" not in page
    assert "2 conversations and 2 messages" in page


def test_the_page_is_self_contained_and_structured_for_assistive_technology(page: str) -> None:
    assert page.startswith('<!DOCTYPE html><html lang="en">') and "<title>" in page
    assert not re.search(r"(src|href)=\"(?!data:)", page)  # nothing fetched from elsewhere
    images = re.findall(r"<img [^>]*>", page)
    assert images and all(re.search(r'alt="[^"]{20,}"', i) for i in images)
    assert page.count("<table>") == page.count("<caption>")
    headings = [int(h) for h in re.findall(r"<h([1-6])", page)]
    assert headings[0] == 1 and all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False))


def test_the_default_period_is_the_last_thirty_days(
    url: Any, write: Writer, endpoints: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    now = time.time()
    write([("a", [ev.user("recent thing nobody answers", "out_of_scope", now - 29 * DAY)])])
    write([("b", [ev.user("older thing nobody answers", "out_of_scope", now - 31 * DAY)])])
    page = make_report(endpoints, tmp_path, capsys)
    assert "recent thing nobody answers" in page and "older thing" not in page


def test_a_period_that_ends_before_it_starts_is_refused(endpoints: Path, tmp_path: Path) -> None:
    assert (
        report.main(
            [
                "--endpoints",
                str(endpoints),
                "--out",
                str(tmp_path),
                "--since",
                "2025-12-02",
                "--until",
                "2025-12-01",
            ]
        )
        == 2
    )


def test_a_store_with_nothing_yet_is_said_so_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'none.db'}\n")
    assert (
        report.main(["--endpoints", str(endpoints), "--out", str(tmp_path / "reports")]) == 0
    )  # no error on a fresh install
    assert "No conversations are stored yet" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "reports").exists()
