"""Ports that hold: two copies of `make serve` side by side on other ports (RASA_PORT,
ACTIONS_PORT), each answering from the action server it started. Before, every copy sent its
actions to port 5055, whatever ACTIONS_PORT said."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from careers import knowledge
from harness.knowledge import edited_copy
from harness.servers import ENV, MODEL, ROOT, free_port, start, stop, wait_for


def serve(workdir: Path, name: str, kb_dir: Path) -> tuple[subprocess.Popen, str]:
    """`scripts/run.sh serve` (what `make serve` runs) on free ports, its conversations in `workdir`."""
    rasa_port, actions_port = free_port(), free_port()
    endpoints = workdir / f"endpoints-{name}.yml"
    # The project's endpoints file, with the SQLite file moved out of the project's .rasa/.
    endpoints.write_text(
        (ROOT / "endpoints.yml")
        .read_text(encoding="utf-8")
        .replace(".rasa/conversations.db", str(workdir / f"{name}.db")),
        encoding="utf-8",
    )
    env = {
        **ENV,
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "ENDPOINTS": str(endpoints),
        "KNOWLEDGE_BASE_DIR": str(kb_dir),
        "ACTIONS_LOG": str(workdir / f"{name}-actions.log"),  # not the checkout's: tests run side by side
        "ACTION_SERVER_URL": "http://127.0.0.1:5055/webhook",  # what the environment says is ignored
    }
    process = start(["bash", "scripts/run.sh", "serve"], workdir / f"{name}.log", env=env)
    url = f"http://127.0.0.1:{rasa_port}"
    wait_for(f"{url}/webhooks/rest/", process, workdir / f"{name}.log")
    return process, url


@pytest.fixture(scope="module")
def two_copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make model` (make test trains it first)")
    workdir = tmp_path_factory.mktemp("ports")
    other_kb = edited_copy(
        workdir / "kb", "statistician", "develop or apply statistical theory", "count the stars"
    )
    first, first_url = serve(workdir, "first", knowledge.PROJECT_DIR)
    try:
        second, second_url = serve(workdir, "second", other_kb)
        try:
            yield first_url, second_url
        finally:
            stop(second)
    finally:
        stop(first)


def ask(url: str, message: str) -> str:
    response = requests.post(
        f"{url}/webhooks/rest/webhook", json={"sender": uuid.uuid4().hex, "message": message}, timeout=60
    )
    response.raise_for_status()
    return "\n".join(m.get("text", "") for m in response.json())


def test_each_copy_answers_from_its_own_action_server(two_copies: tuple[str, str]) -> None:
    first_url, second_url = two_copies
    first, second = (
        ask(first_url, "what does a statistician do?"),
        ask(second_url, "what does a statistician do?"),
    )
    assert "develop or apply statistical theory" in first and "count the stars" not in first
    assert "count the stars" in second
    assert "not responding" not in first + second
