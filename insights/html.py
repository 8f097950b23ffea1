"""The report as one self-contained, accessible HTML page: every chart is an image inside the
page with a text alternative, and every figure is also in a table (a screen reader reads the
tables; axe-core checks the page in tests/e2e/test_report.py)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape

from careers import knowledge
from careers.feedback import kind_name
from insights import charts
from insights.clusters import MAX_TEXTS, Grouping
from insights.figures import OUTCOMES, Figures
from insights.journeys import BEFORE_FIRST, questions

TOP = 15  # rows of a "most asked" table
GROUPS_SHOWN = 40

STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto;
       max-width: 60rem; padding: 1rem; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; }
.note { color: #3d3d3d; }
.cols { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
"""


def _date(timestamp: float) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A table; numbers are right-aligned. Every cell is escaped."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            if index == 0:
                cells.append(f'<th scope="row">{escape(str(cell))}</th>')
            elif isinstance(cell, (int, float)):
                cells.append(f'<td class="n">{cell}</td>')
            else:
                cells.append(f"<td>{escape(str(cell))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}">None in this period.</td></tr>')
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def image(source: str, alt: str) -> str:
    return f'<img src="{source}" alt="{escape(alt)}">'


@cache
def role_names() -> dict[str, str]:
    """A role's name as people read it ("Data Engineer"), for the ids the events hold."""
    return {role.id: role.name for role in knowledge.load().roles.values()}


def _top(counter: Counter[str], caption: str, what: str) -> str:
    total = sum(counter.values())
    named = role_names() if what == "role" else {}
    rows = [(named.get(name, name), count, _share(count, total)) for name, count in counter.most_common(TOP)]
    return table(caption, [what, "messages", "share"], rows)


def _days(figures: Figures) -> list[str]:
    first = datetime.datetime.fromtimestamp(figures.since, datetime.timezone.utc).date()
    last = datetime.datetime.fromtimestamp(figures.until - 1, datetime.timezone.utc).date()
    days = (last - first).days + 1
    return [(first + datetime.timedelta(days=n)).isoformat() for n in range(max(0, min(days, 366)))]


def traffic(figures: Figures) -> str:
    days = _days(figures)
    conversations = [figures.conversations_per_day[d] for d in days]
    messages = [figures.messages_per_day[d] for d in days]
    busiest = max(days, key=lambda d: figures.messages_per_day[d], default="")
    alt = (
        f"Bar chart of conversations and messages per day from {days[0] if days else ''} to "
        f"{days[-1] if days else ''}; the busiest day was {busiest} with "
        f"{figures.messages_per_day[busiest]} messages."
    )
    channels = sorted(set(figures.conversations_per_channel) | set(figures.messages_per_channel))
    per_channel = [
        (c, figures.conversations_per_channel[c], figures.messages_per_channel[c]) for c in channels
    ]
    active = [
        (d, figures.conversations_per_day[d], figures.messages_per_day[d])
        for d in days
        if figures.messages_per_day[d]
    ]
    return (
        "<h2>Conversations and messages</h2>"
        f"<p>{figures.conversations} conversations and {figures.messages} messages from people.</p>"
        + image(charts.per_day(days, conversations, messages), alt)
        + '<div class="cols">'
        + table("Per channel", ["channel", "conversations", "messages"], per_channel)
        + table("Per day (days with messages)", ["day", "conversations", "messages"], active)
        + "</div>"
    )


def asked(figures: Figures) -> str:
    total = sum(figures.outcomes.values())
    outcomes = [(o, figures.outcomes[o], _share(figures.outcomes[o], total)) for o in OUTCOMES]
    top = figures.intents.most_common(TOP)
    chart = ""
    if top:
        alt = "Bar chart of the most frequent intents: " + ", ".join(f"{n} {c}" for n, c in top[:5]) + "."
        chart = image(charts.bars([n for n, _ in top], [c for _, c in top], "messages"), alt)
    return (
        "<h2>What people ask</h2>"
        + table("How messages were answered", ["outcome", "messages", "share"], outcomes)
        + '<p class="note">Out of scope: turned away as outside careers in data. Fell back: not '
        "understood. Low confidence: read with less confidence than the fallback threshold.</p>"
        + chart
        + _top(figures.intents, "Intents", "intent")
        + '<div class="cols">'
        + _top(figures.roles, "Roles", "role")
        + _top(figures.aspects, "Aspects", "aspect")
        + _top(figures.places, "Places", "place")
        + "</div>"
    )


def unanswered(grouping: Grouping) -> str:
    rows = [
        (
            g.example,
            g.count,
            g.conversations,
            g.texts,
            ", ".join(f"{r} {c}" for r, c in g.reasons.most_common()),
            ", ".join(n for n, _ in g.guesses.most_common(2)),
        )
        for g in grouping.groups[:GROUPS_SHOWN]
    ]
    note = ""
    if len(grouping.groups) > GROUPS_SHOWN:
        note += f"<p class='note'>The {GROUPS_SHOWN} largest of {len(grouping.groups)} groups.</p>"
    if grouping.left_out_texts:
        note += (
            f"<p class='note'>Only the {MAX_TEXTS} most frequent distinct texts are grouped: "
            f"{grouping.left_out_texts} rarer texts ({grouping.left_out_messages} messages) "
            "are not shown.</p>"
        )
    return (
        "<h2>What the assistant could not answer</h2>"
        "<p>Messages that fell back, were turned away as out of scope, or were read below the "
        "confidence threshold, grouped by similar wording. E-mail addresses, phone numbers and "
        "web addresses are masked.</p>"
        + table(
            "Groups of similar messages",
            ["example", "messages", "conversations", "distinct texts", "why", "intent guessed"],
            rows,
        )
        + note
    )


def path(figures: Figures) -> str:
    journeys = figures.path
    numbers = sorted(journeys.reached)
    steps = [("started", journeys.started)]
    # The question most often asked at each number (the path skips questions already answered).
    ids = {n: journeys.reached_ids_at[n].most_common(1)[0][0] for n in numbers if journeys.reached_ids_at[n]}
    steps += [(f"question {n}" + (f" ({ids[n]})" if n in ids else ""), journeys.reached[n]) for n in numbers]
    steps += [("result", journeys.results)]
    rows = [(name, count, _share(count, journeys.started)) for name, count in steps]
    alt = "Funnel of the guided path: " + ", ".join(f"{n} {c}" for n, c in steps) + "."
    names = {qid: ask for qid, ask in questions()}
    left = [
        (qid if qid == BEFORE_FIRST else f"{qid}: {names.get(qid, '')}", count)
        for qid, count in journeys.left_at.most_common()
    ]
    chart = (
        image(charts.bars([n for n, _ in steps], [c for _, c in steps], "paths"), alt)
        if journeys.started
        else ""
    )
    return (
        "<h2>The guided path</h2>"
        + chart
        + table("Paths reaching each step", ["step", "paths", "share of started"], rows)
        + table("Where people left the path (the last question they saw)", ["question", "paths"], left)
    )


def recommendations(figures: Figures) -> str:
    journeys = figures.path
    given = sum(journeys.recommendations.values())
    return (
        "<h2>Recommendations and what people did next</h2>"
        + '<div class="cols">'
        + table(
            "Roles recommended",
            ["role", "recommendations", "share"],
            [
                (role_names().get(r, r), c, _share(c, given))
                for r, c in journeys.recommendations.most_common()
            ],
        )
        + table(
            "What people did next",
            ["next step", "recommendations", "share"],
            [(s, c, _share(c, given)) for s, c in journeys.next_steps.most_common()],
        )
        + "</div>"
    )


def feedback(figures: Figures) -> str:
    journeys = figures.path
    rows = [
        (kind_name(kind), votes["up"], votes["down"], _share(votes["up"], votes["up"] + votes["down"]))
        for kind, votes in sorted(journeys.feedback.items())
    ]
    missing = [
        (text, kind_name(kind), count) for (kind, text), count in journeys.missing.most_common(TOP * 2)
    ]
    return (
        "<h2>Feedback per kind of answer</h2>"
        + table("Ratings", ["kind of answer", "helpful", "not helpful", "share helpful"], rows)
        + table(
            "What was missing, in people's words", ["what was missing", "kind of answer", "times"], missing
        )
    )


def page(figures: Figures, grouping: Grouping, generated: float) -> str:
    period = f"{_date(figures.since)} until {_date(figures.until)}"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Career guide: what people ask, {escape(period)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>Career guide: what people ask</h1><p>From {escape(period)}. "
        f"Generated {escape(_date(generated))}. "
        "Sender ids are never shown; deleted conversations are left out.</p></header><main>"
        + traffic(figures)
        + asked(figures)
        + unanswered(grouping)
        + path(figures)
        + recommendations(figures)
        + feedback(figures)
        + "</main></body></html>"
    )
