"""Charts as PNG images inside the page (matplotlib, no display): the report is one file."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the Agg backend)
from matplotlib.ticker import MaxNLocator  # noqa: E402

# Dark enough on white for text and bars alike (contrast above 4.5:1).
INK, BAR, SECOND = "#1a1a1a", "#1f5a96", "#b3541e"


def _png(figure: plt.Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def bars(labels: Sequence[str], values: Sequence[float], xlabel: str) -> str:
    """Horizontal bars, largest first from the top, as a data: URL."""
    height = 0.9 + 0.32 * max(1, len(labels))
    figure, axes = plt.subplots(figsize=(7.5, height))
    positions = range(len(labels))
    axes.barh(list(positions), list(values), color=BAR)
    axes.set_yticks(list(positions), labels=list(labels), color=INK)
    axes.invert_yaxis()
    axes.set_xlabel(xlabel, color=INK)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.2 of a path
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    return _png(figure)


def per_day(days: Sequence[str], conversations: Sequence[int], messages: Sequence[int]) -> str:
    """Conversations and messages per day, two bars a day, as a data: URL."""
    figure, axes = plt.subplots(figsize=(9, 3.2))
    positions = list(range(len(days)))
    axes.bar([p - 0.2 for p in positions], list(conversations), width=0.4, color=BAR, label="conversations")
    axes.bar([p + 0.2 for p in positions], list(messages), width=0.4, color=SECOND, label="messages")
    step = max(1, len(days) // 10)
    axes.set_xticks(positions[::step], labels=[d[5:] for d in days[::step]], color=INK)
    axes.legend(frameon=False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    return _png(figure)
