"""`make bench`, the scale-out part: one Rasa server vs two behind nginx (make cluster, on
PostgreSQL and Redis), CPU per turn, bytes per stored turn, and the capacity model drawn from them.

Each cluster is started by scripts/cluster.sh (harness/cluster.py) and loaded through nginx
with the same 20 users as the per-process load (bench/loadtest.py), twice.
"""

from __future__ import annotations

import math
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from harness.cluster import Cluster, running_cluster
from harness.load import Report, run_load
from harness.servers import process_tree

USERS, TURNS, ROUNDS = 20, 20, 2
TICKS = os.sysconf("SC_CLK_TCK")
# The capacity model's assumptions (stated in the report next to the figures they give).
SECONDS_BETWEEN_MESSAGES = 20  # one person in a live conversation: reads, thinks, types
TURNS_PER_CONVERSATION = 10
CORE_BUSY = 0.6  # a Rasa server is one Python process: plan for 60% of its core


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes and all their descendants, now."""
    total = 0
    for root in pids:
        for pid in process_tree(root):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


@dataclass
class ClusterRun:
    replicas: int
    load: Report
    rasa_cpu_per_turn: float  # seconds of CPU, all Rasa servers
    other_cpu_per_turn: float  # action server, PostgreSQL, Redis, nginx
    pg_bytes_per_turn: float


def _parts(cluster: Cluster) -> tuple[list[int], list[int]]:
    rasa = [cluster.pid(f"rasa-{i + 1}") for i in range(cluster.replicas)]
    others = [cluster.pid("actions"), cluster.pid("redis"), cluster.postmaster_pid()]
    nginx = cluster.dir / "nginx" / "nginx.pid"
    if nginx.exists():
        others.append(int(nginx.read_text().split()[0]))
    return rasa, others


def _pg_bytes_per_turn(cluster: Cluster) -> float:
    connection = cluster.connect()
    try:
        cursor = connection.cursor()
        cursor.execute(
            "SELECT pg_total_relation_size('events'), (SELECT COUNT(*) FROM events WHERE type_name = 'user')"
        )
        size, turns = cursor.fetchone()
        return float(size) / max(1, int(turns))
    finally:
        connection.close()


def measure_replicas(workdir: Path, model: Path, replicas: int) -> ClusterRun:
    with running_cluster(workdir / f"cluster-{replicas}", replicas, env={"MODEL": str(model)}) as cluster:
        run_load(cluster.url, 4, 5, tracker_db=None)  # warm up every server
        rasa, others = _parts(cluster)
        rasa_before, others_before = cpu_seconds(rasa), cpu_seconds(others)
        load = Report.combined([run_load(cluster.url, USERS, TURNS, tracker_db=None) for _ in range(ROUNDS)])
        answered = max(1, len(load.latencies) - len(load.errors))
        return ClusterRun(
            replicas=replicas,
            load=load,
            rasa_cpu_per_turn=(cpu_seconds(rasa) - rasa_before) / answered,
            other_cpu_per_turn=(cpu_seconds(others) - others_before) / answered,
            pg_bytes_per_turn=_pg_bytes_per_turn(cluster),
        )


def sqlite_bytes_per_turn(db: Path) -> float:
    """The SQLite file's size per stored user turn (after folding the write-ahead log in)."""
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        turns = connection.execute("SELECT COUNT(*) FROM events WHERE type_name = 'user'").fetchone()[0]
    return db.stat().st_size / max(1, turns)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def markdown(one: ClusterRun, two: ClusterRun, sqlite_bytes: float) -> str:
    gain = two.load.throughput / one.load.throughput if one.load.throughput else 0.0
    rows = [
        (
            "throughput",
            f"{one.load.throughput:.1f} msg/s",
            f"{two.load.throughput:.1f} msg/s",
            f"{gain:.2f}×",
        ),
        ("p50", _ms(one.load.percentile(0.5)), _ms(two.load.percentile(0.5)), ""),
        ("p99", _ms(one.load.percentile(0.99)), _ms(two.load.percentile(0.99)), ""),
        ("messages without an answer", str(len(one.load.errors)), str(len(two.load.errors)), ""),
        ("CPU per turn, Rasa servers", _ms(one.rasa_cpu_per_turn), _ms(two.rasa_cpu_per_turn), ""),
        (
            "CPU per turn, the rest (actions, PostgreSQL, Redis, nginx)",
            _ms(one.other_cpu_per_turn),
            _ms(two.other_cpu_per_turn),
            "",
        ),
    ]
    cpu = two.rasa_cpu_per_turn
    other = two.other_cpu_per_turn
    per_replica = CORE_BUSY / cpu if cpu else 0.0  # turns per second one Rasa server carries
    lines = [
        "## Scale-out: one Rasa server vs two behind nginx (`make cluster`)",
        "",
        f"Both on PostgreSQL (tracker store) and Redis (lock store) behind nginx, {USERS} users × "
        f"{TURNS} turns, {ROUNDS} runs each, on this",
        "machine's two cores, which the servers share with the load generator, PostgreSQL, Redis and",
        "nginx: two servers cannot get two cores of their own here. CPU per turn is the processes' own",
        "CPU time (/proc) during the load divided by the messages answered.",
        "",
        "| figure | 1 Rasa server | 2 Rasa servers | 2 / 1 |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
        f"Target: two servers ≥ 1.5 × one: {gain:.2f}×, {'met' if gain >= 1.5 else '**not met**'}.",
        "",
        "## Capacity model",
        "",
        f"From the figures above (2 servers): a turn costs **{_ms(cpu)}** of CPU in a Rasa server and",
        f"**{_ms(other)}** in the rest. Assumptions: a person in a live conversation sends a message every",
        f"{SECONDS_BETWEEN_MESSAGES} s; a Rasa server (one Python process, one core at most) is planned at",
        f"{CORE_BUSY:.0%} of its core, so it carries about **{per_replica:.0f} turns/s**; a conversation has "
        f"{TURNS_PER_CONVERSATION} turns.",
        "",
        "| concurrent conversations | messages/s | Rasa servers | cores for the rest |",
        "|---|---|---|---|",
    ]
    for people in (1_000, 100_000):
        rate = people / SECONDS_BETWEEN_MESSAGES
        replicas = math.ceil(rate / per_replica) if per_replica else 0
        lines.append(f"| {people:,} | {rate:,.0f} | {replicas:,} | {math.ceil(rate * other / CORE_BUSY):,} |")
    month = 1_000_000 * TURNS_PER_CONVERSATION
    lines += [
        "",
        f"Storage, bytes per stored turn (every event of the turn, indexes included): PostgreSQL "
        f"**{two.pg_bytes_per_turn:,.0f} B**,",
        f"SQLite **{sqlite_bytes:,.0f} B**. A million conversations a month of "
        f"{TURNS_PER_CONVERSATION} turns: "
        f"**{month * two.pg_bytes_per_turn / 1e9:.1f} GB** a month on PostgreSQL",
        f"({month * sqlite_bytes / 1e9:.1f} GB on SQLite); `make prune DAYS=90` keeps about three months.",
        "",
        "What breaks first, and what to change then:",
        "",
        "- **The Rasa servers' CPU**, long before anything else: they do the NLU, the rules and the",
        "  tracker (de)serialisation; add servers (stateless: the tracker is in PostgreSQL, the locks in",
        "  Redis) behind the load balancer, one per core.",
        "- **PostgreSQL connections** next: each Rasa server may open up to 150 (rasa's pool: 50 + 100",
        "  overflow; it opens one per turn running at once), and PostgreSQL allows 100 by default; with",
        "  more than a few servers set `SQL_POOL_SIZE` / `SQL_MAX_OVERFLOW` to a few each and put",
        "  PgBouncer in front.",
        "- **PostgreSQL writes**: one INSERT transaction per turn (addons/stores/tracker_store.py);",
        "  thousands a second need a server with a fast disk, then partitioning `events` by time",
        "  (which also makes pruning a `DROP` of old partitions).",
        "- Redis (a few small commands per turn) and nginx are far from their limits at these rates.",
    ]
    return "\n".join(lines)
