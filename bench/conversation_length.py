"""Latency by conversation length: does turn 200 of one conversation cost more than turn 1?

Stock Rasa loads, featurizes and saves the whole tracker on every turn, so a long conversation
slows down (issue 6 targets turn 200 ≤ 1.5 × turn 1). One sender asks a rotating set of
questions for 200 turns; the figure at turn n is the median of turns n-2..n+2 (turn 1: 1..5).
A first piece of `make bench` (issue 6); run it with `.venv/bin/python bench/conversation_length.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.loadtest import QUESTIONS  # noqa: E402  (run as a script too)
from tests.servers import running_stack  # noqa: E402

TURNS = 202
MARKS = (1, 10, 50, 200)


def main() -> int:
    with (
        tempfile.TemporaryDirectory(prefix="length-") as workdir,
        running_stack(Path(workdir), env={"REST_RATE_LIMIT_PER_MINUTE": "1000000"}) as stack,
    ):
        latencies = []
        for turn in range(1, TURNS + 1):
            began = time.monotonic()
            stack.say("long-conversation", QUESTIONS[turn % len(QUESTIONS)])
            latencies.append(time.monotonic() - began)
    for mark in MARKS:
        window = latencies[max(0, mark - 3) : mark + 2] if mark > 1 else latencies[:5]
        print(f"turn {mark:>3}: {statistics.median(window) * 1000:.0f} ms")
    first = statistics.median(latencies[:5])
    last = statistics.median(latencies[197:202])
    print(f"turn 200 / turn 1: {last / first:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
