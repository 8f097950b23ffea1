"""The action server down or too slow: an apology within the time-out, then recovery by itself."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import RASA, Stack, running_stack, start, stop, wait_for

TIMEOUT = 3  # seconds, ACTION_TIMEOUT_SECONDS for this stack
APOLOGY = "Sorry, I can't answer that right now: part of me is not responding."


@pytest.fixture(scope="module")
def fragile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(
        tmp_path_factory.mktemp("fragile"), env={"ACTION_TIMEOUT_SECONDS": str(TIMEOUT)}
    ) as stack:
        yield stack


def action_port(stack: Stack) -> int:
    endpoints = (stack.workdir / "endpoints.yml").read_text(encoding="utf-8")
    return int(endpoints.split("127.0.0.1:", 1)[1].split("/", 1)[0])


def restart_action_server(stack: Stack) -> None:
    port = action_port(stack)
    log = stack.workdir / f"actions-{uuid.uuid4().hex[:4]}.log"
    process = start([str(RASA), "run", "actions", "--port", str(port), "--actions", "actions"], log)
    stack.processes[0] = process
    wait_for(f"http://127.0.0.1:{port}/health", process, log)


def timed(stack: Stack, sender: str, message: str) -> tuple[str, float]:
    began = time.monotonic()
    text = stack.text(sender, message)
    return text, time.monotonic() - began


def test_action_server_down_gets_an_apology_then_recovers(fragile: Stack) -> None:
    me = f"down-{uuid.uuid4().hex[:6]}"
    assert fragile.text(me, "tell me about data scientists").startswith("Data Scientists")
    stop(fragile.processes[0])
    text, elapsed = timed(fragile, me, "how much do they earn?")
    assert text == f"{APOLOGY} Please try again in a moment."
    assert elapsed < TIMEOUT + 10  # not the stock 5-minute wait (generous: shared machine)
    restart_action_server(fragile)
    # The same conversation goes on, with its role, without restarting Rasa.
    assert fragile.text(me, "how much do they earn?").startswith("Data Scientists: salary")


def test_action_server_too_slow_gets_an_apology_after_the_time_out(fragile: Stack, tmp_path: Path) -> None:
    me = f"slow-{uuid.uuid4().hex[:6]}"
    stop(fragile.processes[0])
    # Something that accepts connections on the action server's port and never answers.
    with socket.create_server(("127.0.0.1", action_port(fragile))) as hung:
        hung.listen()
        text, elapsed = timed(fragile, me, "what do ML engineers do?")
    assert text == f"{APOLOGY} Please try again in a moment."
    assert TIMEOUT - 0.5 < elapsed < TIMEOUT + 10
    restart_action_server(fragile)
    assert fragile.text(me, "what do ML engineers do?").startswith("Machine Learning Engineers")
