"""The report at scale (issue 19): `make report` on a store of 100,000 conversations (about a
million events), on SQLite and on a throwaway PostgreSQL; wall time and peak memory of the report
process, against the targets of 2 minutes and 1 GB.

    .venv/bin/python -m bench.report_scale [--conversations 100000] [--write]

The store is generated: conversations made of the events Rasa writes (harness/events.py), in a
mix like real traffic (role questions, comparisons, the guided path to a recommendation,
feedback, messages not understood or out of scope, some with contact details), spread over the
last 30 days, written in bulk (one executemany on SQLite, COPY on PostgreSQL). The report then
runs as `python -m scripts.report` in its own process; its peak RSS comes from wait4().
With --write, the section "Issue 19: report at scale" of BENCHMARKS.md is replaced (or added).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from harness import events as ev
from harness.postgres import postgres_server
from harness.servers import ENV, ROOT, TRACKER_STORE
from insights.journeys import questions

OUTPUT = ROOT / "BENCHMARKS.md"
TITLE = "## Issue 19: report at scale"
TARGET_SECONDS, TARGET_MB = 120.0, 1024.0
COLUMNS = ("id", "sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
ROLES = ["data_scientist", "data_engineer", "data_analyst", "machine_learning_engineer", "statistician"]
ASPECTS = ["salary", "skills", "outlook", "education", "day_to_day"]
PLACES = ["TX", "CA", "NY", "Germany", "Brazil"]
OFF_TOPIC = [
    "what's the weather in {}",
    "tell me a joke about {}",
    "book a flight to {}",
    "who won the {} game",
]
NOT_UNDERSTOOD = [
    "asdf {}",
    "hmm {} maybe",
    "the {} thing",
    "contact me at user{}@example.com",
    "call +1 415 555 {:04d}",
]


@dataclass(frozen=True)
class Run:
    database: str
    conversations: int
    events: int
    generate_seconds: float
    seconds: float
    cpu_seconds: float
    peak_mb: float
    load: float  # the machine's 1-minute load average when the report ended


def _turn(user: ev.Event, answer: str, action: str, t: float) -> list[ev.Event]:
    return [user, ev.action(action, t + 0.1), ev.bot(answer, t + 0.2), ev.action("action_listen", t + 0.3)]


def conversation(rng: random.Random, n: int, start: float) -> list[ev.Event]:
    """About ten events: a session start and two or three turns of one kind of visit."""
    t = start
    channel = rng.choice(["rest", "rest", "socketio", "socketio", "slack", "cmdline"])
    events = [ev.action("action_session_start", t), ev.action("action_listen", t)]
    kind = rng.random()
    role, aspect, place = rng.choice(ROLES), rng.choice(ASPECTS), rng.choice(PLACES)
    if kind < 0.45:
        said = ev.user(
            f"{aspect} of a {role} in {place}",
            f"ask_role_{aspect}",
            t,
            0.9,
            [("role", role), ("place", place)],
            channel,
        )
        events += _turn(said, f"{role}: {aspect} ...", "action_answer_role_question", t)
        if rng.random() < 0.5:
            rating = rng.choice(["up", "down"])
            events += [
                ev.user(f'/feedback{{"rating":"{rating}"}}', "feedback", t + 5, 1.0, (), channel),
                ev.action("action_record_feedback", t + 5),
                ev.slot(
                    "feedback",
                    {"kind": "action_answer_role_question", "rating": rating, "missing": None},
                    t + 5,
                ),
            ]
    elif kind < 0.6:
        other = rng.choice(ROLES)
        said = ev.user(
            f"compare {role} and {other}",
            "compare_roles",
            t,
            0.88,
            [("role", role), ("role", other)],
            channel,
        )
        events += _turn(said, "Side by side ...", "action_compare_roles", t)
    elif kind < 0.85:
        events += _turn(
            ev.user("help me choose", "start_path", t, 0.97, (), channel),
            "Let's find ...",
            "action_start_path",
            t,
        )
        asked = questions()[: rng.randint(1, 6)]
        for number, (qid, ask) in enumerate(asked, start=1):
            events += [
                ev.bot(f"Question {number} of 6: {ask}", t + number),
                ev.action("action_listen", t + number),
            ]
            events.append(
                ev.user(
                    f'/answer_path{{"path_option": "{qid}"}}', "answer_path", t + number, 1.0, (), channel
                )
            )
        if len(asked) == 6 or rng.random() < 0.5:
            events += [ev.action("action_recommend_path", t + 10), ev.slot("path_result", role, t + 10)]
            events.append(ev.user("what would I need to learn?", "ask_skill_gap", t + 11, 0.9, (), channel))
    else:
        template = rng.choice(OFF_TOPIC + NOT_UNDERSTOOD)
        text = template.format(n % 20000)
        out = template in OFF_TOPIC
        said = ev.user(text, "out_of_scope" if out else "nlu_fallback", t, 0.8 if out else 0.2, (), channel)
        events += _turn(said, "Sorry ...", "utter_out_of_scope" if out else "action_default_fallback", t)
    return events


def rows(count: int, now: float, seed: int = 19) -> Iterator[tuple[object, ...]]:
    rng = random.Random(seed)
    ident = 0
    for n in range(count):
        sender = f"{rng.getrandbits(64):016x}"
        for event in conversation(rng, n, now - rng.uniform(0.1, 29.5) * 86400):
            ident += 1
            row = ev.row(sender, event)
            yield (ident, *(row[c] for c in COLUMNS[1:]))


def create_table(url: object) -> None:
    engine = sa.create_engine(url)
    table = ev.events_table()
    table.metadata.create_all(engine, tables=[table])
    engine.dispose()


def fill_sqlite(db: Path, count: int, now: float) -> int:
    create_table(f"sqlite:///{db}")
    connection = sqlite3.connect(db)
    with connection:
        cursor = connection.executemany(
            f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES (?,?,?,?,?,?,?)", rows(count, now)
        )
    total = cursor.rowcount
    connection.close()
    return total


def fill_postgres(pg: object, url: str, count: int, now: float) -> int:
    create_table(url)
    connection = pg.connect()  # type: ignore[attr-defined]
    cursor = connection.cursor()
    total, buffer = 0, io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(count, now):
        writer.writerow(row)
        total += 1
        if total % 50_000 == 0:
            buffer.seek(0)
            cursor.copy_expert(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)", buffer)
            buffer.seek(0)
            buffer.truncate()
    buffer.seek(0)
    cursor.copy_expert(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)", buffer)
    cursor.execute("ANALYZE events")
    connection.commit()
    connection.close()
    return total


def measure_report(endpoints: Path, out: Path) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds, peak RSS (MB) of one `python -m scripts.report` process, and
    the load average then: the machine is shared, and wall time grows with its load."""
    command = [
        str(ROOT / ".venv" / "bin" / "python"),
        "-m",
        "scripts.report",
        "--endpoints",
        str(endpoints),
        "--out",
        str(out),
    ]
    began = time.monotonic()
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=out_file, stderr=err_file)
        peak = _peak_rss(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        err_file.seek(0)
        output, errors = out_file.read(), err_file.read()
    if process.returncode != 0:
        raise RuntimeError(f"the report failed ({process.returncode}):\n{errors.decode()[-3000:]}")
    print(output.decode().strip(), flush=True)
    return seconds, usage.ru_utime + usage.ru_stime, peak, os.getloadavg()[0]


def _peak_rss(pid: int) -> float:
    """The report's own peak resident memory (MB): VmHWM of /proc/<pid>/status, read until it
    exits. Not wait4's ru_maxrss: a child forked from this process (which has loaded models
    when `make bench` runs it) starts with this process's high-water mark, whatever it uses."""
    peak = 0.0
    status, cmdline = Path(f"/proc/{pid}/status"), Path(f"/proc/{pid}/cmdline")
    while True:
        try:
            text = status.read_text()
            started = b"scripts.report" in cmdline.read_bytes()  # after exec, not the fork's copy
        except OSError:
            return peak
        if "State:\tZ" in text:  # exited: a zombie has no memory left to report
            return peak
        if not started:
            time.sleep(0.005)
            continue
        found = next((line for line in text.splitlines() if line.startswith("VmHWM:")), None)
        if found is None:
            return peak
        peak = max(peak, int(found.split()[1]) / 1024)
        time.sleep(0.02)


def measure(count: int) -> list[Run]:
    runs = []
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="report-scale-") as name:
        tmp = Path(name)
        db = tmp / "conversations.db"
        began = time.monotonic()
        events = fill_sqlite(db, count, now)
        generated = time.monotonic() - began
        endpoints = tmp / "endpoints.sqlite.yml"
        endpoints.write_text(f"tracker_store:\n  type: {TRACKER_STORE}\n  dialect: sqlite\n  db: {db}\n")
        print(f"SQLite: {events} events in {generated:.0f} s; running the report...", flush=True)
        runs.append(Run("SQLite", count, events, generated, *measure_report(endpoints, tmp / "reports")))
        db.unlink()
        with postgres_server() as pg:
            url = f"postgresql://{pg.user}@{pg.host}:{pg.port}/{pg.db}"
            began = time.monotonic()
            events = fill_postgres(pg, url, count, now)
            generated = time.monotonic() - began
            endpoints = tmp / "endpoints.postgres.yml"
            endpoints.write_text(
                f"tracker_store:\n  type: {TRACKER_STORE}\n  dialect: postgresql\n  url: {pg.host}\n"
                f"  port: {pg.port}\n  db: {pg.db}\n  username: {pg.user}\n  password: ''\n"
            )
            print(f"PostgreSQL: {events} events in {generated:.0f} s; running the report...", flush=True)
            runs.append(
                Run("PostgreSQL", count, events, generated, *measure_report(endpoints, tmp / "reports"))
            )
    return runs


