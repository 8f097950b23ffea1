"""`make cluster` (scripts/cluster.sh) started on free loopback ports, for tests and bench: its
parts can be stopped and started again by PID, and its PostgreSQL read directly."""

from __future__ import annotations

import glob
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg2
import requests

from harness.servers import ENV, ROOT, START_TIMEOUT, free_port, stop

SCRIPT = ROOT / "scripts" / "cluster.sh"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


def _wait_gone(pid: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


@dataclass
class Cluster:
    url: str
    dir: Path
    replicas: int
    db_port: int
    redis_port: int
    process: subprocess.Popen

    def pid(self, name: str) -> int:
        return int((self.dir / "pids" / f"{name}.pid").read_text().split()[0])

    def say(self, sender: str, message: str, timeout: float = 60) -> requests.Response:
        return requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout
        )

    def text(self, sender: str, message: str) -> str:
        response = self.say(sender, message)
        response.raise_for_status()
        return "\n".join(m.get("text", "") for m in response.json())

    def kill_replica(self, number: int) -> None:
        """kill -9 of Rasa server `number` (1-based)."""
        pid = self.pid(f"rasa-{number}")
        os.kill(pid, signal.SIGKILL)
        _wait_gone(pid)

    def stop_redis(self) -> None:
        pid = self.pid("redis")
        os.kill(pid, signal.SIGTERM)
        _wait_gone(pid)

    def start_redis(self) -> None:
        redis = subprocess.Popen(
            ["redis-server", str(self.dir / "redis" / "redis.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        (self.dir / "pids" / "redis.pid").write_text(str(redis.pid))  # cluster.sh stops it
        _wait_port(self.redis_port)

    def postmaster_pid(self) -> int:
        return int((self.dir / "pg" / "postmaster.pid").read_text().split()[0])

    def stop_postgres(self) -> None:
        pid = self.postmaster_pid()
        os.kill(pid, signal.SIGINT)  # fast shutdown
        _wait_gone(pid)

    def start_postgres(self) -> None:
        postgres = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))[-1]
        command = [postgres, "-D", str(self.dir / "pg")]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        # cluster.sh stops it by the PID PostgreSQL writes in its data directory.
        subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.connect().close()
                return
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def connect(self) -> Any:
        return psycopg2.connect(host="127.0.0.1", port=self.db_port, user="postgres", dbname="rasa")

    def rows(self, sender: str) -> list[tuple[str, str]]:
        """(type_name, data) of the sender's stored events, in order."""
        connection = self.connect()
        try:
            cursor = connection.cursor()
            cursor.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
            return list(cursor.fetchall())
        finally:
            connection.close()


@contextmanager
def running_cluster(workdir: Path, replicas: int = 2, env: dict[str, str] | None = None) -> Iterator[Cluster]:
    workdir.mkdir(parents=True, exist_ok=True)
    ports = {name: free_port() for name in ("CLUSTER_PORT", "ACTIONS_PORT", "DB_PORT", "REDIS_PORT")}
    rasa_port = free_port(consecutive=replicas)  # the servers listen on RASA_PORT .. + replicas - 1
    cluster_env = {
        **ENV,
        **{name: str(port) for name, port in ports.items()},
        "RASA_PORT": str(rasa_port),
        "REPLICAS": str(replicas),
        **(env or {}),
    }
    log = workdir / "cluster.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(SCRIPT)], env=cluster_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while b"The cluster is up" not in log.read_bytes():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"make cluster did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        # Its own temporary directory (PostgreSQL's user must reach it; pytest's are private).
        files = re.search(r"\(files in (\S+)\)", log.read_text())
        assert files, log.read_text()
        yield Cluster(
            url=f"http://127.0.0.1:{ports['CLUSTER_PORT']}",
            dir=Path(files.group(1)),
            replicas=replicas,
            db_port=ports["DB_PORT"],
            redis_port=ports["REDIS_PORT"],
            process=process,
        )
    finally:
        stop(process)  # cluster.sh stops every part by PID, restarted ones included
