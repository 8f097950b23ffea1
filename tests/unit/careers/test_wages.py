"""Lookups over the imported OEWS figures: the location quotient in plain
words, top areas, the family like for like in one area, the change since May 2024, industries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from careers import knowledge, wages, wages_kb
from careers.wages_kb import NATIONAL

KB = knowledge.default()
W = wages_kb.default()


def test_the_location_quotient_in_plain_words() -> None:
    sf = W.estimate("15-2051", "0041860")
    assert sf is not None and sf.location_quotient.number is not None
    text = wages.location_quotient(sf)
    assert text == (
        f"{sf.jobs_per_1000.number:g} per 1,000 jobs here, {sf.location_quotient.number:g} times the US rate "
        f"(location quotient {sf.location_quotient.number:g})"
    )
    national = W.estimate("15-2051")
    assert national is not None and wages.location_quotient(national) == ""


def test_top_areas_within_a_state_and_the_lowest_first() -> None:
    ranked, unpublished = wages.top_areas(W, "15-2051", "metro", "median", limit=100, within="TX")
    assert ranked and all("TX" in r.area.states for r in ranked)
    medians = [wages.sort_value(r.value) or 0 for r in ranked]
    assert medians == sorted(medians, reverse=True)
    lowest, _ = wages.top_areas(W, "15-2051", "state", "median", limit=3, lowest=True)
    every, _ = wages.top_areas(W, "15-2051", "state", "median", limit=100)
    assert [r.area.code for r in lowest] == [r.area.code for r in every[::-1][:3]]


def test_top_states_by_median_and_by_jobs() -> None:
    ranked, unpublished = wages.top_areas(W, "15-2051", "state", "median", limit=60)
    states = [a for a in W.areas.values() if a.type == "state"]
    assert len(ranked) + unpublished == len(states)
    medians = [r.value.number or 0 for r in ranked]
    assert medians == sorted(medians, reverse=True)
    assert all(r.area.type == "state" and r.estimate.median == r.value for r in ranked)
    by_jobs, _ = wages.top_areas(W, "15-2051", "metro", "employment", limit=3)
    assert [r.area.type for r in by_jobs] == ["metro"] * 3
    assert by_jobs[0].value.number == max(
        (e.employment.number or 0)
        for (soc, area, industry), e in W.estimates.items()
        if soc == "15-2051" and industry == "000000" and W.areas[area].type == "metro"
    )


def test_the_family_in_one_area_is_like_for_like_and_shared_figures_are_one_line() -> None:
    ranking = wages.family_in_area(W, "4800000", list(KB.roles))
    assert ranking.statistic == "median" and ranking.area.title == "Texas" and ranking.release == "May 2025"
    shown = [line.value.number or 0 for line in ranking.lines]
    assert shown == sorted(shown, reverse=True)
    for line in ranking.lines:
        estimate = W.estimate(line.soc, "4800000")
        assert estimate is not None and line.value == estimate.median
    scientists = next(line for line in ranking.lines if line.soc == "15-2051")
    assert scientists.roles[0] == "data_scientist" and not scientists.proxy[0]
    assert set(scientists.roles) == {"data_scientist", "data_analyst", "business_intelligence_analyst"}
    developers = next(line for line in ranking.lines if line.soc == "15-1252")
    assert all(developers.proxy)
    assert sum(len(line.roles) for line in ranking.lines + ranking.unpublished) == len(KB.roles)


def test_an_occupation_with_no_published_median_is_listed_apart() -> None:
    ranking = wages.family_in_area(W, "0015380", list(KB.roles))  # Buffalo-Cheektowaga, NY
    apart = {line.soc for line in ranking.unpublished}
    assert "15-1221" in apart
    assert all(line.value.number is None for line in ranking.unpublished)


def test_the_change_since_the_knowledge_bases_may_2024_median() -> None:
    change = wages.change_since(KB, W, "15-2051")
    assert change is not None
    assert change.phrase() == "up 6.8% from $112,590 in May 2024"
    assert change.previous.source == "bls_ooh_data_scientists"
    administrators = wages.change_since(KB, W, "15-1242")
    assert administrators is not None and administrators.previous.value == 104620  # not the group's 123,100
    assert not administrators.previous.group
    assert wages.change_since(KB, W, "15-2051", period="May 2019") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("data scientist pay in insurance", "524000"),
        ("what about at a hospital?", "622000"),
        ("working in government", "999001"),
        ("for the federal government", "999101"),
        ("in state government", "999201"),
        ("data analysts in tech", "541500"),
        ("at a software company", "513200"),
        ("in software", "513200"),
        ("at a bank", "5220A1"),
        ("in banking", "5220A1"),
        ("in finance", "52--53"),
        ("for a consulting firm", "541600"),
        ("at a university", "611300"),
        ("in academia", "611300"),
        ("healthcare data analyst", "62--63"),
        ("in retail", "44--46"),
        ("manufacturing", "31--34"),
    ],
)
def test_everyday_words_name_an_oews_industry(text: str, code: str) -> None:
    found = wages.find_industry(W, text)
    assert found is not None and found.code == code
    assert W.industries[code].title == found.title


@pytest.mark.parametrize(
    "text",
    ["tech skills", "software developers", "a college degree", "what is the government's role", "hi"],
)
def test_words_that_are_not_an_industry_here(text: str) -> None:
    assert wages.find_industry(W, text) is None


def test_industries_are_named_as_bls_names_them() -> None:
    assert wages.industry_of(W, "52--53") == "Finance and Insurance"
    assert wages.industry_of(W, "524000") == "Insurance Carriers and Related Activities"
    tech = wages.find_industry(W, "in tech")
    assert tech is not None and "Computer Systems Design and Related Services" in tech.note


def test_bls_publishes_industries_for_the_nation_only() -> None:
    assert {area for (_, area, industry) in W.estimates if industry != "000000"} == {NATIONAL}


def test_loading_the_figures_stays_small_and_quick() -> None:
    probe = (
        "import json, time\n"
        "def rss():\n"
        "    return int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1])\n"
        "from careers import knowledge, wages_kb, places_kb\n"
        "kb = knowledge.default()\n"
        "before, start = rss(), time.perf_counter()\n"
        "w = wages_kb.load(knowledge.PROJECT_DIR, kb)\n"
        "g = places_kb.load(knowledge.PROJECT_DIR, w.areas, kb)\n"
        "print(json.dumps({'seconds': time.perf_counter() - start, 'kb': rss() - before}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    measured = json.loads(done.stdout)
    assert measured["kb"] < 50 * 1024, measured  # the issue's bound for the servers' RSS growth
    assert measured["seconds"] < 2, measured
