"""Chat-size first answers and the detail behind their "more" button (careers/detail.py)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from careers import compare, detail, knowledge, render, roles
from careers.answer import MAX_BUTTONS, MAX_CHARS
from careers.knowledge import KnowledgeBase

KB = knowledge.load()
DS, MLE = "data_scientist", "machine_learning_engineer"
AMOUNT = re.compile(r"\$[\d,]+ a year|[+][\d,]+%|about [\d,]+ a year")


def many_roles(kb: KnowledgeBase, copies: int) -> KnowledgeBase:
    """The knowledge base with each role copied `copies` times under new ids, as when the
    family grows to ten roles: the short answers must still fit."""
    grown = dict(kb.roles)
    for n in range(copies):
        for role in kb.roles.values():
            twin = dataclasses.replace(
                role, id=f"{role.id}_{n}", name=f"{role.name} {n}", plural=f"{role.plural} {n}"
            )
            grown[twin.id] = twin
    return dataclasses.replace(kb, roles=grown)


def first_answers(kb: KnowledgeBase) -> dict[str, detail.Answer]:
    answers = {f"{r} {a}": detail.role_answer(kb, r, a) for r in kb.roles for a in kb.aspects}
    for aspect in [*kb.aspects, None]:
        answers[f"compare {aspect}"] = detail.compare_answer(kb, list(kb.roles), aspect)
    return answers


def assert_every_amount_names_its_source_and_period(kb: KnowledgeBase, text: str) -> None:
    """Each figure stated in `text` is on a line that also names its source and its period."""
    figures = [f for role in kb.roles.values() for s in role.sections.values() for f in s.figures]
    for line in text.splitlines():
        for amount in AMOUNT.findall(line):
            owners = [f for f in figures if render.value(f) == amount]
            assert owners, amount
            assert any(kb.sources[f.source].name in line and f.period in line for f in owners), line


@pytest.mark.parametrize("kb", [KB, many_roles(KB, 4)], ids=["the knowledge base", "ten roles"])
def test_every_first_answer_fits_a_phone_and_sources_every_figure_it_states(kb: KnowledgeBase) -> None:
    for name, answer in first_answers(kb).items():
        assert len(answer.text) <= MAX_CHARS, f"{name}: {len(answer.text)}"
        assert 1 <= len(answer.buttons) <= MAX_BUTTONS, name
        assert all(len(c.title) <= 75 for c in answer.buttons), name
        assert_every_amount_names_its_source_and_period(kb, answer.text)


def test_the_salary_answer_leads_with_two_sourced_figures_and_offers_all_of_them() -> None:
    answer = detail.role_answer(KB, DS, "salary")
    assert answer.text.startswith("Data Scientists: salary")
    assert "$129,189 a year (US, 2024; Blockchain Council article" in answer.text
    assert "$112,590 a year (US, May 2024; US Bureau of Labor Statistics" in answer.text
    assert "$82,630" not in answer.text  # the percentiles wait behind the button
    more = answer.buttons[0]
    assert more.title == "All 8 salary figures"
    found = detail.parse_key(KB, more.entities["detail"])
    assert found is not None
    full = detail.detail_answer(KB, found).text
    assert full == roles.describe(KB, DS, "salary")  # exactly as sourced as ever
    for figure in KB.roles[DS].section("salary").figures:
        assert render.figure_line(figure, KB) in full


def test_which_pays_more_leads_with_the_disagreement_and_both_like_for_like_results() -> None:
    [answer] = detail.comparison_answers(KB, [DS, MLE], ["salary"])
    lines = answer.text.splitlines()
    assert lines[0] == "Data Scientist vs Machine Learning Engineer: salary"
    assert lines[1].startswith("The sources disagree")
    assert "By Blockchain Council (average pay, 2024): Data Scientists ahead" in lines[2]
    assert "By PayScale (average base pay, 2023): Machine Learning Engineers ahead" in lines[3]
    assert [c.title for c in answer.buttons] == ["All salary figures", "Help me choose"]
    found = detail.parse_key(KB, answer.buttons[0].entities["detail"])
    assert found is not None
    assert detail.detail_answer(KB, found).text == compare.compare(KB, [DS, MLE], "salary")


def test_no_like_for_like_figure_says_so_and_still_shows_each_roles_key_figure() -> None:
    text = detail.compare_answer(KB, [DS, MLE], "outlook").text
    assert "no fair ranking" in text
    assert "+35% (US, 2022-2032" in text and "+40% (period not stated" in text


def test_what_is_the_difference_answers_in_short_with_the_rest_behind_buttons() -> None:
    [answer] = detail.comparison_answers(KB, [DS, MLE], [])
    assert "interpreting data" in answer.text and "implementing models" in answer.text
    assert [c.title for c in answer.buttons][:2] == ["Point by point", "Compare on salary"]


def test_a_lead_sentence_comes_first_and_counts_toward_the_size() -> None:
    lead = "These figures are for the US; none of my sources covers Germany. " * 3
    answer = detail.role_answer(KB, DS, "salary", lead=lead.strip())
    assert answer.text.startswith("These figures are for the US")
    assert len(answer.text) <= MAX_CHARS
    assert_every_amount_names_its_source_and_period(KB, answer.text)


def test_an_aspect_that_fits_whole_has_no_more_button() -> None:
    small = [
        (r, a)
        for r in KB.roles
        for a in KB.aspects
        if not KB.roles[r].section(a).figures and len(roles.describe(KB, r, a)) <= 300
    ]
    assert small  # the knowledge base has some short sections
    for role_id, aspect_id in small:
        answer = detail.role_answer(KB, role_id, aspect_id)
        assert answer.text == roles.describe(KB, role_id, aspect_id)
        assert all(c.intent != "ask_detail" for c in answer.buttons)


def test_tell_me_more_follows_the_latest_more_button() -> None:
    offered = [
        [{"title": "All 8 salary figures", "payload": '/ask_detail{"detail": "role/salary/data_scientist"}'}],
        [{"title": "Help me choose", "payload": "/start_path"}],
        [{"title": "More", "payload": '/ask_detail{"detail": "role/skills/machine_learning_engineer"}'}],
        [],
    ]
    assert detail.latest_more_key(offered) == "role/skills/machine_learning_engineer"
    assert detail.latest_more_key([[{"title": "x", "payload": "/greet"}]]) is None


@pytest.mark.parametrize(
    "key",
    [
        "",
        "role/salary",
        "role/salary/plumber",
        "role/nothing/data_scientist",
        "compare/salary/data_scientist",
        "x/y/z",
    ],
)
def test_a_key_naming_nothing_is_refused(key: str) -> None:
    assert detail.parse_key(KB, key) is None


def test_with_a_long_lead_a_comparison_still_says_which_way_each_source_points() -> None:
    lead = "\n".join(["My salary figures are for the US; I have none for Brazil, nor for senior roles."] * 4)
    answer = detail.compare_answer(KB, [DS, MLE], "salary", lead=lead)
    assert len(answer.text) <= MAX_CHARS
    assert "Blockchain Council (average pay, 2024): Data Scientists ahead" in answer.text
    assert "PayScale (average base pay, 2023): Machine Learning Engineers ahead" in answer.text
    assert_every_amount_names_its_source_and_period(KB, answer.text)


def test_where_the_data_comes_from_names_the_oews_release_its_date_files_and_notice() -> None:
    from careers import wages_kb

    answer = detail.sources_answer(KB, wages_kb.default())
    assert len(answer.text) <= MAX_CHARS
    assert "Blockchain Council" in answer.text  # the publishers by name, as before
    assert "BLS OEWS, May 2025 release, published by BLS on 15 May 2026" in answer.text
    assert "oe.data.0.Current" in answer.text and "oe.area" in answer.text
    assert "BLS.gov cannot vouch for the data or analyses derived from these data" in answer.text
    assert [b.entities.get("detail") for b in answer.buttons][:2] == ["sources", "pay/sources"]


def test_a_pay_key_is_the_pay_branch_of_the_details() -> None:
    found = detail.parse_key(KB, "pay/top/data_scientist/state/median")
    assert found is not None and (found.kind, found.key) == ("pay", "pay/top/data_scientist/state/median")
