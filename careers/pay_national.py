"""Each role's first pay answer, and the detail behind it (issue 18).

The first answer gives the BLS OEWS May 2025 national figures (primary: imported from BLS's own
files) and the change since the knowledge base's May 2024 median of the same occupation ("up
6.8% from $112,590 in May 2024", with that figure's own source). The detail behind its "All ...
salary figures" button lists those figures first, then every figure the role file holds, each
with its source and period, as careers/roles.py always has: nothing older is dropped.

A role without its own occupation is said with its proxy's label (knowledge_base/wages/
occupations.yml) before any figure, exactly as its role file labels its proxy figures.
"""

from __future__ import annotations

from careers import render, wages
from careers.answer import Answer, Button, add_while_fits, fit, fits, more_button
from careers.detail import HELP_ME_CHOOSE, role_answer, role_key
from careers.knowledge import KnowledgeBase
from careers.wages_kb import Estimate, RoleOccupation, Wages

ASPECT = "salary"
BLS = "US Bureau of Labor Statistics"
PERCENTILE_NAMES = {"p10": "10th", "p25": "25th", "median": "median", "p75": "75th", "p90": "90th"}


def _label_line(entry: RoleOccupation) -> list[str]:
    return [f"{entry.label[0].upper()}{entry.label[1:]}:"] if entry.label else []


def _median_line(kb: KnowledgeBase, w: Wages, entry: RoleOccupation, estimate: Estimate, source: str) -> str:
    line = f"- Median annual pay: {wages.money(estimate.median)} a year (US, {w.release.name}; {source})"
    change = wages.change_since(kb, w, entry.soc)
    if change is not None:
        previous = render.source_label(kb.sources[change.previous.source], change.previous.status)
        line += f", {change.phrase()} ({previous.replace(BLS, 'BLS')})"
    return line


def _spread_line(estimate: Estimate) -> str:
    low, high = estimate.p10, estimate.p90
    if not (low.published or low.at_least) or not (high.published or high.at_least):
        return ""
    return (
        f"- The lowest-paid 10% earn less than {wages.money(low)}; the best-paid 10% more than "
        f"{wages.money(high)} (same release)"
    )


def _usable(w: Wages, role_id: str) -> tuple[RoleOccupation, Estimate] | None:
    entry = w.roles.get(role_id)
    estimate = w.estimate(entry.soc) if entry else None
    if entry is None or estimate is None or not estimate.median.published:
        return None
    return entry, estimate


def figure_count(kb: KnowledgeBase, w: Wages, role_id: str) -> int:
    """The figures behind the "All ... salary figures" button: the role file's, and the May
    2025 national figures as one."""
    return len(kb.roles[role_id].section(ASPECT).figures) + (1 if _usable(w, role_id) else 0)


def first_answer(kb: KnowledgeBase, w: Wages, role_id: str, lead: str = "") -> Answer:
    """What a role earns in the US: the May 2025 median with its change since May 2024 and the
    spread; every other figure one click away. Without May 2025 figures, the role file's."""
    found = _usable(w, role_id)
    if found is None:
        return role_answer(kb, role_id, ASPECT, lead)
    entry, estimate = found
    role = kb.roles[role_id]
    lines = [lead] if lead else []
    lines.append(f"{role.plural}: salary")
    lines += _label_line(entry)
    lines.append(_median_line(kb, w, entry, estimate, wages.SOURCE))
    older = role.section(ASPECT).figures
    more = f"All {figure_count(kb, w, role_id)} salary figures"
    hidden = ""
    if older:
        sources = len({f.source for f in older})
        hidden = (
            f"{len(older)} more {'figure' if len(older) == 1 else 'figures'} "
            f'({sources} {"source" if sources == 1 else "sources"}, older periods included) under "{more}".'
        )
        if not fits(lines, hidden):
            hidden = f'More under "{more}".'
    spread = _spread_line(estimate)
    add_while_fits(lines, [spread] if spread else [], reserve=len(hidden) + 1)
    if hidden:
        lines.append(hidden)
    buttons = [
        more_button(more, role_key(role_id, ASPECT)),
        more_button("Top-paying states", f"pay/top/{role_id}/state/median"),
        more_button("Where the most jobs are", f"pay/top/{role_id}/state/employment"),
    ]
    if len(kb.roles) > 1:
        buttons.append(Button("Compare on salary", "compare_roles", {"aspect": ASPECT}))
    buttons.append(HELP_ME_CHOOSE)
    return Answer(fit("\n".join(lines)), tuple(buttons))


def detail(kb: KnowledgeBase, w: Wages, role_id: str) -> str:
    """Every salary figure of a role: the May 2025 national figures first, then the role
    file's, each with its source and period, its points and note, and every source."""
    role = kb.roles[role_id]
    section = role.section(ASPECT)
    lines = [f"{role.plural}: salary"]
    found = _usable(w, role_id)
    source_ids = list(section.sources) + [f.source for f in section.figures]
    if found is not None:
        entry, estimate = found
        source = kb.sources[w.release.source].name if w.release.source in kb.sources else wages.SOURCE
        lines += _label_line(entry)
        lines.append(_median_line(kb, w, entry, estimate, source))
        spread = "; ".join(
            f"{PERCENTILE_NAMES[s]} {wages.money(estimate.value(s))}" for s in ("p10", "p25", "p75", "p90")
        )
        lines.append(
            f"- Percentiles of annual pay (US, {w.release.name}; same source): {spread}; "
            f"mean {wages.money(estimate.mean)}; {wages.count(estimate.employment)} jobs"
        )
        source_ids.insert(0, w.release.source)
        change = wages.change_since(kb, w, entry.soc)
        if change is not None:  # the May 2024 median may be another role's record of the occupation
            source_ids.append(change.previous.source)
    lines += [render.figure_line(figure, kb) for figure in section.figures]
    lines += [f"- {point}" for point in section.points]
    if section.note:
        lines.append(f"Note: {section.note}")
    lines.append(render.sources_line([s for s in source_ids if s in kb.sources], kb))
    return "\n".join(lines)
