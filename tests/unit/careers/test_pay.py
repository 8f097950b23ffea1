"""Pay answers by place, level and industry: chat size, every figure labelled with its source,
release and area as BLS names it, percentiles never called a starting salary, unpublished values
said as BLS marks them, the family ranked like for like, every button answerable, charts a phone
can read."""

from __future__ import annotations

import dataclasses
import re
import struct

import pytest

from careers import chart, knowledge, levels, pay, pay_bars, pay_keys, pay_question, wages, wages_kb
from careers.answer import MAX_CHARS, Answer
from careers.wages_kb import NATIONAL, Value

KB = knowledge.default()
W = wages_kb.default()
LABEL = "BLS OEWS, May 2025"
PLACES = ["0000000", "4800000", "0600000", "0041860", "0035620", "1100000", "0015380", "0100001"]
LEVELS = [None, "starting", "senior", "mid-level"]


def _where(area: str) -> str:
    return "the US" if area == NATIONAL else W.areas[area].title


def _check(answer: Answer) -> None:
    assert len(answer.text) <= MAX_CHARS, answer.text
    assert LABEL in answer.text, answer.text
    assert "*" not in answer.text and "<" not in answer.text  # plain text, "- " bullets only
    # A percentile is never a starting salary: the words come only as "not a starting salary".
    assert re.sub(r"not a starting salary", "", answer.text).lower().count("starting salary") == 0
    assert "entry-level salary" not in answer.text.lower()


@pytest.mark.parametrize("role_id", sorted(KB.roles))
@pytest.mark.parametrize("area", PLACES)
def test_pay_in_a_place_fits_a_phone_and_names_source_release_and_area(role_id: str, area: str) -> None:
    for word in LEVELS:
        level = levels.level(word) if word else None
        answer = pay.pay_in_place(KB, W, role_id, area, level)
        _check(answer)
        assert _where(area) in answer.text
        entry = W.roles[role_id]
        if entry.proxy:
            assert "proxy" in answer.text.splitlines()[0]


def test_the_national_answer_says_the_change_since_may_2024_with_both_sources() -> None:
    answer = pay.pay_in_place(KB, W, "data_scientist", NATIONAL)
    assert "- Median: $120,230, up 6.8% from $112,590 in May 2024" in answer.text
    assert "Occupational Outlook Handbook" in answer.text and LABEL in answer.text


def test_a_level_question_gets_percentiles_with_their_honest_label() -> None:
    text = pay.pay_in_place(KB, W, "data_scientist", "4800000", levels.level("entry level")).text
    texas = W.estimate("15-2051", "4800000")
    assert texas is not None
    assert text.startswith("BLS publishes no pay by level.")
    assert f"- The lowest-paid 10% earn less than {wages.money(texas.p10)}" in text
    assert f"- The lowest-paid 25% earn less than {wages.money(texas.p25)}" in text
    assert "not a starting salary or the pay of a title or a year of experience" in text
    senior = pay.pay_in_place(KB, W, "data_scientist", "4800000", levels.level("senior")).text
    assert f"- The best-paid 10% earn more than {wages.money(texas.p90)}" in senior


def test_an_unpublished_value_is_said_with_blss_reason() -> None:
    text = pay.pay_in_place(KB, W, "research_scientist", "0015380").text  # Buffalo-Cheektowaga, NY
    assert "- Median: not published (Estimate not released.)" in text


def test_a_top_coded_wage_is_blss_lower_bound() -> None:
    key = ("15-2051", "0041860", "000000")
    top_coded = dataclasses.replace(W.estimates[key], p90=Value(None, "5", 239200.0))
    w = dataclasses.replace(W, estimates={**W.estimates, key: top_coded})
    text = pay.pay_in_place(KB, w, "data_scientist", "0041860", levels.level("top")).text
    assert "- The best-paid 10% earn more than ≥ $239,200" in text


def test_no_figures_for_a_place_says_so_and_gives_the_us() -> None:
    answer = pay.pay_in_place(KB, W, "data_scientist", "6600000")  # Guam
    _check(answer)
    assert "has no figures" in answer.text and "Guam" in answer.text


def test_jobs_answer_counts_employees_and_explains_the_location_quotient() -> None:
    answer = pay.jobs(KB, W, "data_scientist", "0041860")
    _check(answer)
    sf = W.estimate("15-2051", "0041860")
    assert sf is not None
    assert f"- Jobs: {wages.count(sf.employment)}; {wages.location_quotient(sf)}" in answer.text
    assert "not the self-employed" in answer.text


def test_pay_in_an_industry_is_national_and_named_as_bls_names_it() -> None:
    answer = pay.pay_in_industry(KB, W, "data_analyst", "524000", asked_place="Texas")
    _check(answer)
    lines = answer.text.splitlines()
    assert lines[0] == "BLS publishes industry figures for the US as a whole only, none for Texas."
    assert "proxy" in lines[1]
    assert "Insurance Carriers and Related Activities, US" in answer.text
    insurance = W.estimate("15-2051", NATIONAL, "524000")
    assert insurance is not None and wages.money(insurance.median) in answer.text
    tech = pay.pay_in_industry(KB, W, "data_scientist", "541500").text
    assert 'OEWS has no "tech" industry' in tech


