"""Comparisons: like-for-like verdicts, honest disagreement, and every aspect side by side."""

from __future__ import annotations

import dataclasses

from careers import compare, knowledge
from careers.knowledge import KnowledgeBase

KB = knowledge.load()
DS, MLE = "data_scientist", "machine_learning_engineer"


def test_salary_verdicts_pair_only_like_with_like_and_disagree() -> None:
    found = compare.verdicts(KB, [DS, MLE], "salary")
    assert [(v.source, v.period, v.leader) for v in found] == [
        ("blockchain_council_2024", "2024", DS),
        ("payscale_2023", "2023", MLE),
    ]


def test_which_pays_more_leads_with_the_disagreement_then_every_figure() -> None:
    text = compare.answer(KB, [DS, MLE], ["salary"])
    lines = text.splitlines()
    assert lines[1] == "The sources disagree, so there is no single answer. Like for like:"
    assert "Data Scientists ahead: $129,189 a year for Data Scientists vs $125,558 a year" in text
    assert "Machine Learning Engineers ahead: $99,344 a year for Data Scientists vs $115,243 a year" in text
    assert "$132,270" in text  # the proxy is shown, but never ranked
    assert "proxy" not in "".join(line for line in lines if line.startswith("- By "))


def test_growth_comparison_refuses_to_rank_35_against_40() -> None:
    text = compare.answer(KB, [MLE, DS], ["outlook"])
    assert "No source gives a like-for-like figure for both roles" in text
    assert "+35%" in text and "+40%" in text
    assert "measure different things" in text


def test_education_comparison_contrasts_summaries_with_the_note() -> None:
    text = compare.answer(KB, [DS, MLE], ["education"])
    assert "- Data Scientist: usually a bachelor's degree" in text
    assert "master's or PhD" in text
    assert "certifications" in text


def test_difference_covers_every_aspect_for_both_roles() -> None:
    text = compare.answer(KB, [DS, MLE], [])
    for aspect in KB.aspects.values():
        assert f"{aspect.title}:" in text
    assert text.count("- Data Scientist: ") == len(KB.aspects)
    assert text.count("- Machine Learning Engineer: ") == len(KB.aspects)


def test_several_aspects_are_each_compared() -> None:
    text = compare.answer(KB, [DS, MLE], ["salary", "outlook", "salary"])
    assert text.count("Data Scientist vs Machine Learning Engineer: ") == 2


def test_role_order_follows_the_question() -> None:
    assert compare.answer(KB, [MLE, DS], ["skills"]).startswith("Machine Learning Engineer vs Data Scientist")


def _with_equal_pay(kb: KnowledgeBase) -> KnowledgeBase:
    mle = kb.roles[MLE]
    salary = mle.section("salary")
    ds_article = kb.roles[DS].section("salary").figures[0]
    figures = (dataclasses.replace(salary.figures[0], value=ds_article.value),) + salary.figures[1:]
    sections = dict(mle.sections, salary=dataclasses.replace(salary, figures=figures))
    roles = dict(kb.roles, **{MLE: dataclasses.replace(mle, sections=sections)})
    return dataclasses.replace(kb, roles=roles)


def test_equal_figures_are_reported_as_the_same() -> None:
    kb = _with_equal_pay(KB)
    verdict = compare.verdicts(kb, [DS, MLE], "salary")[0]
    assert verdict.leader is None
    assert "the same" in compare.answer(kb, [DS, MLE], ["salary"])
