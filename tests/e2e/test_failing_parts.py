"""The action server down or too slow: an apology within the time-out, then recovery by itself."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator

import pytest

from harness.servers import Stack, running_stack, stop

TIMEOUT = 3  # seconds, ACTION_TIMEOUT_SECONDS for this stack
APOLOGY = "Sorry, I can't answer that right now: part of me is not responding."


@pytest.fixture(scope="module")
def fragile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(
        tmp_path_factory.mktemp("fragile"), env={"ACTION_TIMEOUT_SECONDS": str(TIMEOUT)}
    ) as stack:
        yield stack


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
    fragile.start_actions()
    # The same conversation goes on, with its role, without restarting Rasa.
    assert fragile.text(me, "how much do they earn?").startswith("Data Scientists: salary")


def test_action_server_too_slow_gets_an_apology_after_the_time_out(fragile: Stack) -> None:
    me = f"slow-{uuid.uuid4().hex[:6]}"
    stop(fragile.processes[0])
    # Something that accepts connections on the action server's port and never answers.
    with socket.create_server(("127.0.0.1", fragile.actions_port)) as hung:
        hung.listen()
        text, elapsed = timed(fragile, me, "what do ML engineers do?")
    assert text == f"{APOLOGY} Please try again in a moment."
    assert TIMEOUT - 0.5 < elapsed < TIMEOUT + 10
    fragile.start_actions()
    assert fragile.text(me, "what do ML engineers do?").startswith("Machine Learning Engineers")
