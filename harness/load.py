"""A bounded load on loopback: simulated users talk at once, then every tracker is checked.

`make loadtest` runs 20 users × 20 turns against servers it starts on free loopback ports
(the same action server and Rasa server as `make serve`), prints errors, latency percentiles
and throughput, and checks in the SQL tracker store that every turn was stored once and
answered. tests/e2e/test_load.py runs a short version (5 × 5) in `make test`.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

from harness.servers import Stack

QUESTIONS = [
    "what does a data scientist do?",
    "how much do they earn?",
    "and ML engineers?",
    "which is growing faster?",
    "what skills does an MLE need?",
    "where does this data come from?",
    "what are the challenges of data science?",
    "DS vs MLE",
]
PATH = [
    "help me choose",
    '/answer_path{"path_option": "building"}',
    "how much do data scientists earn?",  # an interruption
    '/answer_path{"path_option": "software"}',
    "why do you ask?",
    '/answer_path{"path_option": "infrastructure"}',
    "keeping a model reliable in production",
    '/answer_path{"path_option": "no_visuals"}',
    '/answer_path{"path_option": "serve"}',
    "so what should I learn?",
]


def percentile(values: list[float], q: float) -> float:
    """The value below which a share `q` of `values` lies (nan for none)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


@dataclass
class Report:
    users: int
    turns: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tracker_problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Which Rasa server answered each sender's turns (behind nginx: its X-Career-Guide-Replica).
    served_by: dict[str, list[str]] = field(default_factory=dict)
    sent: dict[str, list[str]] = field(default_factory=dict)  # each sender's messages

    @classmethod
    def combined(cls, reports: list[Report]) -> Report:
        """Several runs as one: their messages, errors and seconds added up."""
        return cls(
            users=reports[0].users,
            turns=sum(r.turns for r in reports),
            latencies=[x for r in reports for x in r.latencies],
            errors=[x for r in reports for x in r.errors],
            tracker_problems=[x for r in reports for x in r.tracker_problems],
            seconds=sum(r.seconds for r in reports),
        )

    def percentile(self, q: float) -> float:
        return percentile(self.latencies, q)

    @property
    def throughput(self) -> float:
        """Answered messages per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        sent = self.users * self.turns
        ms = {q: self.percentile(q) * 1000 for q in (0.5, 0.95, 0.99)}
        trackers = "complete" if not self.tracker_problems else "; ".join(self.tracker_problems[:5])
        return "\n".join(
            [
                f"{self.users} users x {self.turns} turns = {sent} messages in {self.seconds:.1f} s",
                f"errors: {len(self.errors)}",
                f"latency p50 {ms[0.5]:.0f} ms, p95 {ms[0.95]:.0f} ms, p99 {ms[0.99]:.0f} ms",
                f"throughput: {self.throughput:.1f} messages/s",
                f"trackers: {trackers}",
            ]
        )


def script(user: int, turns: int) -> list[str]:
    """Half the users ask questions, half walk the guided path (with interruptions)."""
    source = PATH if user % 2 == 0 else QUESTIONS
    return [source[i % len(source)] for i in range(turns)]


def talk(url: str, sender: str, messages: list[str], report: Report) -> None:
    for message in messages:
        began = time.monotonic()
        try:
            reply = requests.post(
                f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120
            )
            report.served_by.setdefault(sender, []).append(reply.headers.get("X-Career-Guide-Replica", ""))
            answers = reply.json() if reply.ok else []
            # An answer is text, or an image (the stock assistant's "cheer up" picture).
            if not reply.ok or not answers or not all(a.get("text") or a.get("image") for a in answers):
                report.errors.append(f"{sender} {message!r}: HTTP {reply.status_code} {reply.text[:100]}")
        except requests.RequestException as problem:
            report.errors.append(f"{sender} {message!r}: {problem}")
        report.latencies.append(time.monotonic() - began)


def check_trackers(db: Path, senders: dict[str, list[str]], report: Report) -> None:
    """Every message stored exactly once, in order, each followed by at least one answer."""
    with sqlite3.connect(db) as connection:
        query = "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id"
        check_stored_turns(lambda sender: connection.execute(query, (sender,)).fetchall(), senders, report)


def check_stored_turns(
    rows_of: Callable[[str], list[tuple[str, str]]], senders: dict[str, list[str]], report: Report
) -> None:
    """`rows_of(sender)`: the (type_name, data) of that sender's stored events, in order."""
    for sender, messages in senders.items():
        rows = rows_of(sender)
        user_turns = [i for i, (kind, _) in enumerate(rows) if kind == "user"]
        if len(user_turns) != len(messages):
            report.tracker_problems.append(
                f"{sender}: {len(user_turns)} user events for {len(messages)} sent"
            )
            continue
        ends = [*user_turns[1:], len(rows)]
        for start, end in zip(user_turns, ends, strict=True):
            if not any(kind == "bot" for kind, _ in rows[start:end]):
                report.tracker_problems.append(f"{sender}: a turn without an answer")


def run_load(
    url: str,
    users: int,
    turns: int,
    tracker_db: Path | None,
    scripts: Callable[[int, int], list[str]] = script,
) -> Report:
    """`users` unique senders talk to the REST channel at `url` at once, `turns` messages each;
    then, if `tracker_db` (the SQLite tracker store) is given, every tracker is checked."""
    report = Report(users=users, turns=turns)
    run = uuid.uuid4().hex[:6]
    senders = {f"load-{run}-{user}": scripts(user, turns) for user in range(users)}
    report.sent = senders
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=users) as pool:
        for future in [pool.submit(talk, url, s, m, report) for s, m in senders.items()]:
            future.result()
    report.seconds = time.monotonic() - began
    if tracker_db is not None:
        check_trackers(tracker_db, senders, report)
    return report


def run_stack_load(stack: Stack, users: int, turns: int) -> Report:
    return run_load(stack.url, users, turns, stack.workdir / "conversations.db")
