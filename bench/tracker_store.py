"""What a turn costs in the tracker store: Rasa's SQL store vs ours (addons/stores/tracker_store.py),
in one process, interleaved turn by turn, on SQLite and on a throwaway PostgreSQL server.

    python -m bench.tracker_store [--turns 300]

Each turn loads the conversation's latest session, adds one turn's events (a user message with
a parse result the size of ours, the action, a slot, the answer, action_listen; a new session
every 10 turns, as addons/patches/session_length.py does) and saves it. Interleaving puts the shared machine's
slow moments on both stores; the figures in bench/NOTES.md come from here.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import sqlalchemy as sa  # noqa: E402
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import (  # noqa: E402
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from addons.stores.tracker_store import AppendingSQLTrackerStore, _sqlite_write_ahead_log  # noqa: E402
from harness.postgres import postgres_server  # noqa: E402

DOMAIN = Domain.from_yaml("version: '3.1'\nslots:\n  role:\n    type: text\n    mappings: [{type: custom}]\n")
RANKING = [{"name": f"intent_{i}", "confidence": 0.1} for i in range(10)]


def turn(n: int) -> list[Event]:
    parse = {
        "intent": {"name": "ask_role_salary", "confidence": 0.9},
        "entities": [{"entity": "role", "value": "data_scientist", "start": 0, "end": 4}],
        "intent_ranking": RANKING,
        "text": f"how much do data scientists earn? {n}",
    }
    events: list[Event] = []
    if n % 10 == 0:
        events += [
            ActionExecuted("action_session_start"),
            SessionStarted(),
            SlotSet("role", "data_scientist"),
        ]
        events.append(ActionExecuted("action_listen"))
    return [
        *events,
        UserUttered(parse["text"], parse["intent"], parse["entities"], parse_data=parse),
        ActionExecuted("action_answer_role"),
        SlotSet("role", "data_scientist"),
        BotUttered("Data Scientists: salary " + "x" * 400),
        ActionExecuted("action_listen"),
    ]


async def one_turn(store: TrackerStore, sender: str, n: int) -> tuple[float, float]:
    began = time.perf_counter()
    tracker = await store.get_or_create_tracker(sender)
    loaded = time.perf_counter()
    for event in turn(n):
        tracker.update(event)
    await store.save(tracker)
    return loaded - began, time.perf_counter() - loaded


async def compare(stores: dict[str, TrackerStore], turns: int) -> dict[str, tuple[float, float]]:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in stores}
    for n in range(turns):
        for name, store in stores.items():
            times[name].append(await one_turn(store, f"bench-{name}", n))
    return {
        name: (statistics.median(t[0] for t in got), statistics.median(t[1] for t in got))
        for name, got in times.items()
    }


def report(database: str, medians: dict[str, tuple[float, float]]) -> None:
    for name, (load, save) in medians.items():
        print(f"{database:10} {name:6} load {load * 1000:6.2f} ms  save {save * 1000:6.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    turns = parser.parse_args().turns
    with tempfile.TemporaryDirectory() as tmp:
        stock = SQLTrackerStore(DOMAIN, dialect="sqlite", db=f"{tmp}/rasa.db")
        # As the project ran it before its own store: with the write-ahead log.
        sa.event.listen(stock.engine, "connect", _sqlite_write_ahead_log)
        stores: dict[str, TrackerStore] = {
            "rasa": stock,
            "ours": AppendingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=f"{tmp}/ours.db"),
        }
        report("SQLite", asyncio.run(compare(stores, turns)))
    with postgres_server() as pg:
        settings = {
            "dialect": "postgresql",
            "host": pg.host,
            "port": pg.port,
            "db": pg.db,
            "username": pg.user,
        }
        stores = {
            "rasa": SQLTrackerStore(DOMAIN, **settings),
            "ours": AppendingSQLTrackerStore(DOMAIN, **settings),
        }
        # Each its own conversation in the same table, as in production.
        report("PostgreSQL", asyncio.run(compare(stores, turns)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
