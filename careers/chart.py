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
from matplotlib.figure import Figure  # noqa: E402

from careers import knowledge, pay_bars, rank, render  # noqa: E402
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


# --- the place chart: narrow enough for a phone ------------------------------------------------

# 4.5 in at 100 dpi is 450 px; shown 390 px wide on a phone, 11 pt (15 px here) is 13 px there.
PHONE_WIDTH_IN, PHONE_DPI, PHONE_FONT_PT = 4.5, 100, 11
_LABEL_CHARS, _TITLE_CHARS = 44, 40
_LINE_IN, _BAR_IN, _GAP_IN = 0.22, 0.3, 0.16


def bars_figure(bars: pay_bars.Bars) -> Figure:
    """The figure of `bars_png`: each bar under its label (labels get the whole width, so none
    is shrunk), its value at its end, the title, source and release on top, notes below."""
    if not bars.bars:
        raise ValueError("no bars to draw")
    labels = [_wrap(b.label, _LABEL_CHARS) for b in bars.bars]
    title = _wrap(bars.title, _TITLE_CHARS) + f"\nSource: {bars.source}"
    legend = (
        "Light bars: a proxy occupation's figure, standing in for the role."
        if any(b.stand_in for b in bars.bars)
        else ""
    )
    note = _wrap(" ".join(n for n in (legend, bars.note) if n), _LABEL_CHARS + 4)
    rows = [_LINE_IN * (label.count("\n") + 1) + _BAR_IN + _GAP_IN for label in labels]
    head = _LINE_IN * 1.25 * (title.count("\n") + 1) + 0.15
    foot = _LINE_IN * (note.count("\n") + 1) + 0.15 if note else 0.1
    height = head + sum(rows) + foot
    figure = plt.figure(figsize=(PHONE_WIDTH_IN, height), dpi=PHONE_DPI)
    axes = figure.add_axes((0.03, foot / height, 0.94, sum(rows) / height))
    top = max(b.value for b in bars.bars)
    axes.set_xlim(0, top)
    axes.set_ylim(sum(rows), 0)  # one unit is one inch, top down
    axes.axis("off")
    y = 0.0
    for bar, label, row in zip(bars.bars, labels, rows, strict=True):
        axes.text(0, y, label, va="top", ha="left", fontsize=PHONE_FONT_PT)
        centre = y + row - _GAP_IN - _BAR_IN / 2
        axes.barh(centre, bar.value, height=_BAR_IN, color=PROXY_COLOUR if bar.stand_in else OWN_COLOUR)
        inside = bar.value >= 0.6 * top
        axes.text(
            bar.value * (0.98 if inside else 1.0) + (0 if inside else top * 0.02),
            centre,
            bar.text,
            va="center",
            ha="right" if inside else "left",
            fontsize=PHONE_FONT_PT,
            color="white" if inside and not bar.stand_in else "black",
        )
        y += row
    figure.text(
        0.03, 1 - 0.08 / height, title, va="top", ha="left", fontsize=PHONE_FONT_PT + 1, weight="bold"
    )
    if note:
        figure.text(
            0.03, 0.06 / height, note, va="bottom", ha="left", fontsize=PHONE_FONT_PT, color="#333333"
        )
    return figure


def bars_png(bars: pay_bars.Bars) -> bytes:
    """A place chart (the places or roles asked about) as a PNG a phone shows legibly."""
    figure = bars_figure(bars)
    try:
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=PHONE_DPI)
        return out.getvalue()
    finally:
        plt.close(figure)
