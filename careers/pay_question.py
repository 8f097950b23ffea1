"""Which pay answer a question asks for (feature `pay`, issue 18): read from the intent, the
entities the NLU found (roles, `area:` places, places abroad, level words, industries,
employers, years) and a few words of the message ("how many", "which state", "the most").

The actions hand every career question that might be about pay to `reply`; it returns None when
the question is not one careers/pay.py answers (the role actions then answer as before), so a
question about skills in Texas, or a comparison of two roles' national pay, is unchanged. The
answers themselves are careers/pay.py's and careers/pay_national.py's; an `Asked` names one,
and its `key` is the detail key of the button that asks for it again.

    pay in one place, at a level, in an industry   "junior data analyst pay in Ohio"
    how many jobs, where they are                  "how many DBAs in Georgia", "which state pays
                                                   statisticians the most", "best cities for DEs"
    two places (or more) for one role              "DS pay: TX or CA?", "Chicago vs national"
    the family in one place                        "which data job pays the most in Seattle"
    a chart of any of these                        a picture in the widget, text bars elsewhere
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from careers import levels, names, pay, pay_bars, pay_keys, pay_national, rank, scope
from careers.answer import Answer, Button, fit, more_button, with_lead
from careers.detail import Detail
from careers.knowledge import KnowledgeBase
from careers.pay_keys import Asked
from careers.places import AMBIGUOUS_PREFIX, AREA_PREFIX, title_parts
from careers.wages_kb import NATIONAL, Wages

# Words that say what is asked about the places (matched on whole lower-case words).
COUNT = ("how many", "number of", "how big", "headcount", "employment", "employed")
SUPERLATIVE = {"most", "highest", "best", "top", "lowest", "least", "fewest", "biggest", "largest", "worst"}
LOWEST = {"lowest", "least", "fewest", "worst"}
PLACE_NOUNS = {"state", "states", "city", "cities", "metro", "metros", "metropolitan", "area", "areas",
               "place", "places", "town", "towns", "region", "regions", "location", "locations"}  # fmt: skip
METRO_NOUNS = {"city", "cities", "metro", "metros", "metropolitan", "area", "areas", "town", "towns"}
JOB_WORDS = {"job", "jobs", "work", "works", "working", "employ", "employs", "employed", "employment",
             "positions", "openings", "demand", "hiring", "hire", "hires", "opportunities"}  # fmt: skip
PAY_WORDS = {"pay", "pays", "paid", "paying", "salary", "salaries", "earn", "earns", "money", "make",
             "makes", "wage", "wages", "comp", "compensation", "income"}  # fmt: skip
CONCENTRATED = {"concentrated", "concentration", "concentrations", "density", "dense"}
FAMILY_WORDS = {"job", "jobs", "role", "roles", "career", "careers", "occupation", "occupations"}
_WORD = re.compile(r"[a-z0-9%&']+")
SALARY, OUTLOOK = names.ask_role("salary"), names.ask_role("outlook")
FOLLOW_UPS = {names.INFORM_ROLE, names.ASK_OTHER_ROLE}


@dataclass(frozen=True)
class Question:
    """A message, as the NLU read it, and what the conversation was about before it."""

    intent: str
    text: str = ""
    roles: tuple[str, ...] = ()  # role ids the message names (or the "other" role of a comparison)
    places: tuple[str, ...] = ()  # `place` entity values, in the order written
    levels: tuple[str, ...] = ()  # level words (`seniority` entities)
    industries: tuple[str, ...] = ()  # OEWS industry codes
    employers: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    jobs: tuple[str, ...] = ()  # occupations named that no role covers
    aspect: str | None = None  # the aspect in context (slot)
    role_in_focus: str | None = None
    places_in_focus: tuple[str, ...] = ()  # the places of the last pay answer (slot `place`)
    chart: bool = False  # the message or its button asks for the chart
    images: bool = False  # the channel shows images (the web widget)


@dataclass(frozen=True)
class Reply:
    answer: Answer
    role: str | None = None  # the role in focus after it
    places: tuple[str, ...] = ()  # `area:` values in focus after it (none: national)
    image: str = ""  # the chart's address on the page's server, for the widget


# --- reading the question ---------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _has(text: str, phrases: Sequence[str]) -> bool:
    padded = f" {' '.join(_words(text))} "
    return any(f" {p} " in padded for p in phrases)


def asks_count(text: str) -> bool:
    """ "How many data scientists in Ohio?": a count of jobs, not their pay."""
    return _has(text, COUNT) and not (SUPERLATIVE & set(_words(text)))


def asks_top(text: str) -> bool:
    """ "Which state pays the most?", "where are the most jobs?", "best cities for DBAs"."""
    words = set(_words(text))
    return bool(words & SUPERLATIVE and (words & PLACE_NOUNS or "where" in words)) or bool(
        words & CONCENTRATED and "where" in words
    )


def _split(w: Wages, values: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """The US areas (codes, in order, once each), the places abroad, the ambiguous names."""
    areas = [v[len(AREA_PREFIX) :] for v in values if v.startswith(AREA_PREFIX)]
    abroad = [v for v in values if not v.startswith((AREA_PREFIX, AMBIGUOUS_PREFIX))]
    ambiguous = [v for v in values if v.startswith(AMBIGUOUS_PREFIX)]
    return list(dict.fromkeys(a for a in areas if a in w.areas)), abroad, ambiguous


def _top(w: Wages, q: Question, role: str, areas: Sequence[str], level: levels.Level | None) -> Asked:
    words = set(_words(q.text))
    if words & CONCENTRATED:
        by = "location_quotient"
    elif words & JOB_WORDS and not words & PAY_WORDS:
        by = "employment"
    else:
        by = level.percentiles[-1] if level is not None and not words & LOWEST else "median"
        by = level.percentiles[0] if level is not None and words & LOWEST else by
    states = [w.areas[a].states[0] for a in areas if w.areas[a].type == "state"]
    metro = bool(words & METRO_NOUNS) or bool(states)  # "where in California": its metro areas
    return Asked("top", role, places="metro" if metro else "state", by=by, within=states[0] if states else "",
                 lowest=bool(words & LOWEST))  # fmt: skip


def ask(kb: KnowledgeBase, w: Wages, q: Question) -> Asked | None:
    """The pay answer a question asks for, or None when careers/pay.py has none for it."""
    areas, abroad, ambiguous = _split(w, q.places)
    salary = q.intent == SALARY or (q.intent in FOLLOW_UPS and q.aspect == "salary")
    pay_question = salary or q.intent in (
        names.ASK_JOBS_WHERE,
        names.RANK_ROLES,
        names.COMPARE_ROLES,
        OUTLOOK,
    )
    if not pay_question:
        return None
    named = [r for r in dict.fromkeys(q.roles) if r in kb.roles and r in w.roles]
    if q.jobs and not named:
        return None  # "what do dentists earn in Ohio?": the roles action says what it covers
    if not areas and not abroad and (q.intent in FOLLOW_UPS or not named):
        areas = [v[len(AREA_PREFIX) :] for v in q.places_in_focus if v[len(AREA_PREFIX) :] in w.areas]
    local = [a for a in areas if a != NATIONAL]
    level = levels.level_of(q.levels, q.text)
    words = set(_words(q.text))
    # The family in one place: "which data job pays the most in Seattle", "rank the roles in Texas".
    if len(named) >= 2 and local and q.intent != names.ASK_JOBS_WHERE:
        return Asked("family", areas=(local[0],), roles=tuple(named))
    superlative_job = bool(words & FAMILY_WORDS and words & SUPERLATIVE and not words & PLACE_NOUNS)
    if not named and local and (q.intent == names.RANK_ROLES or superlative_job) and not asks_count(q.text):
        return Asked("family", areas=(local[0],))
    if len(named) >= 2 or (q.intent in (names.RANK_ROLES, names.COMPARE_ROLES) and not named and not local):
        return None  # roles compared or ranked nationally: careers/compare.py, careers/rank.py
    role = named[0] if named else (q.role_in_focus if q.role_in_focus in w.roles else "")
    if not role:
        if local and salary:
            return Asked("family", areas=(local[0],))
        return Asked("which") if q.intent == names.ASK_JOBS_WHERE else None
    if q.intent == names.RANK_ROLES and not asks_top(q.text):
        return Asked("family", areas=(local[0],)) if local else None
    # "Lowest paid 25% of DBAs in Texas" is pay there, whatever the intent: a level, no "where".
    pay_there = bool(local) and (level is not None or bool(words & PAY_WORDS)) and not asks_top(q.text)
    if (q.intent == names.ASK_JOBS_WHERE and not pay_there) or asks_top(q.text) or asks_count(q.text):
        if asks_count(q.text) or (q.intent == names.ASK_JOBS_WHERE and local and not asks_top(q.text)):
            return Asked("jobs", role, areas=(local[0] if local else NATIONAL,))
        return _top(w, q, role, areas, level)
    if q.intent == OUTLOOK:
        # Projections are national only; where the jobs are is what BLS has by place.
        return Asked("jobs", role, areas=(local[0],)) if local else None
    if q.intent == names.COMPARE_ROLES and not (areas or abroad or ambiguous):
        return None  # "compare with ML engineers": roles, careers/compare.py
    if ambiguous and not areas:
        return Asked("which", role, areas=tuple(ambiguous[0][len(AMBIGUOUS_PREFIX) :].split("+")))
    if q.industries:
        return Asked("industry", role, industry=q.industries[0], level=level.id if level else "",
                     areas=tuple(local[:1]))  # fmt: skip
    if len(areas) >= 2:
        return Asked("compare", role, areas=tuple(areas), abroad=(abroad or [""])[0])
    if areas and (areas[0] != NATIONAL or level is not None):
        return Asked(
            "place", role, areas=(areas[0],), level=level.id if level else "", abroad=(abroad or [""])[0]
        )
    if level is not None:
        return Asked("place", role, areas=(NATIONAL,), level=level.id, abroad=(abroad or [""])[0])
    return Asked("national", role, abroad=(abroad or [""])[0])


# --- the answers --------------------------------------------------------------------------------


def _lead(kb: KnowledgeBase, w: Wages, q: Question, asked: Asked) -> str:
    """What the figures do not cover of what was asked, said first."""
    said = []
    if asked.abroad:
        said.append(f"My salary figures are for the US; I have none for {asked.abroad}.")
    named = [v for v in q.places if v.startswith(AREA_PREFIX)]
    if asked.kind == "place" and len(named) > len(set(named)):  # "Jersey City or Manhattan?"
        said.append(f"Both are in one BLS area, so one figure: {w.areas[asked.areas[0]].title}.")
    mentions = {scope.EMPLOYER: list(q.employers)}
    if not asked.level:
        mentions[scope.SENIORITY] = [s for s in q.levels if levels.level(s) is None][:1]
    if asked.kind in ("place", "national", "industry", "compare") and asked.role:
        said += scope.caveats(kb, scope.default(), [asked.role], "salary", mentions)
    # The role file's older figures are behind "All ... salary figures"; other years are not.
    periods = [f.period for f in kb.roles[asked.role].section("salary").figures] if asked.role else []
    covered = {int(y) for period in [*periods, w.release.name] for y in re.findall(r"\d{4}", period)}
    for year in dict.fromkeys(q.years):
        if int(year) > max(covered):
            said.append(f"My salary figures run to {w.release.name} at the latest; I have none for {year}.")
        elif int(year) not in covered:
            said.append(f"I have no salary figures for {year}.")
    if asked.kind == "jobs" and q.intent == OUTLOOK:
        said.append(
            f"My job outlook figures are US-wide; I have none for {w.areas[asked.areas[0]].title} "
            "on its own.\nWhere the jobs are today:"
        )
    return "\n".join(dict.fromkeys(said))


def answer(kb: KnowledgeBase, w: Wages, asked: Asked, lead: str = "") -> Answer | None:
    """The answer `asked` names (None when it names nothing in these figures)."""
    level = levels.level(asked.level) if asked.level else None
    role = asked.role
    if role and (role not in kb.roles or role not in w.roles):
        return None
    found: Answer | None
    if asked.kind == "national":
        return pay_national.first_answer(kb, w, role, lead)
    if asked.kind == "place":
        found = pay.pay_in_place(kb, w, role, asked.areas[0], level)
    elif asked.kind == "jobs":
        found = pay.jobs(kb, w, role, asked.areas[0])
    elif asked.kind == "industry":
        where = w.areas[asked.areas[0]].title if asked.areas else ""
        found = pay.pay_in_industry(kb, w, role, asked.industry, where, level)
    elif asked.kind == "top":
        found = pay.top_places(kb, w, role, asked.places, asked.by, asked.within, asked.lowest)
    elif asked.kind == "compare":
        found = pay.compare_places(kb, w, role, asked.areas)
    elif asked.kind == "family":
        found = pay.family_in_place(kb, w, asked.areas[0], asked.roles or None)
    elif asked.kind == "which" and asked.role:
        found = _which(kb, w, asked)
    elif asked.kind == "sources":
        found = pay.sources_answer(w)
    else:
        return None
    return with_lead(found, lead)


def _which(kb: KnowledgeBase, w: Wages, asked: Asked) -> Answer:
    """A name several areas share ("Springfield"): which one?"""
    shared = set.intersection(*(set(title_parts(w.areas[a].title)) for a in asked.areas))
    typed = min(shared) if shared else "That name"
    return pay.which_place(w, typed, asked.areas, asked.role)


def _which_role(kb: KnowledgeBase, w: Wages, q: Question) -> Answer:
    """A question about where the jobs are that names no role: the same question for each."""
    buttons, seen = [], set()
    # One role per occupation, a role's own occupation before the roles it stands in for.
    for role in sorted((r for r in kb.roles if r in w.roles), key=lambda r: w.roles[r].proxy):
        asked = ask(kb, w, replace(q, roles=(role,)))
        if asked is not None and w.roles[role].soc not in seen:
            seen.add(w.roles[role].soc)
            buttons.append(more_button(kb.roles[role].plural, asked.key()))
    return Answer("Which role do you mean? BLS counts each occupation on its own.", tuple(buttons[:5]))


def chart_reply(kb: KnowledgeBase, w: Wages, asked: Asked, images: bool) -> Reply | None:
    """The places or roles of an answer as a chart: a PNG for the widget (served by the page's
    own server at `image`), text bars in the shell and Slack."""
    bars = pay_bars.bars_for(kb, w, asked)
    if bars is None or not bars.bars:
        return None
    back = more_button("The figures", asked.key())
    places = tuple(AREA_PREFIX + a for a in asked.areas)
    if images:
        shown = ", ".join(f"{b.label} {b.text}" for b in bars.bars)
        caption = fit(f"Chart: {bars.title} ({bars.source}): {shown}.")
        return Reply(Answer(caption, (back,)), asked.role or None, places, image=pay_keys.chart_path(asked))
    return Reply(Answer(fit(pay_bars.text_bars(bars)), (back,)), asked.role or None, places)


def reply(kb: KnowledgeBase, w: Wages, q: Question) -> Reply | None:
    """The pay answer to a question, or None when it is not one careers/pay.py answers."""
    asked = ask(kb, w, q)
    if asked is None:
        return None
    if asked.kind == "which" and not asked.role:
        return Reply(_which_role(kb, w, q))
    if q.chart:
        charted = chart_reply(kb, w, asked, q.images)
        if charted is not None:
            return charted
    found = answer(kb, w, asked, _lead(kb, w, q, asked))
    if found is None:
        return None
    areas = () if asked.kind in ("national", "which", "top") else asked.areas
    return Reply(found, asked.role or None, tuple(AREA_PREFIX + a for a in areas if a != NATIONAL))


def detail_reply(kb: KnowledgeBase, w: Wages, found: Detail, images: bool = False) -> Reply | None:
    """The pay branch of careers/detail.py: what a "pay/..." key names, and a role's salary
    detail with the May 2025 figures first; None for every other detail."""
    if found.kind == "role" and found.aspect == "salary":
        role = found.roles[0]
        more = Button("Compare on salary", names.COMPARE_ROLES, {"aspect": "salary"})
        top = more_button("Top-paying states", Asked("top", role).key())
        return Reply(Answer(pay_national.detail(kb, w, role), (top, more)), role)
    if found.kind != "pay":
        return None
    asked = pay_keys.parse_key(kb, w, found.key)
    if asked is None:
        return None
    if found.key.startswith(f"{pay.KEY}/chart/"):
        return chart_reply(kb, w, asked, images)
    shown = answer(kb, w, asked)
    if shown is None:
        return None
    areas = () if asked.kind in ("top", "sources") else asked.areas
    return Reply(shown, asked.role or None, tuple(AREA_PREFIX + a for a in areas if a != NATIONAL))


def is_chart_request(text: str | None, ranking: Sequence[str] = ()) -> bool:
    return "chart" in ranking or rank.wants_chart(text)
