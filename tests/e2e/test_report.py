"""`make report` end to end: conversations held through the REST channel of the real servers,
the report made from their SQLite store, then opened in Chromium as a maintainer would open it
(screenshot in test-artifacts/report.png) and checked by axe-core."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from harness.servers import BIN, ENV, ROOT, Stack, running_stack

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
ARTIFACTS = ROOT / "test-artifacts"
NOT_UNDERSTOOD = "zorblat quix frumple, mail me at ann.lee@example.com"
DELETED = "I am Bob Stone and I want to become a data engineer"
SENDERS = {"lost": "e2e-lost-5f1c", "path": "e2e-path-93ab", "deleted": "e2e-deleted-77d0"}


def walk_the_path(stack: Stack, sender: str) -> str:
    """Answers every question with its first option; returns the recommendation's text."""
    replies = stack.say(sender, "help me choose")
    for _ in range(10):
        answers = [
            b["payload"]
            for r in replies
            for b in r.get("buttons") or []
            if b["payload"].startswith("/answer_path")
        ]
        if not answers:
            break
        replies = stack.say(sender, answers[0])
    return "\n".join(r.get("text", "") for r in replies)


def run(script: str, workdir: Path, out: str) -> str:
    """`python -m scripts.<script>` on the store the servers used; what it printed."""
    made = subprocess.run(
        [str(BIN / "python"), "-m", f"scripts.{script}", "--endpoints", str(workdir / "endpoints.yml")]
        + ["--out", str(workdir / out)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return made.stdout.strip()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder of the servers' endpoints file and SQLite store, after these conversations."""
    workdir = tmp_path_factory.mktemp("report")
    with running_stack(workdir) as stack:
        stack.say(SENDERS["lost"], "hello")
        stack.say(SENDERS["lost"], NOT_UNDERSTOOD)
        recommendation = walk_the_path(stack, SENDERS["path"])
        assert "Question" not in recommendation and recommendation  # the path reached its end
        stack.say(SENDERS["path"], "what would I need to learn?")
        stack.say(SENDERS["deleted"], DELETED)
        stack.say(SENDERS["deleted"], "delete my conversation")
        assert stack.text(SENDERS["deleted"], "/confirm_delete_conversation").startswith("Done")
    yield workdir


@pytest.fixture(scope="module")
def report(store: Path) -> Path:
    return Path(run("report", store, "reports"))


@pytest.fixture(scope="module")
def page(report: Path) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_page(viewport={"width": 1100, "height": 900})
        opened.goto(report.as_uri())
        ARTIFACTS.mkdir(exist_ok=True)
        opened.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        yield opened
        browser.close()


def row(page: Page, caption: str, first_cell: str) -> list[str]:
    """The cells of the row that starts with `first_cell` in the table captioned `caption`."""
    table = page.locator("table", has=page.locator("caption", has_text=caption))
    return (
        table.locator("tr", has=page.locator(f'th:text-is("{first_cell}")'))
        .locator("th, td")
        .all_inner_texts()
    )


def test_what_was_not_understood_is_shown_masked(page: Page) -> None:
    shown = page.inner_text("body")
    assert "zorblat quix frumple, mail me at [email]" in shown
    assert "ann.lee@example.com" not in page.content()


def test_the_guided_path_shows_a_started_path_its_result_and_what_came_next(page: Page) -> None:
    assert row(page, "Paths reaching each step", "started")[1] == "1"
    assert row(page, "Paths reaching each step", "question 1 (enjoy)")[1] == "1"  # named by path.yml
    assert row(page, "Paths reaching each step", "result")[1:] == ["1", "100.0%"]
    assert row(page, "What people did next", "asked the gap")[1] == "1"
    recommended = page.locator("table", has=page.locator("caption", has_text="Roles recommended"))
    assert "_" not in recommended.inner_text()  # roles by their names, not their ids


def test_traffic_counts_the_rest_conversations_and_never_a_sender_id_or_a_deleted_one(page: Page) -> None:
    assert row(page, "Per channel", "REST")[1] == "2"  # the deleted conversation is not there
    content = page.content()
    assert all(sender not in content for sender in SENDERS.values())
    assert "Bob Stone" not in content


def test_axe_finds_no_accessibility_violation_in_the_report(page: Page) -> None:
    page.add_script_tag(path=str(ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    assert found == [], [(v["id"], v["help"], len(v["nodes"])) for v in found]


def test_review_writes_what_was_not_understood_as_nlu_data_with_the_guess(store: Path) -> None:
    from rasa.shared.nlu.training_data.loading import load_data

    printed = run("review", store, "reviews")
    path = Path(printed.split(": ", 1)[1])
    examples = [m.get("text") for m in load_data(str(path)).intent_examples]
    assert examples == ["zorblat quix frumple, mail me at [email]"]
    assert re.search(r"^# guessed \w+ [01]\.\d\d\n- intent: \w+$", path.read_text(), re.MULTILINE)
    assert run("review", store, "reviews").startswith("0 messages to label")  # all reviewed already
