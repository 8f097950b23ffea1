"""careers/pay_question.py and careers/pay_keys.py: which pay answer a question asks for, from its
intent, its entities and a few words; every answer chat size and every key read back."""

from __future__ import annotations

import pytest

from careers import knowledge, names, pay_keys, pay_question, wages_kb
from careers.answer import MAX_CHARS
from careers.pay_keys import Asked
from careers.pay_question import Question

KB = knowledge.default()
W = wages_kb.default()
DS, DE, DBA, STAT = "data_scientist", "data_engineer", "database_administrator", "statistician"
SALARY, JOBS, RANK, INFORM = "ask_role_salary", names.ASK_JOBS_WHERE, names.RANK_ROLES, names.INFORM_ROLE
OUTLOOK = names.ask_role("outlook")
TX, CA, OH, SEA, GA = "area:4800000", "area:0600000", "area:3900000", "area:0042660", "area:1300000"
EMPLOYERS = "My salary figures are for the whole occupation across all employers"
GOOGLE = f"{EMPLOYERS}; I have none for Google in particular."


def asked(intent: str, text: str = "", **found: object) -> Asked | None:
    return pay_question.ask(KB, W, Question(intent, text, **found))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("intent", "text", "found", "kind", "detail"),
    [
        (SALARY, "what do data scientists earn", {"roles": (DS,)}, "national", ""),
        (SALARY, "data scientist pay in Texas", {"roles": (DS,), "places": (TX,)}, "place", "4800000"),
        (SALARY, "junior DS in TX", {"roles": (DS,), "places": (TX,), "levels": ("junior",)}, "place", "low"),
        (SALARY, "senior DS pay", {"roles": (DS,), "levels": ("senior",)}, "place", "high"),
        (SALARY, "DS pay in insurance", {"roles": (DS,), "industries": ("524000",)}, "industry", "524000"),
        (SALARY, "DS pay: TX or CA?", {"roles": (DS,), "places": (TX, CA)}, "compare", "4800000+0600000"),
        (names.COMPARE_ROLES, "DS pay TX vs CA", {"roles": (DS,), "places": (TX, CA)}, "compare", ""),
        (SALARY, "DS pay in London", {"roles": (DS,), "places": ("London",)}, "national", "London"),
        (SALARY, "DS in Springfield", {"roles": (DS,), "places": ("one of:0044100+0044180",)}, "which", ""),
        (JOBS, "how many DBAs in Georgia", {"roles": (DBA,), "places": (GA,)}, "jobs", "1300000"),
        (JOBS, "how many data engineers in the US", {"roles": (DE,)}, "jobs", "0000000"),
        (SALARY, "how many statisticians in Ohio", {"roles": (STAT,), "places": (OH,)}, "jobs", "3900000"),
        (JOBS, "which state pays statisticians the most", {"roles": (STAT,)}, "top", "state/median"),
        (JOBS, "where are the most jobs for statisticians", {"roles": (STAT,)}, "top", "state/employment"),
        (JOBS, "which cities pay DBAs the least", {"roles": (DBA,)}, "top", "metro/median/lowest"),
        (JOBS, "where in TX are most DS jobs", {"roles": (DS,), "places": (TX,)}, "top", "employment/in-TX"),
        (JOBS, "where are DS jobs concentrated", {"roles": (DS,)}, "top", "state/location_quotient"),
        (JOBS, "where do senior DEs earn most", {"roles": (DE,), "levels": ("senior",)}, "top", "state/p90"),
        (RANK, "which data job pays the most in Seattle", {"places": (SEA,)}, "family", "0042660"),
        (SALARY, "which role pays most in Seattle", {"places": (SEA,), "role_in_focus": DS}, "family", ""),
        (SALARY, "what's the pay in Seattle", {"places": (SEA,)}, "family", "0042660"),
        (SALARY, "DS and DE pay in Texas", {"roles": (DS, DE), "places": (TX,)}, "family", "4800000"),
        (INFORM, "and DEs?", {"roles": (DE,), "aspect": "salary", "places_in_focus": (OH,)}, "place", "390"),
        (OUTLOOK, "DS outlook in Texas", {"roles": (DS,), "places": (TX,)}, "jobs", "4800000"),
    ],
)  # fmt: skip
def test_which_answer_a_question_asks_for(
    intent: str, text: str, found: dict, kind: str, detail: str
) -> None:
    got = asked(intent, text, **found)
    assert got is not None and got.kind == kind, got
    assert detail in f"{got.key()} {got.level} {got.abroad} {got.industry}"
    reply = pay_question.reply(KB, W, Question(intent, text, **found))
    assert reply is not None and len(reply.answer.text) <= MAX_CHARS


