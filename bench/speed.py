"""Speed and memory of a running assistant, measured the same way for ours and for the peer.

An `Assistant` is a Rasa server (plus, for ours, the action server) started on loopback by the
benchmark and stopped by PID. Every figure is taken from outside, as a user or an operator
would see it: HTTP round trips on the REST channel and on `/model/parse` (with the HTTP API's
token), and the peak resident memory the kernel reports for each server's processes.
"""

from __future__ import annotations

import secrets
import statistics
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.loadtest import Report, run_load
from tests.servers import ENV, RASA, free_port, start, stop, wait_for

# A rate limit per sender protects the real REST channel; the benchmark's single sender of 200
# turns would hit it.
BENCH_ENV = {**ENV, "REST_RATE_LIMIT_PER_MINUTE": "1000000", "PYTHONWARNINGS": "ignore"}
TURN_MARKS = (1, 10, 50, 200)
LOAD_USERS, LOAD_TURNS = 20, 20


@dataclass
class Assistant:
    name: str
    url: str
    token: str
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)  # role → process
    ready_seconds: dict[str, float] = field(default_factory=dict)

    def say(self, sender: str, message: str) -> list[dict]:
        reply = requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120
        )
        reply.raise_for_status()
        return list(reply.json())

    def parse(self, text: str) -> dict:
        reply = requests.post(
            f"{self.url}/model/parse", params={"token": self.token}, json={"text": text}, timeout=60
        )
        reply.raise_for_status()
        return dict(reply.json())

    def peak_rss_mb(self, role: str) -> float:
        """Peak resident memory (VmHWM) of a server's process and its children, in MB."""
        return sum(_vm_hwm_kb(pid) for pid in _tree(self.processes[role].pid)) / 1024


def _tree(root: int) -> list[int]:
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


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@contextmanager
def launched(
    name: str,
    workdir: Path,
    rasa_args: Sequence[str],
    first_message: str,
    cwd: Path,
    actions: Sequence[str] | None = None,
    actions_port: int | None = None,
) -> Iterator[Assistant]:
    """Start the servers at the same moment; `ready_seconds` says how long until each was ready:
    the action server's /health, and the Rasa server's first answer to `first_message` (cold start)."""
    port, token = free_port(), secrets.token_hex(16)
    assistant = Assistant(name=name, url=f"http://127.0.0.1:{port}", token=token)
    rasa = [str(RASA), "run", *rasa_args, "--interface", "127.0.0.1", "--port", str(port)]
    rasa += ["--enable-api", "--auth-token", token]
    began = time.monotonic()
    try:
        actions_log, rasa_log = workdir / f"{name}-actions.log", workdir / f"{name}-rasa.log"
        if actions:
            assistant.processes["actions"] = start(list(actions), actions_log, env=BENCH_ENV)
        assistant.processes["rasa"] = _start_in(rasa, rasa_log, cwd)
        if actions:
            wait_for(f"http://127.0.0.1:{actions_port}/health", assistant.processes["actions"], actions_log)
            assistant.ready_seconds["actions"] = time.monotonic() - began
        _first_answer(assistant, first_message, rasa_log)
        assistant.ready_seconds["rasa"] = time.monotonic() - began
        yield assistant
    finally:
        for process in assistant.processes.values():
            stop(process)


def _start_in(args: list[str], log: Path, cwd: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(
            args, cwd=cwd, env=BENCH_ENV, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _first_answer(assistant: Assistant, message: str, log: Path, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if assistant.processes["rasa"].poll() is not None:
            raise RuntimeError(f"{assistant.name}: Rasa exited:\n{log.read_text()[-3000:]}")
        try:
            if assistant.say("cold-start", message):
                return
        except requests.RequestException:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{assistant.name}: no answer after {timeout} s")


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(call: Callable[..., object], *args: str) -> float:
    """Seconds that `call(*args)` took."""
    began = time.perf_counter()
    call(*args)
    return time.perf_counter() - began


@dataclass
class Speed:
    parse: list[float]
    one_user: list[float]
    load: Report
    by_turn: dict[int, float]
    cold_start: float
    actions_ready: float | None
    rss_rasa_mb: float
    rss_actions_mb: float | None


def measure(
    assistant: Assistant,
    messages: Sequence[str],
    scripts: Callable[[int, int], list[str]],
    tracker_db: Path | None,
) -> Speed:
    """`messages`: what one user asks, in turn; `scripts(user, turns)`: each load user's turns."""
    for text in messages:  # warm-up: the first parse of each kind of message builds caches
        assistant.parse(text)
    parse = [
        timed(lambda t=text: assistant.parse(t)) for text in list(messages) * (200 // len(messages) + 1)
    ][:200]
    # One user at a time: 5 conversations of 20 turns, the same mix the 20 users send.
    one_user = []
    for user in range(5):
        sender = f"one-{uuid.uuid4().hex[:6]}-{user}"
        one_user += [timed(assistant.say, sender, m) for m in scripts(user, 20)]
    load = run_load(assistant.url, LOAD_USERS, LOAD_TURNS, tracker_db, scripts)
    return Speed(
        parse=parse,
        one_user=one_user,
        load=load,
        by_turn=latency_by_turn(assistant, messages),
        cold_start=assistant.ready_seconds["rasa"],
        actions_ready=assistant.ready_seconds.get("actions"),
        rss_rasa_mb=assistant.peak_rss_mb("rasa"),
        rss_actions_mb=assistant.peak_rss_mb("actions") if "actions" in assistant.processes else None,
    )


def latency_by_turn(assistant: Assistant, messages: Sequence[str], turns: int = 202) -> dict[int, float]:
    """One sender, `turns` turns; the figure at turn n is the median of turns n-2..n+2 (turn 1:
    turns 1..5), so one slow turn on a shared machine does not decide it."""
    sender = f"long-{uuid.uuid4().hex[:6]}"
    latencies = [timed(assistant.say, sender, messages[i % len(messages)]) for i in range(turns)]
    return {
        mark: statistics.median(latencies[max(0, mark - 3) : mark + 2] if mark > 1 else latencies[:5])
        for mark in TURN_MARKS
    }
