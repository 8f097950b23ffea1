"""Where the report and the review files go: a new file per run, named by its UTC time."""

from __future__ import annotations

import datetime
from pathlib import Path


def new_file(folder: Path, prefix: str, suffix: str, now: float) -> Path:
    """folder/<prefix>-YYYY-MM-DD-HHMMSS<suffix>, with -2, -3... when two runs share a second."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.fromtimestamp(now, datetime.timezone.utc).strftime("%Y-%m-%d-%H%M%S")
    path, n = folder / f"{prefix}-{stamp}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{prefix}-{stamp}-{n}{suffix}"
    return path
