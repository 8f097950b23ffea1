"""Chat-size answers about pay by place, level and industry, from the BLS OEWS release.

Each answer fits a phone (careers/answer.py MAX_CHARS), is plain text with "- " bullets, and says what every
figure is: the occupation (and, for a role without its own, the labelled proxy), the area as BLS
names it, the statistic, and "BLS OEWS, May 2025". Percentiles are said as what they are (what
the lowest-paid 10% earn), never as a starting salary or the pay of a title.

Answers are careers/answer.py's Answer and Button. A button's detail key ("pay/...") names the
answer it asks for; careers/pay_question.py reads it (`parse_key`, `answer`):
  pay/place/<role>/<area>[/<level>]   pay/industry/<role>/<industry>[/<level>]   pay/jobs/<role>/<area>
  pay/top/<role>/<state|metro>/<statistic>[/lowest][/in-<postal code>]
  pay/compare/<role>/<area>+<area>   pay/family/<area>   pay/sources
  pay/chart/<one of the keys above>: the same places or roles as a chart
The place chart's bars (PNG or text) are careers/pay_bars.py's.
"""

from __future__ import annotations

import datetime
from typing import Sequence

from careers import levels, render, wages
from careers.answer import Answer, Button, add_while_fits, fit, more_button
from careers.knowledge import KnowledgeBase
from careers.levels import Level
from careers.wages_kb import NATIONAL, Estimate, RoleOccupation, Wages

KEY = "pay"
TOP = 5


def _key(*parts: str) -> str:
    return "/".join((KEY, *parts))


def where(w: Wages, area: str) -> str:
    """The area as BLS names it; the nation as "the US"."""
    return "the US" if area == NATIONAL else w.areas[area].title


def _who(kb: KnowledgeBase, entry: RoleOccupation) -> str:
    """ "Data Scientists (SOC 15-2051)"; a proxy's role with its label."""
    plural = kb.roles[entry.role].plural
    if entry.proxy or entry.label:
        return f"{plural}: {entry.label}"
    return f"{plural} (SOC {entry.soc})"


def _fit(lines: list[str], optional: Sequence[str] = ()) -> str:
    """The lines, then as many optional lines as still fit on a phone (careers/answer.py)."""
    lines = list(lines)
    add_while_fits(lines, optional)
    return fit("\n".join(lines))


def _level_lines(w: Wages, entry: RoleOccupation, where: str, estimate: Estimate, level: Level) -> list[str]:
    """A level asked ("entry level", "top 10%"): the percentiles that answer it, said as such."""
    return [
        f"BLS publishes no pay by level. Annual pay of {entry.title} (SOC {entry.soc}) in {where} "
        f"({wages.label(w)}):",
        *_percentile_lines(w, estimate, level.percentiles),
        levels.LEVEL_NOTE.split(": ")[0] + ".",
    ]


def _choices(role_id: str, area: str, skip: str = "") -> tuple[Button, ...]:
    offers = [
        ("place", "Every percentile here", _key("place", role_id, area, "all")),
        ("top", "Top-paying states", _key("top", role_id, "state", "median")),
        ("jobs", "Where the most jobs are", _key("top", role_id, "state", "employment")),
        ("family", "All roles here", _key("family", area)),
        ("sources", "Where this data comes from", _key("sources")),
    ]
    return tuple(more_button(title, key) for kind, title, key in offers if kind != skip)


def _missing(w: Wages, kb: KnowledgeBase, entry: RoleOccupation, area: str) -> Answer:
    national = w.estimate(entry.soc)
    text = (
        f"The {wages.label(w)} release has no figures for {kb.roles[entry.role].plural} "
        f"({'proxy: ' if entry.proxy else ''}SOC {entry.soc} {entry.title}) in {where(w, area)}: "
        "BLS publishes none there."
    )
    if national is not None:
        text += f"\nIn the US as a whole: median {wages.money(national.median)} a year ({wages.label(w)})."
    return Answer(text, _choices(entry.role, NATIONAL, skip="family"))


def _unpublished(w: Wages, name: str, value: wages.Value) -> str:
    return f"- {name[0].upper()}{name[1:]}: not published ({wages.reason(w, value)})"


