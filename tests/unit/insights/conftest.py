"""Small tracker stores built in the tests: a SQLite file and a throwaway PostgreSQL server, each
named by an endpoints file, as `make report` finds them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from harness import events as ev
from harness.postgres import postgres_server
from harness.servers import TRACKER_STORE
from insights.store import database_url

Writer = Callable[[list[tuple[str, list[ev.Event]]]], None]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def endpoints(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp(request.param)
    path = folder / "endpoints.yml"
    if request.param == "sqlite":
        store = f"  type: {TRACKER_STORE}\n  dialect: sqlite\n  db: {folder / 'conversations.db'}\n"
        path.write_text(f"tracker_store:\n{store}", encoding="utf-8")
        yield path
        return
    with postgres_server() as pg:
        store = (
            f"  type: {TRACKER_STORE}\n  dialect: postgresql\n  url: {pg.host}\n  port: {pg.port}\n"
            f"  db: {pg.db}\n  username: {pg.user}\n  password: ''\n"
        )
        path.write_text(f"tracker_store:\n{store}", encoding="utf-8")
        yield path


@pytest.fixture()
def url(endpoints: Path) -> Iterator[Any]:
    """The store's URL, emptied after each test."""
    found = database_url(str(endpoints))
    yield found
    engine = sa.create_engine(found)
    with engine.begin() as connection:
        connection.execute(ev.events_table().delete())
    engine.dispose()


@pytest.fixture()
def write(url: Any) -> Writer:
    return lambda conversations: ev.write(url, conversations)
