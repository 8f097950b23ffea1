"""Chat-size first answers, with the full detail one click (or one "tell me more") away.

A first answer fits a phone screen (at most MAX_CHARS characters): the verdict or the key
points, each figure with its source and period, then buttons (buttons) for the rest. The
detail behind the "more" choice is exactly today's full answer: `roles.describe` for one role,
`compare.compare` for a comparison. Nothing here invents or rounds a figure: every figure shown
is a knowledge-base record rendered by `render.figure_line`, which carries its source and period.

A detail is named by a key that travels in the "more" button's payload (entity `detail`):
"role/<aspect>/<role id>", "compare/<aspect>/<role id>+<role id>...", "compare/all/..." or
"sources".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping, Sequence

from careers import compare, names, pay, render, roles, sources
from careers.answer import MAX_BUTTONS, Answer, Button, add_while_fits, fits, more_button
from careers.knowledge import Figure, KnowledgeBase
from careers.wages_kb import Wages

HEADLINE_FIGURES = 2  # figures in a one-role first answer, before "All ... figures"
# Aspects offered as "Compare on ..." after a short overall comparison, when they exist.
COMPARE_FIRST = ("salary", "outlook", "skills")
ALL_ASPECTS = "all"


HELP_ME_CHOOSE = Button("Help me choose", names.START_PATH)


def role_key(role_id: str, aspect_id: str) -> str:
    return f"role/{aspect_id}/{role_id}"


def compare_key(role_ids: Sequence[str], aspect_id: str | None) -> str:
    return f"compare/{aspect_id or ALL_ASPECTS}/{'+'.join(role_ids)}"


def headline_figures(figures: Sequence[Figure]) -> list[Figure]:
    """The first figure the knowledge base lists (its authors put the key one first), then the
    latest median if there is one (the official statistic people look for), else the next
    figure of another kind."""
    if not figures:
        return []
    chosen = [figures[0]]
    medians = [f for f in figures[1:] if f.kind == "median"]
    others = [f for f in figures[1:] if f.kind != figures[0].kind]
    if medians:
        chosen.append(medians[-1])  # listed oldest first, like the knowledge base does
    elif others:
        chosen.append(others[0])
    return chosen[:HEADLINE_FIGURES]


def _compare_button(kb: KnowledgeBase, aspect_id: str) -> Button | None:
    if len(kb.roles) < 2:
        return None
    if aspect_id == "overview":
        return Button("Compare the roles", names.COMPARE_ROLES)
    return Button(
        f"Compare on {kb.aspects[aspect_id].title.lower()}", names.COMPARE_ROLES, {"aspect": aspect_id}
    )


def _start(lead: str, heading: str) -> list[str]:
    """The first lines: an optional sentence the caller puts first (what the figures cover,
    say), then the heading. The lead counts toward MAX_CHARS like everything else."""
    return [lead, heading] if lead else [heading]


def role_answer(kb: KnowledgeBase, role_id: str, aspect_id: str, lead: str = "") -> Answer:
    """The first answer about one aspect of one role; `lead`, if given, comes first."""
    role = kb.roles[role_id]
    aspect = kb.aspects[aspect_id]
    section = role.section(aspect_id)
    lines = _start(lead, f"{role.plural}: {aspect.title.lower()}")
    first_body_line = len(lines)
    more = ""
    if section.figures:
        shown = headline_figures(section.figures)
        add_while_fits(lines, [render.figure_line(f, kb) for f in shown], reserve=120)
        more = f"All {len(section.figures)} {aspect.title.lower()} figures"
        hidden = len(section.figures) - (len(lines) - first_body_line)
        if hidden:
            sources = len({f.source for f in section.figures})
            figures_word = "figure" if hidden == 1 else "figures"
            sources_word = "source" if sources == 1 else "sources"
            lines.append(f'{hidden} more {figures_word} ({sources} {sources_word} in all) under "{more}".')
    else:
        shown_points = add_while_fits(lines, [f"- {p}" for p in section.points], reserve=80)
        if not shown_points:  # a first point too long for a phone: its one-line summary instead
            lines.append(f"In short: {section.summary}.")
        sources_line = render.sources_line(section.sources, kb)
        if fits(lines, sources_line):
            lines.append(sources_line)
        full = roles.describe(kb, role_id, aspect_id)
        if full != "\n".join(lines[first_body_line - 1 :]):
            more = "More about the role" if aspect_id == "overview" else f"More on {aspect.title.lower()}"
    buttons = [more_button(more, role_key(role_id, aspect_id))] if more else []
    compare_on = _compare_button(kb, aspect_id)
    if compare_on:
        buttons.append(compare_on)
    buttons.append(HELP_ME_CHOOSE)
    return Answer("\n".join(lines), tuple(buttons))


NAMED_IN_TITLE = 3  # more roles than this: "The 6 roles", and each verdict shows the leader only


def _title(kb: KnowledgeBase, role_ids: Sequence[str]) -> str:
    return compare.title(kb, role_ids, NAMED_IN_TITLE)


def _verdict_line(kb: KnowledgeBase, verdict: compare.Verdict) -> str:
    return compare.verdict_line(kb, verdict, NAMED_IN_TITLE)


def _figures_comparison(kb: KnowledgeBase, role_ids: Sequence[str], aspect_id: str, lines: list[str]) -> None:
    found = compare.verdicts(kb, role_ids, aspect_id)
    if not found:
        lines.append("No source gives a like-for-like figure for every role, so there is no fair ranking.")
        # Each role's key figure, as what it is, so the person still sees numbers.
        firsts = [kb.roles[r].section(aspect_id).figures[:1] for r in role_ids]
        candidates = [
            f"- {kb.roles[r].plural}: {render.figure_line(f[0], kb)[2:]}"
            for r, f in zip(role_ids, firsts, strict=True)
            if f
        ]
        add_while_fits(lines, candidates, reserve=60)
        return
    leaders = list(dict.fromkeys(v.leader for v in found))
    if len(leaders) > 1:
        lines.append("The sources disagree, so there is no single answer. Like for like:")
        # One result for each way the sources point, first of each.
        shown = [next(v for v in found if v.leader == leader) for leader in leaders]
    else:
        leader = leaders[0]
        winner = "no role ahead" if leader is None else f"{kb.roles[leader].plural} ahead"
        lines.append(f"Every like-for-like source agrees: {winner}.")
        shown = found
    # With a long lead sentence (what the figures don't cover) the amounts may not fit: then
    # each result without them, and the amounts are one click away.
    for render_line in (_verdict_line, _verdict_outcome, _verdict_outcome_short):
        candidates = [render_line(kb, v) for v in shown]
        if fits(lines, "\n".join(candidates)):
            lines += candidates
            return
    add_while_fits(lines, candidates)


def _outcome(kb: KnowledgeBase, verdict: compare.Verdict) -> str:
    return compare.outcome(kb, verdict, tie="the same for all")


def _verdict_outcome(kb: KnowledgeBase, verdict: compare.Verdict) -> str:
    source = kb.sources[verdict.source].name
    return f"- By {source} ({verdict.what}, {verdict.period}): {_outcome(kb, verdict)}."


def _verdict_outcome_short(kb: KnowledgeBase, verdict: compare.Verdict) -> str:
    return f"- {kb.sources[verdict.source].name} ({verdict.period}): {_outcome(kb, verdict)}."


def compare_answer(
    kb: KnowledgeBase, role_ids: Sequence[str], aspect_id: str | None, lead: str = ""
) -> Answer:
    """The first answer to a comparison: the verdict first, then the way to every figure;
    `lead`, if given, comes before it."""
    key = compare_key(role_ids, aspect_id)
    if aspect_id is None:
        return _compare_all_answer(kb, role_ids, key, lead)
    aspect = kb.aspects[aspect_id]
    lines = _start(lead, f"{_title(kb, role_ids)}: {aspect.title.lower()}")
    has_figures = any(kb.roles[r].section(aspect_id).figures for r in role_ids)
    if has_figures:
        _figures_comparison(kb, role_ids, aspect_id, lines)
        more = f"All {aspect.title.lower()} figures"
    else:
        summaries = [f"- {kb.roles[r].name}: {kb.roles[r].section(aspect_id).summary}." for r in role_ids]
        shown = add_while_fits(lines, summaries, reserve=60)
        if shown < len(summaries):
            lines.append(f"{len(summaries) - shown} more roles in the whole comparison.")
        more = "The whole comparison"
    return Answer("\n".join(lines), (more_button(more, key), HELP_ME_CHOOSE))


def _compare_all_answer(kb: KnowledgeBase, role_ids: Sequence[str], key: str, lead: str) -> Answer:
    lines = _start(lead, f"{_title(kb, role_ids)}, in short:")
    note = kb.comparison_note(role_ids, "overview")
    if note and fits(lines, note):
        lines.append(note)
    else:
        summaries = [f"- {kb.roles[r].name}: {kb.roles[r].section('overview').summary}." for r in role_ids]
        add_while_fits(lines, summaries, reserve=60)
    buttons = [more_button("Point by point", key)]
    buttons += [
        Button(f"Compare on {kb.aspects[a].title.lower()}", names.COMPARE_ROLES, {"aspect": a})
        for a in COMPARE_FIRST
        if a in kb.aspects
    ]
    buttons.append(HELP_ME_CHOOSE)
    return Answer("\n".join(lines), tuple(buttons[:MAX_BUTTONS]))


def comparison_answers(
    kb: KnowledgeBase, mentioned_roles: Sequence[str], mentioned_aspects: Sequence[str], lead: str = ""
) -> list[Answer]:
    """The first answers to a comparison question, one per aspect named (every aspect in brief
    when none is); fewer than two known roles named means every role, as in `compare.answer`."""
    role_ids = list(dict.fromkeys(r for r in mentioned_roles if r in kb.roles))
    if len(role_ids) < 2:
        role_ids = list(kb.roles)
    aspect_ids = list(dict.fromkeys(a for a in mentioned_aspects if a in kb.aspects))
    if not aspect_ids:
        return [compare_answer(kb, role_ids, None, lead)]
    # The lead sentence is said once, before the first answer.
    return [compare_answer(kb, role_ids, a, lead if i == 0 else "") for i, a in enumerate(aspect_ids)]


SOURCES_KEY = "sources"


def sources_answer(kb: KnowledgeBase, w: Wages | None = None) -> Answer:
    """Where the figures come from, by publisher; with `w`, the BLS OEWS release behind pay by
    place, level and industry (its date, files and BLS's notice); every title and date behind
    the button."""
    publishers: dict[str, int] = {}
    for source in kb.sources.values():
        publisher = source.name.split(", ")[0]
        publishers[publisher] = publishers.get(publisher, 0) + 1
    long = "; ".join(f"{p} ({n} publications)" if n > 1 else p for p, n in publishers.items())
    short = "; ".join(f"{p} ({n})" if n > 1 else p for p, n in publishers.items())
    each = (
        "Every figure I give names its source and period; where sources disagree I show each "
        "figure rather than picking one."
    )
    oews = pay.sources_lines(w, brief=True) if w is not None else []
    # The publishers by name, as long as the answer stays chat size; else their number.
    variants = [
        [f"My answers come from {len(kb.sources)} sources: {long}.", each],
        [f"My answers come from {len(kb.sources)} sources: {short}."],
        [f"My answers come from {len(kb.sources)} sources by {len(publishers)} publishers."],
    ]
    lines = next((v for v in variants if fits([*v, *oews])), variants[-1]) + oews
    buttons = [more_button("Every source, with its date", SOURCES_KEY)]
    if w is not None:
        buttons.append(more_button("About the pay figures", f"{PAY_PREFIX}sources"))
    return Answer("\n".join(lines), (*buttons, HELP_ME_CHOOSE))


@dataclass(frozen=True)
class Detail:
    """What a detail key names: one role's aspect, roles compared on one aspect (or all), the
    sources, or a pay answer (careers/pay_question.py reads its key)."""

    kind: str  # "role", "compare", "sources" or "pay"
    aspect: str | None
    roles: tuple[str, ...]
    key: str = ""


PAY_PREFIX = "pay/"  # careers/pay.py's keys: pay by place, level and industry, where the jobs are


def parse_key(kb: KnowledgeBase, key: str) -> Detail | None:
    """The detail a key names, or None when it names nothing in this knowledge base (an old
    button after a role file was removed, a hand-typed payload). A pay key is checked against
    the figures by careers/pay_question.py."""
    if key == SOURCES_KEY:
        return Detail("sources", None, ())
    if str(key).startswith(PAY_PREFIX):
        return Detail("pay", None, (), key=str(key))
    parts = str(key).split("/")
    if len(parts) != 3 or parts[0] not in ("role", "compare"):
        return None
    kind, aspect, role_part = parts
    role_ids = tuple(r for r in role_part.split("+") if r)
    if not role_ids or any(r not in kb.roles for r in role_ids):
        return None
    if kind == "role":
        if len(role_ids) != 1 or aspect not in kb.aspects:
            return None
        return Detail("role", aspect, role_ids)
    if aspect == ALL_ASPECTS:
        return Detail("compare", None, role_ids)
    if aspect not in kb.aspects or len(role_ids) < 2:
        return None
    return Detail("compare", aspect, role_ids)


def detail_answer(kb: KnowledgeBase, detail: Detail) -> Answer:
    """The full answer, exactly as sourced as ever, and where to go from it."""
    if detail.kind == "sources":
        return Answer(sources.describe_sources(kb), (HELP_ME_CHOOSE,))
    if detail.kind == "role" and detail.aspect is not None:
        compare_on = _compare_button(kb, detail.aspect)
        buttons = (compare_on, HELP_ME_CHOOSE) if compare_on else (HELP_ME_CHOOSE,)
        return Answer(roles.describe(kb, detail.roles[0], detail.aspect), buttons)
    return Answer(compare.compare(kb, detail.roles, detail.aspect), (HELP_ME_CHOOSE,))


def latest_more_key(buttons_per_message: Sequence[Sequence[Mapping[str, str]]]) -> str | None:
    """The detail key of the latest "more" button the assistant offered, for a typed "tell me
    more". `buttons_per_message` are the assistant's messages' buttons, oldest first."""
    for buttons in reversed(buttons_per_message):
        for button in buttons:
            payload = str(button.get("payload", ""))
            if payload.startswith("/ask_detail"):
                key = payload_key(payload)
                if key:
                    return key
    return None


def payload_key(payload: str) -> str | None:
    """The detail key a button's payload names ('/ask_detail{"detail": "..."}'), else None."""
    start = payload.find("{")
    if start < 0:
        return None
    try:
        entities = json.loads(payload[start:])
    except ValueError:
        return None
    value = entities.get("detail") if isinstance(entities, dict) else None
    return value if isinstance(value, str) else None
