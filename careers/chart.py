"""The ranked figures as a PNG bar chart (for the web widget; the shell and Slack get
`rank.text_bars`). Made from the knowledge base with matplotlib's non-interactive Agg backend:
no display, no files, no network.
"""

from __future__ import annotations

import functools
import io

import matplotlib

matplotlib.use("Agg")  # before pyplot: a server has no display
import matplotlib.pyplot as plt  # noqa: E402

from careers import knowledge, rank, render  # noqa: E402
from careers.knowledge import KnowledgeBase  # noqa: E402

PROXY_COLOUR, OWN_COLOUR = "#9bb7d4", "#1f5f99"


def title(ranking: rank.Ranking) -> str:
    """Source, statistic, geography and period, as the chart's title says them."""
    return rank.heading(ranking)


def png(kb: KnowledgeBase, dimension_id: str) -> bytes:
    """The ranking of every role on the dimension as a horizontal bar chart, highest on top;
    stand-in bars lighter and labelled, every bar with its figure."""
    ranking = rank.rank(kb, dimension_id)
    if ranking is None:
        raise ValueError(f"no comparable figures to chart for {dimension_id!r}")
    entries = list(reversed(ranking.entries))  # barh draws bottom-up
    labels = [rank.label(kb, e, short=True).replace(" = ", "\n= ") for e in entries]
    values = [e.figure.value for e in entries]
    colours = [OWN_COLOUR if e.figure.own else PROXY_COLOUR for e in entries]
    height = 1.2 + 0.75 * sum(label.count("\n") + 1 for label in labels)
    figure, axes = plt.subplots(figsize=(9, max(3.5, height)), dpi=100)
    try:
        bars = axes.barh(range(len(entries)), values, color=colours)
        axes.set_yticks(range(len(entries)), labels, fontsize=9)
        for bar, entry in zip(bars, entries, strict=True):
            axes.text(
                bar.get_width(),
                bar.get_y() + bar.get_height() / 2,
                f" {render.value(entry.figure)}",
                va="center",
                fontsize=9,
            )
        axes.set_xlim(0, max(values) * 1.3)
        axes.set_xticks([])
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.set_title(_wrap(title(ranking)), fontsize=10, loc="left")
        notes = ["Light bars: proxy or group figures (another occupation stands in for the role)."]
        if ranking.not_comparable:
            left = render.join_names([kb.roles[r].plural for r, _ in ranking.not_comparable])
            notes.append(f"Not comparable, so not shown: {left}.")
        figure.text(0.01, 0.01, _wrap(" ".join(notes), 120), fontsize=8, color="#444444")
        figure.tight_layout(rect=(0, 0.07, 1, 1))
        out = io.BytesIO()
        figure.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(figure)


def _wrap(text: str, width: int = 90) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


@functools.cache
def cached_png(dimension_id: str) -> bytes:
    """The project's chart, made once per process (the knowledge base is read once too)."""
    return png(knowledge.default(), dimension_id)


def path(dimension_id: str) -> str:
    """The chart's address on the page's own web server, relative to the page."""
    return f"chart/{dimension_id}.png"
