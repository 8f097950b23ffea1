"""`make prune DAYS=90`: deletes the conversations idle for more than DAYS days, says how many.

    python -m scripts.prune prune --days 90 [--endpoints endpoints.yml]

Reads the tracker store from the endpoints file (SQLite by default; ENDPOINTS=endpoints.postgres.yml
or endpoints.cluster.yml with their DB_* variables for PostgreSQL). A conversation is idle when its
latest stored event is older than DAYS days; all its events go (tracker_store.py `prune_idle`).
"""

from __future__ import annotations

import argparse
import sys

from rasa.core.tracker_store import TrackerStore
from rasa.utils.endpoints import read_endpoint_config

from addons.stores.tracker_store import AppendingSQLTrackerStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.prune", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prune = commands.add_parser("prune", help="delete conversations idle for more than --days days")
    prune.add_argument("--days", type=float, required=True)
    prune.add_argument("--endpoints", default="endpoints.yml")
    args = parser.parse_args(argv)

    config = read_endpoint_config(args.endpoints, "tracker_store")
    store = TrackerStore.create(config)
    if not isinstance(store, AppendingSQLTrackerStore):
        print(
            f"{args.endpoints} does not name addons.stores.tracker_store.AppendingSQLTrackerStore.",
            file=sys.stderr,
        )
        return 2
    try:
        count = store.prune_idle(args.days)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    print(f"Deleted {count} conversations idle for more than {args.days:g} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