def pay_in_place(kb: KnowledgeBase, w: Wages, role_id: str, area: str, level: Level | None = None) -> Answer:
    """What a role's occupation earns in one area (the nation included), with the percentiles a
    level question asks for, or the spread."""
    entry = w.roles[role_id]
    estimate = w.estimate(entry.soc, area)
    if estimate is None:
        return _missing(w, kb, entry, area)
    place = where(w, area)
    lines = [f"{_who(kb, entry)}."] if entry.label else []
    if level is not None and level.id == "all":
        lines.append(f"Annual pay of {entry.title} (SOC {entry.soc}) in {place} ({wages.label(w)}):")
        lines += _percentile_lines(w, estimate, level.percentiles)
        optional = [f"- Mean: {wages.money(estimate.mean)}", _jobs_line(w, estimate)]
        return Answer(_fit(lines, optional), _choices(role_id, area, skip="place"))
    if level is not None:
        lines += _level_lines(w, entry, place, estimate, level)
        return Answer(_fit(lines), _choices(role_id, area))
    plural = kb.roles[role_id].plural
    heading = f"{plural} (SOC {entry.soc})" if not entry.label else entry.title
    lines.append(f"{heading}, {place}, annual pay ({wages.label(w)}):")
    lines.append(_median_line(kb, w, entry, estimate, area))
    optional = _percentile_lines(w, estimate, ("p10", "p90"), compact=True)
    optional.append(_jobs_line(w, estimate))
    return Answer(_fit(lines, optional), _choices(role_id, area))


def _median_line(kb: KnowledgeBase, w: Wages, entry: RoleOccupation, estimate: Estimate, area: str) -> str:
    if not estimate.median.published and estimate.median.at_least is None:
        return _unpublished(w, "Median", estimate.median)
    line = f"- Median: {wages.money(estimate.median)}"
    if area == NATIONAL:
        change = wages.change_since(kb, w, entry.soc)
        if change is not None:
            source = kb.sources[change.previous.source]
            line += f", {change.phrase()} ({render.source_label(source, change.previous.status)})"
    else:
        national = w.estimate(entry.soc)
        if national is not None and national.median.published:
            line += f" (US: {wages.money(national.median)})"
    return line


def _percentile_lines(
    w: Wages, estimate: Estimate, statistics: Sequence[str], compact: bool = False
) -> list[str]:
    lines = []
    for statistic in statistics:
        value = estimate.value(statistic)
        if not value.published and value.at_least is None:
            lines.append(_unpublished(w, wages.STATISTIC_NAMES[statistic], value))
        elif statistic == "median":
            lines.append(f"- Median: {wages.money(value)}")
        else:
            text = levels.percentile_phrase(statistic, wages.money(value))
            lines.append(f"- {text[0].upper()}{text[1:]}")
    if compact and len(lines) == 2 and all("not published" not in line for line in lines):
        low, high = (wages.money(estimate.value(s)) for s in statistics)
        return [f"- The lowest-paid 10% earn less than {low}; the best-paid 10% more than {high}"]
    return lines


def _jobs_line(w: Wages, estimate: Estimate) -> str:
    if not estimate.employment.published:
        return _unpublished(w, "Jobs", estimate.employment)
    quotient = wages.location_quotient(estimate)
    return f"- Jobs: {wages.count(estimate.employment)}" + (f"; {quotient}" if quotient else "")


def jobs(kb: KnowledgeBase, w: Wages, role_id: str, area: str) -> Answer:
    """How many jobs the occupation has in an area, and how concentrated they are there."""
    entry = w.roles[role_id]
    estimate = w.estimate(entry.soc, area)
    if estimate is None:
        return _missing(w, kb, entry, area)
    lines = [f"{_who(kb, entry)}."] if entry.label else []
    lines.append(f"{entry.title} (SOC {entry.soc}), {where(w, area)} ({wages.label(w)}):")
    lines.append(_jobs_line(w, estimate))
    national = w.estimate(entry.soc)
    if area != NATIONAL and national is not None:
        lines.append(f"- US: {wages.count(national.employment)} jobs")
    lines.append("BLS counts employees, not the self-employed.")
    return Answer(_fit(lines), _choices(role_id, area, skip="jobs"))


