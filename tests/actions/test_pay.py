"""Pay by place, level and industry, and where the jobs are (feature `pay`, issue 18): what each
action says and which slots it keeps, with every figure checked against the imported OEWS
figures (careers/wages_kb.py reads knowledge_base/wages/; tests/unit/scripts ties those to BLS's
database)."""

from __future__ import annotations

from typing import Any

from actions import wages as figures
from actions.compare import ActionCompareRoles
from actions.detail import ActionShowDetail
from actions.pay import ActionAnswerPay
from actions.rank import ActionRankRoles
from actions.roles import ActionAnswerRole
from careers import wages
from careers.answer import MAX_CHARS
from tests.actions.tracker import tracker
from tests.answers import answer_of

W = figures()
DS, DE, DBA, STAT = "data_scientist", "data_engineer", "database_administrator", "statistician"
TEXAS, OHIO, GEORGIA, CALIFORNIA, SEATTLE = "4800000", "3900000", "1300000", "0600000", "0042660"


def place(*codes: str) -> list[str]:
    return [f"area:{c}" for c in codes]


def slot(events: list[dict[str, Any]], name: str) -> Any:
    return next(e["value"] for e in events if e.get("name") == name)


async def test_how_many_counts_the_jobs_in_the_place_and_keeps_it_in_focus(run) -> None:
    asked = tracker(
        "ask_jobs_where", {"role": [DBA], "place": place(GEORGIA)}, text="how many DBAs in Georgia?"
    )
    said, events = await run(ActionAnswerPay(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    georgia = W.estimate("15-1242", GEORGIA)
    assert georgia is not None
    assert reply["text"].startswith("Database Administrators (SOC 15-1242), Georgia (BLS OEWS, May 2025):")
    assert f"- Jobs: {wages.count(georgia.employment)}; {wages.location_quotient(georgia)}" in reply["text"]
    assert (slot(events, "role"), slot(events, "place")) == (DBA, place(GEORGIA))


async def test_which_state_pays_the_most_and_where_the_most_jobs_are(run) -> None:
    for text, by in [
        ("which state pays statisticians the most?", "median"),
        ("where are the most jobs for statisticians", "employment"),
    ]:
        said, events = await run(ActionAnswerPay(), tracker("ask_jobs_where", {"role": [STAT]}, text=text))
        [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
        ranked, _ = wages.top_areas(W, "15-2041", "state", by)
        for i, item in enumerate(ranked, start=1):
            assert f"{i}. {item.area.title}: {wages.say(W, by, item.value)}" in reply["text"], text
        assert slot(events, "place") is None  # a ranking of states keeps no place in focus


async def test_the_best_paying_metro_areas_within_one_state(run) -> None:
    asked = tracker(
        "ask_jobs_where",
        {"role": [DS], "place": place(TEXAS)},
        text="best paying metro areas in Texas for data scientists",
    )
    said, _ = await run(ActionAnswerPay(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert reply["text"].startswith("Metro areas in Texas with the highest median annual pay")
    ranked, _ = wages.top_areas(W, "15-2051", "metro", "median", within="TX")
    assert ranked and all(f"{item.area.title}: {wages.money(item.value)}" in reply["text"] for item in ranked)


async def test_two_places_are_compared_like_for_like(run) -> None:
    asked = tracker(
        "compare_roles",
        {"role": [DS], "place": place(TEXAS, CALIFORNIA)},
        text="DS pay: Texas or California?",
    )
    said, events = await run(ActionCompareRoles(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    texas, california = W.estimate("15-2051", TEXAS), W.estimate("15-2051", CALIFORNIA)
    assert texas is not None and california is not None
    assert f"- Median: {wages.money(texas.median)} vs {wages.money(california.median)}" in reply["text"]
    assert reply["buttons"][0]["title"] == "Chart"
    assert slot(events, "place") == place(TEXAS, CALIFORNIA)


async def test_the_family_is_ranked_within_one_place(run) -> None:
    asked = tracker(
        "rank_roles", {"aspect": ["salary"], "place": place(SEATTLE)}, text="best paid data job in Seattle"
    )
    said, _ = await run(ActionRankRoles(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert reply["text"].startswith("Median annual pay in Seattle-Tacoma-Bellevue, WA (BLS OEWS, May 2025)")
    ranking = wages.family_in_area(W, SEATTLE, list(W.roles))
    amounts = [wages.money(line.value) for line in ranking.lines]
    assert [a for a in amounts if a in reply["text"]] == amounts


async def test_a_follow_up_naming_a_role_keeps_the_place(run) -> None:
    asked = tracker(
        "inform_role", {"role": [DE]}, {"aspect": "salary", "place": place(OHIO)}, text="and DEs?"
    )
    said, _ = await run(ActionAnswerRole(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    ohio = W.estimate("15-1243", OHIO)
    assert ohio is not None
    assert "Database Architects, Ohio, annual pay (BLS OEWS, May 2025):" in reply["text"]
    assert f"- Median: {wages.money(ohio.median)}" in reply["text"]
    assert "proxy" in reply["text"].splitlines()[0]  # the proxy is said before any figure


async def test_a_level_gets_percentiles_with_their_honest_label(run) -> None:
    asked = tracker(
        "ask_role_salary",
        {"role": [DS], "place": place(TEXAS), "seniority": ["entry level"]},
        text="entry level data scientist pay in Texas",
    )
    said, _ = await run(ActionAnswerRole(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    texas = W.estimate("15-2051", TEXAS)
    assert texas is not None
    text = reply["text"]
    assert text.startswith("BLS publishes no pay by level.")
    assert f"- The lowest-paid 10% earn less than {wages.money(texas.p10)}" in text
    assert f"- The lowest-paid 25% earn less than {wages.money(texas.p25)}" in text
    assert "not a starting salary" in text and text.lower().count("starting salary") == 1


async def test_an_industry_is_national_and_an_employer_keeps_its_sentence(run) -> None:
    asked = tracker(
        "ask_role_salary",
        {"role": [DBA], "industry": ["5220A1"], "place": place("0016740")},
        text="DBA salary at a bank in Charlotte",
    )
    said, _ = await run(ActionAnswerRole(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert reply["text"].splitlines()[0] == (
        "BLS publishes industry figures for the US as a whole only, none for "
        "Charlotte-Concord-Gastonia, NC-SC."
    )
    banks = W.estimate("15-1242", "0000000", "5220A1")
    assert banks is not None and wages.money(banks.median) in reply["text"]
    asked = tracker(
        "ask_role_salary", {"role": [DS], "employer": ["Google"]}, text="what does Google pay DSs?"
    )
    said, _ = await run(ActionAnswerRole(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert reply["text"].splitlines()[0] == (
        "My salary figures are for the whole occupation across all employers; I have none for Google in "
        "particular."
    )


async def test_a_place_abroad_keeps_the_honest_sentence_then_the_us_figures(run) -> None:
    asked = tracker(
        "ask_role_salary", {"role": [DS], "place": ["London"]}, text="data scientist pay in London"
    )
    said, events = await run(ActionAnswerRole(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    lines = reply["text"].splitlines()
    assert lines[:2] == [
        "My salary figures are for the US; I have none for London.",
        "Data Scientists: salary",
    ]
    assert slot(events, "place") is None


async def test_the_chart_is_a_picture_in_the_widget_and_text_bars_elsewhere(run) -> None:
    key = "pay/chart/compare/data_scientist/4800000+0600000"
    [reply], _ = await run(ActionShowDetail(), tracker("ask_detail", {"detail": [key]}, channel="socketio"))
    assert reply["image"] == "chart/pay/compare/data_scientist/4800000+0600000.png"
    assert reply["text"].startswith(
        "Chart: Median annual pay, Data Scientists (SOC 15-2051) (BLS OEWS, May 2025)"
    )
    for channel in ("slack", "cmdline", "rest"):
        [reply], _ = await run(ActionShowDetail(), tracker("ask_detail", {"detail": [key]}, channel=channel))
        assert reply["image"] is None
        assert "█" in reply["text"] and "Texas" in reply["text"] and "California" in reply["text"]
        assert len(reply["text"]) <= MAX_CHARS


async def test_pay_keys_go_through_the_detail_action_and_a_made_up_one_names_nothing(run) -> None:
    [reply], events = await run(
        ActionShowDetail(), tracker("ask_detail", {"detail": [f"pay/jobs/{DS}/{OHIO}"]})
    )
    assert reply["text"].startswith("Data Scientists (SOC 15-2051), Ohio (BLS OEWS, May 2025):")
    assert slot(events, "role") == DS
    for forged in ("pay/place/nobody/4800000", "pay/top/data_scientist/galaxy/median", "pay/compare/x/1+2"):
        [reply], events = await run(ActionShowDetail(), tracker("ask_detail", {"detail": [forged]}))
        assert reply["response"] == "utter_no_detail" and events == []


async def test_where_the_jobs_are_without_a_role_asks_which(run) -> None:
    asked = tracker("ask_jobs_where", {"place": place(OHIO)}, text="how many jobs are there in Ohio?")
    said, _ = await run(ActionAnswerPay(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert reply["text"].startswith("Which role do you mean?")
    payloads = [b["payload"] for b in reply["buttons"]]
    assert f'/ask_detail{{"detail": "pay/jobs/{DS}/{OHIO}"}}' in payloads
    assert len(payloads) == 5


async def test_an_occupation_we_do_not_cover_is_said_so(run) -> None:
    asked = tracker(
        "ask_jobs_where", {"job": ["dentist"], "place": place(OHIO)}, text="how many dentists in Ohio"
    )
    [reply], events = await run(ActionAnswerPay(), asked)
    assert reply["response"] == "utter_role_not_covered" and reply["job"] == "dentist"
    assert events == []


async def test_a_question_about_skills_in_a_place_is_about_skills(run) -> None:
    asked = tracker("ask_role_skills", {"role": [DS], "place": place(TEXAS)}, {"aspect": "skills"})
    said, _ = await run(ActionAnswerRole(), asked)
    [reply] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert reply["text"].startswith("Data Scientists: skills")


async def test_chart_typed_after_a_pay_answer_is_that_answers_chart(run) -> None:
    said, _ = await run(
        ActionAnswerPay(),
        tracker("ask_jobs_where", {"role": [STAT]}, text="which state pays statisticians most?"),
    )
    answer_of(said)  # the answer, then "Was this helpful?" (issue 19)
    typed = tracker("rank_roles", text="Chart", channel="slack")
    # The feedback question is the last message: "Chart" still means the answer's chart, and the
    # chart, asked for right after, is not asked about again.
    typed.events = [{"event": "bot", "text": m["text"], "data": {"buttons": m["buttons"]}} for m in said] + [
        *typed.events
    ]
    [reply], _ = await run(ActionRankRoles(), typed)
    assert reply["text"].startswith("Median annual pay: top states, Statisticians (SOC 15-2041)")
    assert "█" in reply["text"]
    # With no pay answer just before, "chart" is the ranking of the family, as always.
    said, _ = await run(ActionRankRoles(), tracker("rank_roles", text="Chart", channel="slack"))
    [reply] = answer_of(said)  # a first answer: "Was this helpful?" after it (issue 19)
    assert reply["text"].startswith("Median annual pay, US, May 2024")
