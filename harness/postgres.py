"""A throwaway PostgreSQL server on loopback, for the tracker store tests (Debian's postgresql)."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg2

from harness.servers import free_port


@dataclass(frozen=True)
class Postgres:
    host: str
    port: int
    user: str
    db: str

    def connect(self, db: str | None = None) -> Any:
        return psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname=db or self.db)


def _as_postgres(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; as any other user it runs as that user.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        raise RuntimeError("PostgreSQL is not installed: run `make test-deps` (apt-get install postgresql)")
    bin_dir = binaries[-1]
    data = tempfile.mkdtemp(prefix="career-guide-pg-")
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    subprocess.run(
        _as_postgres([f"{bin_dir}/initdb", "-D", data, "--auth=trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        _as_postgres(
            [
                f"{bin_dir}/postgres",
                "-D",
                data,
                "-p",
                str(port),
                "-k",
                data,
                "-c",
                "listen_addresses=127.0.0.1",
            ]
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        admin = Postgres("127.0.0.1", port, "postgres", "postgres")
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = admin.connect()
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        connection.autocommit = True
        connection.cursor().execute("CREATE DATABASE rasa")
        connection.close()
        yield Postgres("127.0.0.1", port, "postgres", "rasa")
    finally:
        os.killpg(server.pid, signal.SIGINT)  # PostgreSQL's "fast" shutdown
        server.wait(timeout=60)
        shutil.rmtree(data, ignore_errors=True)