def pay_in_industry(
    kb: KnowledgeBase,
    w: Wages,
    role_id: str,
    industry: str,
    asked_place: str = "",
    level: Level | None = None,
) -> Answer:
    """National pay of the occupation in one industry, with the percentiles a level question
    asks for; `asked_place` (an area's name) when the question also named a place, which BLS's
    industry figures do not cover."""
    entry = w.roles[role_id]
    name = w.industries[industry].name
    estimate = w.estimate(entry.soc, NATIONAL, industry)
    lines = []
    if asked_place:
        lines.append(f"BLS publishes industry figures for the US as a whole only, none for {asked_place}.")
    if entry.label:
        lines.append(f"{_who(kb, entry)}.")
    if estimate is None:
        lines.append(f"The {wages.label(w)} release has no figures for {entry.title} in {name}.")
        return Answer(_fit(lines), _choices(role_id, NATIONAL))
    if level is not None:
        lines += _level_lines(w, entry, f"{name}, US", estimate, level)
        return Answer(_fit(lines), _choices(role_id, NATIONAL))
    lines.append(f"{entry.title} (SOC {entry.soc}) in {name}, US ({wages.label(w)}):")
    all_industries = w.estimate(entry.soc)
    median = _median_line(kb, w, entry, estimate, area="")
    if all_industries is not None and all_industries.median.published and estimate.median.published:
        median = median.split(" (US:")[0] + f" (all industries: {wages.money(all_industries.median)})"
    lines.append(median)
    optional = _percentile_lines(w, estimate, ("p10", "p90"), compact=True)
    if estimate.employment.published:
        optional.append(f"- Jobs in this industry: {wages.count(estimate.employment)}")
    note = next((i.note for i in w.industry_words if i.code == industry and i.note), "")
    return Answer(_fit(lines, [*optional, note] if note else optional), _choices(role_id, NATIONAL))


def top_key(role_id: str, kind: str, by: str, within: str = "", lowest: bool = False) -> str:
    return _key(
        "top", role_id, kind, by, *(["lowest"] if lowest else []), *([f"in-{within}"] if within else [])
    )


def top_places(
    kb: KnowledgeBase,
    w: Wages,
    role_id: str,
    kind: str = "state",
    by: str = "median",
    within: str = "",
    lowest: bool = False,
) -> Answer:
    """The states or metro areas (`within` one state) with the highest pay, or the most jobs,
    for a role's occupation; with `lowest`, the lowest first."""
    entry = w.roles[role_id]
    ranked, unpublished = wages.top_areas(w, entry.soc, kind, by, TOP, within, lowest)
    places = "States (DC and territories included)" if kind == "state" else "Metro areas"
    left_out = "states" if kind == "state" else "metro areas"
    if within:
        places += f" in {w.areas[_state_code(w, within)].title}"
        left_out += f" in {w.areas[_state_code(w, within)].title}"
    most = "the fewest" if lowest and by == "employment" else "the lowest" if lowest else "the highest"
    what = "the most jobs" if by == "employment" and not lowest else f"{most} {wages.STATISTIC_NAMES[by]}"
    lines = [f"{_who(kb, entry)}."] if entry.label else []
    lines.append(f"{places} with {what} for {entry.title} ({wages.label(w)}):")
    for i, item in enumerate(ranked, start=1):
        lines.append(f"{i}. {item.area.title}: {wages.say(w, by, item.value)}")
    if unpublished:
        lines.append(f"{unpublished} {left_out} have no published figure, so are not ranked.")
    if by in levels.PERCENTILES and by != "median":
        lines.append(f"Ranked by the {wages.STATISTIC_NAMES[by]}: a percentile, not the pay of a level.")
    other = "employment" if by != "employment" else "median"
    other_title = "Where the most jobs are" if other == "employment" else "Top-paying states"
    choices = [more_button(other_title, top_key(role_id, kind, other, within))]
    if kind == "state":
        choices.append(more_button("Top metro areas", top_key(role_id, "metro", by)))
    choices.append(chart_button(top_key(role_id, kind, by, within, lowest)))
    choices.append(more_button("Where this data comes from", _key("sources")))
    return Answer(_fit(lines), tuple(choices))


def _state_code(w: Wages, postal: str) -> str:
    return next(a.code for a in w.areas.values() if a.type == "state" and a.states == (postal,))


def chart_button(key: str) -> Button:
    """The places or roles of an answer as a chart: a picture in the widget, text bars elsewhere."""
    return more_button("Chart", _key("chart", *key.split("/")[1:]))