def markdown(runs: list[Run]) -> str:
    lines = [
        TITLE,
        "",
        "`make report` (default period, the last 30 days) on a generated store, in its own process; "
        f"targets: under {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB each "
        "(`python -m bench.report_scale --write`). The machine has 2 cores and is shared: the load "
        "average says how busy it was (wall time grows with it, CPU time much less).",
        "",
        "| store | conversations | events | report wall time | CPU time | peak RSS | load average | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        met = "yes" if r.seconds < TARGET_SECONDS and r.peak_mb < TARGET_MB else "**no**"
        lines.append(
            f"| {r.database} | {r.conversations:,} | {r.events:,} | {r.seconds:.1f} s "
            f"| {r.cpu_seconds:.1f} s | {r.peak_mb:.0f} MB | {r.load:.1f} | {met} |"
        )
    return "\n".join(lines)


def replace_section(text: str, section: str) -> str:
    """`text` with the section titled TITLE replaced by `section`, or added before the Notes."""
    if TITLE in text:
        before, rest = text.split(TITLE, 1)
        after = rest[rest.find("\n## ") :] if "\n## " in rest else "\n"
        return before + section + "\n" + after
    return text.replace("\n## Notes\n", f"\n{section}\n\n## Notes\n", 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--write", action="store_true", help="write the section into BENCHMARKS.md")
    args = parser.parse_args()
    section = markdown(measure(args.conversations))
    print(section)
    if args.write:
        OUTPUT.write_text(replace_section(OUTPUT.read_text(encoding="utf-8"), section), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
