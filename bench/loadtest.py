"""`make loadtest`: 20 simulated users x 20 turns on loopback; errors, latency, throughput, trackers.

python bench/loadtest.py --users 20 --turns 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from harness.load import run_stack_load  # noqa: E402  (run as a script)
from harness.servers import running_stack  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--turns", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="loadtest-") as workdir, running_stack(Path(workdir)) as stack:
        print("servers up; talking...", flush=True)
        report = run_stack_load(stack, args.users, args.turns)
    print(report.summary())
    for error in report.errors[:10]:
        print("error:", error)
    return 0 if not report.errors and not report.tracker_problems else 1


if __name__ == "__main__":
    sys.exit(main())
