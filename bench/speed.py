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

from harness.load import Report, run_load
from harness.servers import ENV, RASA, free_port, process_tree, start, stop, wait_for

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
        return sum(_vm_hwm_kb(pid) for pid in process_tree(self.processes[role].pid)) / 1024


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
        assistant.processes["rasa"] = start(rasa, rasa_log, env=BENCH_ENV, cwd=cwd)
        if actions:
            wait_for(f"http://127.0.0.1:{actions_port}/health", assistant.processes["actions"], actions_log)
            assistant.ready_seconds["actions"] = time.monotonic() - began
        _first_answer(assistant, first_message, rasa_log)
        assistant.ready_seconds["rasa"] = time.monotonic() - began
        yield assistant
    finally:
        for process in assistant.processes.values():
            stop(process)


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


@dataclass
class Subject:
    """An assistant under test and what its users say to it."""

    assistant: Assistant
    messages: Sequence[str]  # what one user says, in turn
    scripts: Callable[[int, int], list[str]]  # scripts(user, turns): each load user's turns
    tracker_db: Path | None = None  # its SQLite tracker store, to check after the load


def measure(subjects: Sequence[Subject], load_rounds: int = 2) -> list[Speed]:
    """Measure every subject, interleaved: each request to one is followed by the same kind of
    request to the next, and the load runs alternate, so that a shared machine's slow minutes
    fall on all of them alike."""
    for s in subjects:  # warm-up: the first parse of each kind of message builds caches
        for text in s.messages:
            s.assistant.parse(text)
    parse: list[list[float]] = [[] for _ in subjects]
    for i in range(200):
        for k, s in enumerate(subjects):
            parse[k].append(timed(s.assistant.parse, s.messages[i % len(s.messages)]))
    one_user = one_user_latencies(subjects)
    loads: list[list[Report]] = [[] for _ in subjects]
    for _ in range(load_rounds):
        for k, s in enumerate(subjects):
            turns = LOAD_TURNS // load_rounds
            loads[k].append(run_load(s.assistant.url, LOAD_USERS, turns, s.tracker_db, s.scripts))
    by_turn = latency_by_turn(subjects)
    return [
        Speed(
            parse=parse[k],
            one_user=one_user[k],
            load=Report.combined(loads[k]),
            by_turn=by_turn[k],
            cold_start=s.assistant.ready_seconds["rasa"],
            actions_ready=s.assistant.ready_seconds.get("actions"),
            rss_rasa_mb=s.assistant.peak_rss_mb("rasa"),
            rss_actions_mb=s.assistant.peak_rss_mb("actions") if "actions" in s.assistant.processes else None,
        )
        for k, s in enumerate(subjects)
    ]


def one_user_latencies(subjects: Sequence[Subject]) -> list[list[float]]:
    """One user at a time, interleaved: 5 conversations of 20 turns, the mix the load users send."""
    one_user: list[list[float]] = [[] for _ in subjects]
    for user in range(5):
        scripts = [s.scripts(user, 20) for s in subjects]
        senders = [f"one-{uuid.uuid4().hex[:6]}-{user}" for _ in subjects]
        for turn in range(20):
            for k, s in enumerate(subjects):
                one_user[k].append(timed(s.assistant.say, senders[k], scripts[k][turn]))
    return one_user


def latency_by_turn(subjects: Sequence[Subject], turns: int = 202) -> list[dict[int, float]]:
    """One sender per subject, `turns` turns, interleaved; the figure at turn n is the median of
    turns n-2..n+2 (turn 1: turns 1..5), so one slow turn on a shared machine does not decide it."""
    senders = [f"long-{uuid.uuid4().hex[:6]}" for _ in subjects]
    latencies: list[list[float]] = [[] for _ in subjects]
    for i in range(turns):
        for k, s in enumerate(subjects):
            latencies[k].append(timed(s.assistant.say, senders[k], s.messages[i % len(s.messages)]))
    return [
        {
            mark: statistics.median(found[max(0, mark - 3) : mark + 2] if mark > 1 else found[:5])
            for mark in TURN_MARKS
        }
        for found in latencies
    ]


# Issue 18: a pay question for one place against the same question for the nation, new
# conversations each, interleaved (the place answer reads the imported OEWS figures).
PLACE_PAIRS = (
    ("how much do data scientists earn?", "how much do data scientists earn in Ohio?"),
    ("what do statisticians make?", "what do statisticians make in the Bay Area?"),
    ("database administrator salary", "database administrator salary in TX"),
)


def place_vs_national(assistant: Assistant, rounds: int = 30) -> tuple[float, float]:
    """Median REST latency (s) of national and place pay questions, each in a new conversation."""
    national: list[float] = []
    place: list[float] = []
    for i in range(rounds):
        whole, local = PLACE_PAIRS[i % len(PLACE_PAIRS)]
        national.append(timed(assistant.say, f"nat-{uuid.uuid4().hex[:6]}", whole))
        place.append(timed(assistant.say, f"plc-{uuid.uuid4().hex[:6]}", local))
    return statistics.median(national), statistics.median(place)
