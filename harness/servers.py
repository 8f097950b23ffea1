"""Starting the real servers for tests: action server + Rasa server on loopback, stopped by PID."""

from __future__ import annotations

import errno
import os
import random
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
RASA = BIN / "rasa"
MODEL = ROOT / "models" / "career-guide.tar.gz"
ENV = {
    **os.environ,
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}
# Ours (addons/stores/tracker_store.py), as in endpoints.yml.
TRACKER_STORE = "addons.stores.tracker_store.AppendingSQLTrackerStore"
START_TIMEOUT = 300  # seconds: the model load is slow on a busy 2-core machine


# Ports handed out by free_port() in this process: a server may not have bound one yet.
_GIVEN: set[int] = set()
# Below the kernel's range of ports for outgoing connections (32768-60999 by default), so that no
# client connection takes a port between free_port() and the server binding it; one band of 2,000
# ports for each of the first six pytest-xdist workers (make test runs two), so that two workers
# side by side do not pick one port. Drawn from the system's randomness: Rasa seeds `random`.
_BAND_LOW, _BAND_SIZE, _BANDS = 20000, 2000, 6
_TRIES = 200
_RANDOM = random.SystemRandom()


def free_port(consecutive: int = 1) -> int:
    """The first of `consecutive` loopback ports free now, none handed out here before."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")  # gw0, gw1, ...
    band = int(worker[2:]) % _BANDS if worker[2:].isdigit() else 0
    low = _BAND_LOW + band * _BAND_SIZE
    for _ in range(_TRIES):
        first = _RANDOM.randrange(low, low + _BAND_SIZE - consecutive + 1)
        ports = range(first, first + consecutive)
        if not _GIVEN.intersection(ports) and all(_bindable(port) for port in ports):
            _GIVEN.update(ports)
            return first
    raise RuntimeError(f"no {consecutive} free port(s) in {low}-{low + _BAND_SIZE - 1} after {_TRIES} tries")


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text()[-3000:]
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}:\n{tail}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not up after {timeout} s:\n{log.read_text()[-3000:]}")


def start(
    args: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.Popen:
    # A session of its own, so that stopping it stops every child it started.
    with log.open("wb") as out:
        return subprocess.Popen(
            args, cwd=cwd, env=env or ENV, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass
class Stack:
    """A running action server and Rasa server, and a way to talk to them (and restart them)."""

    url: str
    workdir: Path
    actions_port: int
    actions_command: list[str]
    rasa_command: list[str]
    rasa_env: dict[str, str]
    processes: list[subprocess.Popen] = field(default_factory=list)  # [action server, Rasa]

    def start_actions(self) -> None:
        log = self.workdir / f"actions-{len(os.listdir(self.workdir))}.log"
        self._replace(0, start(self.actions_command, log))
        wait_for(f"http://127.0.0.1:{self.actions_port}/health", self.processes[0], log)

    def start_rasa(self) -> None:
        log = self.workdir / f"rasa-{len(os.listdir(self.workdir))}.log"
        self._replace(1, start(self.rasa_command, log, env=self.rasa_env))
        wait_for(f"{self.url}/webhooks/rest/", self.processes[1], log)

    def kill_rasa(self) -> None:
        """kill -9: no chance to flush or say goodbye."""
        os.killpg(self.processes[1].pid, signal.SIGKILL)
        self.processes[1].wait()

    def _replace(self, index: int, process: subprocess.Popen) -> None:
        if index < len(self.processes):
            self.processes[index] = process
        else:
            self.processes.append(process)

    def say(self, sender: str, message: Any) -> list[dict[str, Any]]:
        """What the assistant answers `sender` through the REST channel."""
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
        )
        response.raise_for_status()
        return list(response.json())

    def text(self, sender: str, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(sender, message))

    def text_and_detail(self, sender: str, message: str) -> tuple[str, str]:
        """The first answer's text, and the text its "more" button gives ("" if none)."""
        first = self.say(sender, message)
        more = [
            b["payload"]
            for m in first
            for b in m.get("buttons") or []
            if b["payload"].startswith("/ask_detail")
        ]
        detail = self.text(sender, more[0]) if more else ""
        return "\n".join(m.get("text", "") for m in first), detail


def write_endpoints(workdir: Path, actions_port: int, tracker_store: str | None = None) -> Path:
    """Endpoints for a test: the action server's port, and SQLite in `workdir` unless
    `tracker_store` gives another tracker_store block (YAML, indented by two spaces)."""
    store = (
        tracker_store or f"  type: {TRACKER_STORE}\n  dialect: sqlite\n  db: {workdir / 'conversations.db'}\n"
    )
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\ntracker_store:\n{store}',
        encoding="utf-8",
    )
    return endpoints


@contextmanager
def running_stack(
    workdir: Path,
    rasa_args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    tracker_store: str | None = None,
    model: Path = MODEL,
) -> Iterator[Stack]:
    """Action server and Rasa server (every channel of credentials.yml) on free loopback ports.

    `rasa_args` are added to `rasa run` (say `--cors <origin>`); `env` to its environment.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port = free_port(), free_port()
    endpoints = write_endpoints(workdir, actions_port, tracker_store)
    rasa_run = [str(RASA), "run", "-m", str(model), "--endpoints", str(endpoints), "--credentials"]
    rasa_run += ["credentials.yml", "--interface", "127.0.0.1", "--port", str(rasa_port), *rasa_args]
    stack = Stack(
        url=f"http://127.0.0.1:{rasa_port}",
        workdir=workdir,
        actions_port=actions_port,
        actions_command=[str(RASA), "run", "actions", "--port", str(actions_port), "--actions", "actions"],
        rasa_command=rasa_run,
        rasa_env={**ENV, **(env or {})},
    )
    try:
        stack.start_actions()
        stack.start_rasa()
        yield stack
    finally:
        for process in reversed(stack.processes):
            stop(process)


def process_tree(root: int) -> list[int]:
    """`root` and every process below it (from /proc), for memory and CPU counts."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def stored_feedback(workdir: Path, sender_like: str) -> list[dict[str, Any]]:
    """The `feedback` slot values (issue 19) stored in the SQLite tracker store of a stack started
    in `workdir`, for the senders matching the SQL LIKE pattern `sender_like`, oldest first."""
    import json
    import sqlite3

    with sqlite3.connect(workdir / "conversations.db") as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id LIKE ? AND type_name = 'slot' ORDER BY id",
            (sender_like,),
        ).fetchall()
    slots = [json.loads(data) for (data,) in rows]
    return [s["value"] for s in slots if s.get("name") == "feedback"]