@pytest.mark.parametrize(
    ("intent", "text", "found"),
    [
        ("ask_role_skills", "skills for DS in Texas", {"roles": (DS,), "places": (TX,)}),
        (SALARY, "what do DS and DEs earn", {"roles": (DS, DE)}),  # roles compared nationally
        (names.RANK_ROLES, "which data job pays the most", {}),  # the national ranking
        (names.COMPARE_ROLES, "compare with data engineers", {"roles": (DE,)}),
        (SALARY, "what do dentists earn in Ohio", {"jobs": ("dentist",), "places": (OH,)}),
        (names.ask_role("outlook"), "DS outlook", {"roles": (DS,)}),
    ],
)
def test_questions_the_role_answers_still_answer(intent: str, text: str, found: dict) -> None:
    assert asked(intent, text, **found) is None


def test_the_lead_says_first_what_the_figures_do_not_cover() -> None:
    def first_line(**found: object) -> str:
        reply = pay_question.reply(KB, W, Question(SALARY, "…", roles=(DS,), **found))  # type: ignore[arg-type]
        assert reply is not None
        return reply.answer.text.splitlines()[0]

    assert first_line(employers=("Google",)) == GOOGLE
    assert (
        first_line(years=("2031",))
        == "My salary figures run to May 2025 at the latest; I have none for 2031."
    )
    assert first_line(years=("2019",)) == "I have no salary figures for 2019."
    assert first_line(years=("2023",)) == "Data Scientists: salary"  # May 2023 is in the detail
    assert first_line(places=("Toronto", SEA)) == "My salary figures are for the US; I have none for Toronto."
    same = first_line(places=("area:0035620", "area:0035620"))  # "Jersey City or Manhattan?"
    assert same == "Both are in one BLS area, so one figure: New York-Newark-Jersey City, NY-NJ."


def test_a_chart_is_an_image_in_the_widget_and_text_bars_elsewhere() -> None:
    found = {"roles": (DS,), "places": (TX, CA), "chart": True}
    widget = pay_question.reply(KB, W, Question(SALARY, "chart", images=True, **found))  # type: ignore[arg-type]
    assert widget is not None and widget.image == "chart/pay/compare/data_scientist/4800000+0600000.png"
    assert widget.answer.text.startswith("Chart: Median annual pay, Data Scientists (SOC 15-2051)")
    shell = pay_question.reply(KB, W, Question(SALARY, "chart", **found))  # type: ignore[arg-type]
    assert shell is not None and not shell.image and "█" in shell.answer.text


def test_where_the_jobs_are_with_no_role_asks_which_one_occupation_each() -> None:
    reply = pay_question.reply(KB, W, Question(JOBS, "how many jobs in Ohio", places=(OH,)))
    assert reply is not None and reply.answer.text.startswith("Which role do you mean?")
    keys = [b.entities["detail"] for b in reply.answer.buttons]
    socs = [W.roles[k.split("/")[2]].soc for k in keys]
    assert len(keys) == 5 and len(set(socs)) == 5  # one role per occupation: no repeated figures
    assert all(k.startswith("pay/jobs/") and k.endswith("/3900000") for k in keys)


@pytest.mark.parametrize(
    "found",
    [
        Asked("place", DS, areas=("4800000",)),
        Asked("place", DS, areas=("4800000",), level="low"),
        Asked("place", DS, areas=("4800000",), level="all"),
        Asked("jobs", STAT, areas=("0000000",)),
        Asked("industry", DBA, industry="524000", level="p90"),
        Asked("top", DE, places="metro", by="employment", within="TX", lowest=True),
        Asked("compare", DS, areas=("4800000", "0600000", "0000000")),
        Asked("family", areas=("0042660",)),
        Asked("sources"),
    ],
)
def test_every_key_reads_back_as_the_answer_it_names(found: Asked) -> None:
    assert pay_keys.parse_key(KB, W, found.key()) == found
    assert pay_keys.parse_key(KB, W, "pay/chart/" + found.key().removeprefix("pay/")) == found
    answer = pay_question.answer(KB, W, found)
    assert answer is not None and len(answer.text) <= MAX_CHARS


@pytest.mark.parametrize(
    "key",
    [
        "pay/place/data_scientist/9999999",
        "pay/place/data_scientist/4800000/astronaut",
        "pay/top/data_scientist/state/median/sideways",
        "pay/top/data_scientist/metro/median/in-ZZ",
        "pay/compare/data_scientist/4800000",
        "pay/jobs/data_scientist/4800000/low",
        "pay/family/4800000/extra",
        "role/salary/data_scientist",
        "pay",
    ],
)
def test_a_key_that_names_nothing_is_none(key: str) -> None:
    assert pay_keys.parse_key(KB, W, key) is None