def compare_places(kb: KnowledgeBase, w: Wages, role_id: str, areas: Sequence[str]) -> Answer:
    """One role's occupation in two (or more) areas, side by side: same release, same statistics."""
    entry = w.roles[role_id]
    found = wages.compare_areas(w, entry.soc, areas)
    names = " vs ".join(where(w, a.code) for a, _ in found)
    lines = [f"{_who(kb, entry)}."] if entry.label else []
    lines.append(f"{entry.title} (SOC {entry.soc}), {names} ({wages.label(w)}):")
    rows = (
        ("median", "Median"),
        ("p10", "Lowest-paid 10% earn less than"),
        ("p90", "Best-paid 10% earn more than"),
    )
    for statistic, title in (*rows, ("employment", "Jobs")):
        values = [wages.say(w, statistic, e.value(statistic)) if e else "no figures" for _, e in found]
        lines.append(f"- {title}: {' vs '.join(values)}")
    missing = [a.title for a, e in found if e is None or not e.median.published]
    optional = (
        [f"Not published for {', '.join(missing)}: {_reason_for(w, entry.soc, found)}"] if missing else []
    )
    optional.append("Pay as BLS measures it, not adjusted for living costs.")
    chart = chart_button(_key("compare", role_id, "+".join(areas)))
    return Answer(_fit(lines, optional), (chart, *_choices(role_id, areas[0], skip="place")[:4]))


def _reason_for(w: Wages, soc: str, found: Sequence[tuple[wages.Area, Estimate | None]]) -> str:
    for _, estimate in found:
        if estimate is not None and not estimate.median.published:
            return wages.reason(w, estimate.median)
    return "BLS publishes no figures there."


def family_in_place(kb: KnowledgeBase, w: Wages, area: str, role_ids: Sequence[str] | None = None) -> Answer:
    """The roles ranked by median pay in one area, like for like: one statistic, one area, one
    release; roles sharing one occupation's figure are one line, stand-ins marked."""
    ranking = wages.family_in_area(w, area, list(role_ids or kb.roles))
    lines = [f"Median annual pay in {where(w, area)} ({wages.label(w)}), like for like:"]
    for i, line in enumerate(ranking.lines, start=1):
        lines.append(f"{i}. {line_label(kb, line)}: {wages.money(line.value)}")
    optional = []
    if any(len(line.roles) > 1 for line in ranking.lines):
        optional.append('"=": one occupation\'s figure, shared; "(proxy)": it stands in for the role.')
    for line in ranking.unpublished:
        optional.append(f"Not published here: {line_label(kb, line)} ({wages.reason(w, line.value)})")
    choices = [chart_button(_key("family", area)), more_button("Where this data comes from", _key("sources"))]
    if area != NATIONAL:
        choices.insert(1, more_button("All roles in the US", _key("family", NATIONAL)))
    return Answer(_fit(lines, optional), tuple(choices))


def line_label(kb: KnowledgeBase, line: wages.FamilyLine) -> str:
    names = [
        kb.roles[r].plural + (" (proxy)" if proxy else "")
        for r, proxy in zip(line.roles, line.proxy, strict=True)
    ]
    return f"{' = '.join(names)} [{line.title}]" if all(line.proxy) else " = ".join(names)


def which_place(w: Wages, typed: str, candidates: Sequence[str], role_id: str | None = None) -> Answer:
    """A name several BLS areas share ("Springfield"): which one?"""
    titles = [w.areas[c].title for c in candidates]
    text = f'"{typed}" could be {len(titles)} BLS areas: {"; ".join(titles)}. Which one?'
    choices = tuple(
        more_button(w.areas[c].title, _key("place", role_id, c) if role_id else _key("family", c))
        for c in candidates[:5]
    )
    return Answer(_fit([text]), choices)


def sources_lines(w: Wages, brief: bool = False) -> list[str]:
    """The release, its publication date, the BLS files and BLS's notice; `brief`: in two lines
    (the general sources answer says them with the other publishers)."""
    release = w.release
    files = ", ".join(f.name for f in release.files if f.name.startswith("oe."))
    folder = release.files[0].url.rsplit("/", 1)[0].replace("https://", "") if release.files else ""
    notice = f'BLS\'s notice: "{release.notice}"'
    if brief:
        return [
            f"Pay by place, level and industry: BLS OEWS, {release.name} release, published by BLS on "
            f"{_date(release.published)} (files {files}).",
            notice,
        ]
    return [
        f"Pay by place, level and industry: BLS Occupational Employment and Wage Statistics (OEWS), "
        f"{release.name} release, published by BLS on {_date(release.published)}.",
        f"- Files: {files} ({folder}), each checked by its SHA-256",
        f"- Imported from {release.package} on {release.imported}; status: {release.status}",
        notice,
    ]


def sources_answer(w: Wages) -> Answer:
    """Where pay by place, level and industry comes from: the release, its date, the files."""
    return Answer(_fit(sources_lines(w)), (Button("All my sources", "ask_sources"),))


def _date(iso: str) -> str:
    """ "2026-05-15" → "15 May 2026"; anything else as it is."""
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"
