"""addons/nlu/kb_entities.py: roles, aspects, occupations and scope words found as people type them,
typos included (careers/spelling.py's rules)."""

from __future__ import annotations

import pytest

from addons.nlu.kb_entities import PhraseIndex
from careers import knowledge
from careers.spelling import FuzzyMatcher

KB = knowledge.load()
INDEX = PhraseIndex(KB)
DS, MLE = "data_scientist", "machine_learning_engineer"


def found(text: str, entity: str) -> list[str]:
    return [e["value"] for e in INDEX.find(text) if e["entity"] == entity]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("data scietist salary", DS),
        ("what do datascintists earn", DS),
        ("machin learning enginer", MLE),
        ("MACHINE LERNING ENGINEERS skills", MLE),
        ("tell me about data sceintists", DS),
    ],
)
def test_a_role_with_one_or_two_typos_is_found(text: str, role: str) -> None:
    assert found(text, "role") == [role]


@pytest.mark.parametrize(
    ("text", "aspect"), [("salery?", "salary"), ("skils", "skills"), ("enviroment", "work_environment")]
)
def test_an_aspect_keyword_with_a_typo_is_found(text: str, aspect: str) -> None:
    assert found(text, "aspect") == [aspect]


@pytest.mark.parametrize(
    "text",
    [
        "dsa salary",  # short aliases never bend: "ds" and "mle" are exact or nothing
        "mlee salary",
        "I enjoy learning new things",  # a real word of the knowledge base is not a typo
        "what do dentsts earn",  # close to an occupation we don't cover: not a role
        "what does a scientist do",
    ],
)
def test_no_role_is_made_up_from_a_near_miss(text: str) -> None:
    assert found(text, "role") == []


def test_an_uncovered_occupation_blocks_a_fuzzy_match_as_close_to_it() -> None:
    matcher = FuzzyMatcher(targets=[("role", "r", "data scientist")], blockers=["data scientisk"])
    assert matcher.find(["data", "scientisx"], set()) == []
    assert matcher.find(["data", "scienitst"], set()) == [("role", "r", 0, 2)]


def test_scope_words_and_years_are_tagged() -> None:
    text = "what do senior data scientists earn at google in brazil in 2040"
    assert found(text, "seniority") == ["senior"]
    assert found(text, "employer") == ["Google"]
    assert found(text, "place") == ["Brazil"]
    assert found(text, "year") == ["2040"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("data analyst pay in Ohio", ["area:3900000"]),
        ("DS salary in TX", ["area:4800000"]),
        ("pay in Philly", ["area:0037980"]),
        ("pay in Oakland vs Seatle", ["area:0041860", "area:0042660"]),  # a city, a typo
        ("pay in the Bay Area", ["area:0041860", "area:0041940"]),  # a region BLS splits
        ("pay in Springfield", ["one of:0021660+0044100+0044140+0044180+0044220"]),
        ("pay nationally", ["area:0000000"]),
        ("pay in Toronto", ["Toronto"]),  # abroad: the plain name, as before
    ],
)
def test_places_are_bls_areas_in_the_us_and_plain_names_abroad(text: str, places: list[str]) -> None:
    assert found(text, "place") == places


def test_an_industry_is_its_oews_code_and_not_an_employer() -> None:
    assert found("data analyst pay in insurance", "industry") == ["524000"]
    assert found("DBA salary at a bank", "industry") == ["5220A1"]
    assert found("DBA salary at a bank", "employer") == []  # "a bank" is the industry here
    assert found("ML engineer pay at Google", "employer") == ["Google"]  # one employer stays one
    assert found("ML engineer pay at Google", "industry") == []


def test_level_words_are_seniority() -> None:
    assert found("25th percentile pay for statisticians", "seniority") == ["25th percentile"]
    assert found("what do top earners make", "seniority") == ["top earners"]


def test_upper_case_abbreviations_match_with_their_case_only() -> None:
    assert found("DS vs DE", "role") == [DS, "data_engineer"]
    assert found("DE or DA, which should i go for?", "role") == ["data_engineer", "data_analyst"]
    assert found("de la Cruz asked about da Vinci", "role") == []
