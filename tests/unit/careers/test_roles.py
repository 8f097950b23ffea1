"""Answers about one role, and deciding which role a question is about."""

from __future__ import annotations

import pytest

from careers import knowledge, roles
from careers.roles import Resolution

KB = knowledge.load()
DS, MLE = "data_scientist", "machine_learning_engineer"


def test_salary_answer_gives_each_figure_with_source_and_period() -> None:
    text = roles.describe(KB, DS, "salary")
    assert "$129,189 a year (US, 2024; Blockchain Council article" in text
    assert "$112,590 a year (US, May 2024; US Bureau of Labor Statistics" in text
    assert "never combined" in text
    assert text.splitlines()[-1].startswith("Sources: ")


def test_mle_figures_from_official_statistics_are_labelled_as_proxies() -> None:
    text = roles.describe(KB, MLE, "salary")
    assert "software developers (closest official proxy" in text
    assert "no official US pay figure" in text


def test_mle_outlook_says_the_40_percent_is_not_a_bls_figure() -> None:
    text = roles.describe(KB, MLE, "outlook")
    assert "+40% (worldwide, 2023-2027; World Economic Forum" in text
    assert "not a BLS figure" in text


@pytest.mark.parametrize("aspect", list(KB.aspects))
def test_every_aspect_of_every_role_has_a_titled_sourced_answer(aspect: str) -> None:
    for role_id, role in KB.roles.items():
        text = roles.describe(KB, role_id, aspect)
        assert text.startswith(f"{role.plural}: {KB.aspects[aspect].title.lower()}")
        assert "Sources: " in text


@pytest.mark.parametrize(
    ("mentioned", "jobs", "remembered", "expected"),
    [
        ([DS], [], MLE, Resolution(roles=(DS,))),  # named beats remembered
        ([MLE, DS, MLE], [], None, Resolution(roles=(MLE, DS))),  # order kept, no repeats
        ([], ["plumber"], DS, Resolution(not_covered="plumber")),  # an uncovered job is not DS
        ([], ["ML engineer"], DS, Resolution(roles=(DS,))),  # a known alias tagged as a job is no job
        ([], [], MLE, Resolution(roles=(MLE,))),  # follow-up uses the context
        ([], [], None, Resolution(ask=True)),
        (["astronaut"], [], None, Resolution(ask=True)),  # unknown ids are ignored
    ],
)
def test_resolve(mentioned: list[str], jobs: list[str], remembered: str | None, expected: Resolution) -> None:
    assert roles.resolve(KB, mentioned, jobs, remembered) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [("MLE", MLE), ("  Data   Scientists ", DS), ("data_scientist", DS), ("plumber", None)],
)
def test_find_role_by_alias_name_or_id(text: str, role: str | None) -> None:
    assert roles.find_role(KB, text) == role


def test_covered_roles_and_choices_come_from_the_knowledge_base() -> None:
    covered = roles.covered_roles(KB)
    assert covered.startswith("AI Engineers, Business Intelligence Analysts, Data Analysts, Data Engineers")
    assert covered.endswith("AI / ML Research Scientists and Statisticians")
    assert roles.role_choices(KB) == [(role.plural, role.id) for role in KB.roles.values()]
    assert len(roles.role_choices(KB)) == 10


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("data eng", "data_engineer"),
        ("BI dev", "business_intelligence_analyst"),
        ("ML researcher", "research_scientist"),
        ("LLM engineer", "ai_engineer"),
        ("ml ops", "mlops_engineer"),
        ("DBA", "database_administrator"),
        ("biostatistician", "statistician"),
        ("data analytics", "data_analyst"),
    ],
)
def test_aliases_people_type_find_the_new_roles(text: str, role: str) -> None:
    assert roles.find_role(KB, text) == role


def test_the_family_list_names_every_role() -> None:
    text = roles.family(KB)
    assert text.startswith("I know 10 data careers: ")
    assert all(role.name in text for role in KB.roles.values())
