"""`make review`: the messages the assistant could not answer since the last review, as Rasa NLU
training data to label, under reviews/ (its path is printed).

    python -m scripts.review [--endpoints endpoints.yml] [--out reviews]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", default=os.environ.get("ENDPOINTS") or "endpoints.yml")
    parser.add_argument("--out", default="reviews", help="the folder of review files and of its state")
    args = parser.parse_args(argv)
    os.environ.setdefault("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")  # Rasa 3.6 pins SQLAlchemy 1.4
    from insights import review
    from insights.store import Unreadable, conversations, readable

    now = time.time()
    folder = Path(args.out)
    after = review.last_reviewed(folder)
    try:
        url = readable(args.endpoints)
    except Unreadable as problem:
        print(problem, file=sys.stderr)
        return problem.status
    # Up to a second past now: a message being stored as this runs is in this review, not lost.
    found = review.items(conversations(url, after, now + 1), after)
    path = review.write(folder, found, now)
    print(f"{len(found)} messages to label: {path.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