@pytest.mark.parametrize("by", ["median", "employment"])
@pytest.mark.parametrize("kind", ["state", "metro"])
def test_top_places(kind: str, by: str) -> None:
    answer = pay.top_places(KB, W, "data_engineer", kind, by)
    _check(answer)
    ranked, _ = wages.top_areas(W, "15-1243", kind, by)
    for i, item in enumerate(ranked, start=1):
        assert f"{i}. {item.area.title}: {wages.say(W, by, item.value)}" in answer.text


def test_two_places_side_by_side() -> None:
    answer = pay.compare_places(KB, W, "data_scientist", ["4800000", "0600000"])
    _check(answer)
    texas, california = W.estimate("15-2051", "4800000"), W.estimate("15-2051", "0600000")
    assert texas is not None and california is not None
    assert "Texas vs California" in answer.text
    assert f"- Median: {wages.money(texas.median)} vs {wages.money(california.median)}" in answer.text
    assert "not adjusted for living costs" in answer.text


def test_the_family_in_one_place_is_ranked_like_for_like() -> None:
    answer = pay.family_in_place(KB, W, "4800000")
    _check(answer)
    lines = [line for line in answer.text.splitlines() if re.match(r"\d\. ", line)]
    amounts = [int(re.sub(r"\D", "", line.rsplit("$", 1)[1])) for line in lines]
    assert amounts == sorted(amounts, reverse=True)
    assert "Median annual pay in Texas (BLS OEWS, May 2025), like for like:" in answer.text
    assert any(
        "Data Scientists = Business Intelligence Analysts (proxy) = Data Analysts (proxy)" in x for x in lines
    )
    assert sum(line.count("Software Developers") for line in lines) == 1  # three roles, one line


def test_an_ambiguous_place_asks_which() -> None:
    answer = pay.which_place(W, "Springfield", ["0044100", "0044180"], "data_scientist")
    assert "Which one?" in answer.text
    assert [c.title for c in answer.buttons] == ["Springfield, IL", "Springfield, MO"]


def test_the_sources_answer_names_release_date_files_and_blss_notice() -> None:
    text = pay.sources_answer(W).text
    assert len(text) <= MAX_CHARS
    assert "May 2025 release, published by BLS on 15 May 2026" in text
    assert "oe.data.0.Current" in text and "SHA-256" in text
    assert (
        "BLS.gov cannot vouch for the data or analyses derived from these data after the data have been "
        "retrieved from BLS.gov." in text
    )


def test_every_button_of_every_answer_names_an_answer() -> None:
    answers = [
        pay.pay_in_place(KB, W, "data_scientist", "4800000"),
        pay.jobs(KB, W, "mlops_engineer", "0041860"),
        pay.top_places(KB, W, "statistician", "state", "median"),
        pay.top_places(KB, W, "statistician", "metro", "employment"),
        pay.family_in_place(KB, W, "0600000"),
        pay.which_place(W, "Springfield", ["0044100", "0044180"], "data_scientist"),
    ]
    for answer in answers:
        for choice in answer.buttons:
            key = choice.entities.get("detail", "")
            if choice.intent == "ask_detail":
                found = _for_key(key)
                assert found is not None, key
                if key != "pay/sources":
                    _check(found)
    assert _for_key("pay/place/nobody/4800000") is None
    assert _for_key("pay/top/data_scientist/galaxy/median") is None
    compared = _for_key("pay/compare/data_scientist/4800000+0600000")
    assert compared is not None and "Texas vs California" in compared.text


def _for_key(key: str) -> Answer | None:
    """What a button's key gives: an answer, or for a chart key its text bars."""
    asked = pay_keys.parse_key(KB, W, key)
    if asked is None:
        return None
    if key.startswith("pay/chart/"):
        reply = pay_question.chart_reply(KB, W, asked, images=False)
        return reply.answer if reply else None
    return pay_question.answer(KB, W, asked)


def test_text_bars_for_the_shell_and_slack() -> None:
    bars = pay_bars.place_bars(KB, W, "data_scientist", ["4800000", "0600000", "0041860", "6600000"])
    text = pay_bars.text_bars(bars)
    assert text.splitlines()[0] == "Median annual pay, Data Scientists (SOC 15-2051) (BLS OEWS, May 2025)"
    for bar in bars.bars:
        assert any(line.endswith(f"{bar.text}  {bar.label}") for line in text.splitlines())
    assert "Not published: Guam." in text
    family = pay_bars.text_bars(pay_bars.family_bars(KB, W, "0000000"))
    assert "░" in family and "proxy" in family
    assert len(family) < 3000  # one Slack section block


def _png_width(data: bytes) -> int:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int(struct.unpack(">I", data[16:20])[0])


def test_the_place_chart_is_legible_on_a_390_pixel_phone() -> None:
    bars = pay_bars.family_bars(KB, W, "4800000")
    figure = chart.bars_figure(bars)
    try:
        width_in = figure.get_size_inches()[0]
        texts = [t for t in figure.findobj(match=lambda a: hasattr(a, "get_fontsize")) if t.get_text()]
        smallest_px = (
            min(t.get_fontsize() for t in texts) * chart.PHONE_DPI / 72 * 390 / (width_in * chart.PHONE_DPI)
        )
        assert smallest_px >= 12
        words = " ".join(t.get_text() for t in texts)
        assert LABEL in words and "Texas" in words and "Data Scientists" in words
    finally:
        chart.plt.close(figure)
    assert _png_width(chart.bars_png(bars)) == 450
    one = pay_bars.place_bars(KB, W, "ai_engineer", ["0041860"])
    assert _png_width(chart.bars_png(one)) == 450
