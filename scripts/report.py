"""`make report`: what people ask and what fails, as one HTML page under reports/.

    python -m scripts.report [--endpoints endpoints.yml] [--since YYYY-MM-DD] [--until YYYY-MM-DD]
                             [--out reports]

Reads the conversations of the tracker store the endpoints file names (SQLite by default;
ENDPOINTS=endpoints.postgres.yml or endpoints.cluster.yml with their DB_* variables), from the
start of SINCE to the end of UNTIL (UTC; by default the last 30 days), and prints the page's path.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

DAY = 86400.0
DEFAULT_DAYS = 30


def period(since: str | None, until: str | None, now: float) -> tuple[float, float]:
    """[start, end) in timestamps: SINCE's midnight to the midnight after UNTIL (UTC)."""

    def midnight(text: str) -> float:
        date = datetime.date.fromisoformat(text)
        return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.timezone.utc).timestamp()

    end = midnight(until) + DAY if until else now
    start = midnight(since) if since else end - DEFAULT_DAYS * DAY
    if start >= end:
        raise ValueError(f"SINCE ({since}) must come before UNTIL ({until})")
    return start, end


def arguments(description: str, argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--endpoints", default=os.environ.get("ENDPOINTS") or "endpoints.yml")
    parser.add_argument("--since", default=os.environ.get("SINCE") or None, help="YYYY-MM-DD (UTC)")
    parser.add_argument("--until", default=os.environ.get("UNTIL") or None, help="YYYY-MM-DD (UTC), included")
    parser.add_argument("--out", default="reports", help="the folder to write to")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], argv)
    # The endpoints files name the action server by ${ACTION_SERVER_URL}, which reading them needs.
    os.environ.setdefault("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")  # Rasa 3.6 pins SQLAlchemy 1.4
    from insights import clusters, html
    from insights.figures import collect
    from insights.output import new_file
    from insights.store import Unreadable, conversations, readable

    now = time.time()
    try:
        since, until = period(args.since, args.until, now)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        url = readable(args.endpoints)
    except Unreadable as problem:
        print(problem, file=sys.stderr)
        return problem.status
    figures = collect(conversations(url, since, until), since, until)
    page = html.page(figures, clusters.group(figures.unanswered.values()), now)
    path = new_file(Path(args.out), "report", ".html", now)
    path.write_text(page, encoding="utf-8")
    print(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
