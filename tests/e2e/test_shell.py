"""`make chat`'s path: the Rasa shell, started by scripts/run.sh, in a terminal driven by pexpect.

A person can type a question at any time (also when the reply had buttons), pick a button by
its number, sees button titles but not payloads, leaves with /stop, and the shell opens without
third-party warnings. The transcript is left in test-artifacts/shell_transcript.txt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pexpect

from harness.pay_places import Database
from harness.servers import ENV, ROOT, free_port, stored_feedback, write_endpoints
from scripts.shell import choose

PROMPT = "Your input ->"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")


@contextmanager
def shell_in(tmp_path: Path, conversation_id: str, transcript: Path) -> Iterator[pexpect.spawn]:
    """`make chat`'s launcher in a terminal, on free ports, its conversations stored in `tmp_path`;
    it must have left with exit status 0, and what it showed is left in `transcript`."""
    env = {
        **ENV,
        "ACTIONS_PORT": str(actions_port := free_port()),
        "RASA_PORT": str(free_port()),
        "ENDPOINTS": str(write_endpoints(tmp_path, actions_port)),
        "CONVERSATION_ID": conversation_id,
        "ACTIONS_LOG": str(tmp_path / "actions.log"),  # not the checkout's: tests run side by side
        "TERM": "dumb",
    }
    shell = pexpect.spawn(
        "bash",
        ["scripts/run.sh", "chat"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=300,
        dimensions=(50, 200),
    )
    log = tmp_path / "shell.log"
    shell.logfile_read = log.open("w")
    try:
        yield shell
    finally:
        if shell.isalive():
            shell.terminate(force=True)
        shell.logfile_read.close()
        transcript.write_text(ANSI.sub("", log.read_text(encoding="utf-8")), encoding="utf-8")
    shell.close()
    assert shell.exitstatus == 0


def test_typed_questions_numbers_and_stop_in_the_shell(tmp_path: Path, artifacts: Path) -> None:
    top_statistician_pay = f"${Database().value('15-2041', '1100000', 'median'):,.0f}"
    transcript = artifacts / "shell_transcript.txt"
    with shell_in(tmp_path, "shell-smoke-test", transcript) as shell:
        shell.expect(PROMPT)
        opening = ANSI.sub("", shell.before)
        assert "Warning" not in opening, opening
        # A reply with buttons: titles numbered, no payloads.
        shell.sendline("hello")
        shell.expect(re.escape("Hi! I'm the career guide."), timeout=60)
        shell.expect(PROMPT, timeout=60)
        menu = ANSI.sub("", shell.before)
        assert "1. What roles do you know?" in menu and "4. Help me choose" in menu
        assert "/ask_role" not in menu and "/start_path" not in menu
        # A question typed at that menu is answered as typed, not taken for the first entry.
        shell.sendline("what do data scientists earn?")
        shell.expect(re.escape("Data Scientists: salary"), timeout=60)
        shell.expect(re.escape("1. All 9 salary figures"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        # A number picks that button.
        shell.sendline("1")
        shell.expect(re.escape("90th percentile of annual pay: $194,410 a year"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        # The role stays in context, and a typed follow-up works with no menu in between.
        shell.sendline("what skills do ML engineers need?")
        shell.expect(re.escape("Machine Learning Engineers: skills"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        # Issue 18: the top-paying states, then their chart, as text bars with every figure.
        shell.sendline("which state pays statisticians the most?")
        shell.expect(re.escape("States (DC and territories included) with the highest median"), timeout=60)
        shell.expect(re.escape("3. Chart"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        shell.sendline("3")
        shell.expect(re.escape("Median annual pay: top states, Statisticians (SOC 15-2041)"), timeout=60)
        shell.expect(re.escape(f"█ {top_statistician_pay}  District of Columbia"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=60)
    assert "Warning" not in transcript.read_text(encoding="utf-8")


def test_a_number_picks_a_button_and_anything_else_is_sent_as_typed() -> None:
    buttons = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    assert choose("2", buttons) == "/deny"
    assert choose(" 1 ", buttons) == "/affirm"
    assert choose("3", buttons) == "3"  # not a button: a person may mean the number
    assert choose("what do they earn?", buttons) == "what do they earn?"
    assert choose("1", []) == "1"


def test_plus_and_minus_rate_an_answer_only_when_feedback_was_asked() -> None:
    thumbs = {"+": '/feedback{"rating":"up"}', "-": '/feedback{"rating":"down"}'}
    assert choose("+", [], thumbs) == '/feedback{"rating":"up"}'
    assert choose(" - ", [], thumbs) == '/feedback{"rating":"down"}'
    assert choose("+", []) == "+"  # nothing asked: sent as typed


def test_was_this_helpful_reads_plus_or_minus_in_the_shell_and_a_plus_is_stored(
    tmp_path: Path, artifacts: Path
) -> None:
    # Issue 19: the feedback question is one line, not two more numbered entries.
    with shell_in(tmp_path, "shell-feedback-test", artifacts / "feedback_shell_transcript.txt") as shell:
        shell.expect(PROMPT)
        shell.sendline("what do data analysts earn?")
        shell.expect(re.escape("Data Analysts: salary"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        reply = ANSI.sub("", shell.before)
        assert "Was this helpful? (+ / -)" in reply and "👍" not in reply
        shell.sendline("+")
        shell.expect(re.escape("Thanks!"), timeout=60)
        shell.expect(PROMPT, timeout=60)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=60)
    assert stored_feedback(tmp_path, "shell-feedback-test") == [
        {"kind": "action_answer_role", "rating": "up", "missing": None}
    ]
