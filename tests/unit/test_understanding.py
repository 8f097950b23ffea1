"""Reading people as they write (issue 10): typos, scope words, the intent rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from addons.intent_rules import decide
from addons.kb_entities import PhraseIndex
from careers import knowledge, scope
from careers.knowledge import KnowledgeBaseError
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


def test_a_place_listed_as_two_kinds_is_a_knowledge_base_error(tmp_path: Path) -> None:
    text = (knowledge.DEFAULT_DIR / "scope.yml").read_text(encoding="utf-8")
    (tmp_path / "scope.yml").write_text(text.replace("us_states: [alabama,", "us_states: [brazil, alabama,"))
    with pytest.raises(KnowledgeBaseError, match=r"scope.yml.*us_states.*'brazil' is listed twice"):
        scope.load(tmp_path)


def test_caveats_name_what_the_figures_do_not_cover() -> None:
    gazetteer = scope.default()

    def caveats(**mentions: list[str]) -> list[str]:
        return scope.caveats(KB, gazetteer, [MLE], "outlook", mentions)

    assert caveats(place=["Brazil"]) == [
        "My job outlook figures are for the US and the world as a whole; I have none for Brazil."
    ]
    assert caveats(place=["California"]) == [
        "My job outlook figures are US-wide; I have none for California on its own."
    ]
    assert caveats(place=["Worldwide"]) == []  # the WEF figure is worldwide
    assert caveats(place=["US"], year=["2030"]) == []
    assert caveats(year=["2040"]) == [
        "My job outlook figures run to 2033 at the latest; I have none for 2040."
    ]
    assert scope.caveats(KB, gazetteer, [MLE], "skills", {"place": ["Brazil"]}) == []  # no figures, no caveat


@pytest.mark.parametrize(
    ("intent", "confidence", "entities", "text", "expected"),
    [
        ("out_of_scope", 0.3, [{"entity": "aspect", "value": "salary"}], "and the money?", "ask_role_salary"),
        ("out_of_scope", 0.8, [{"entity": "aspect", "value": "salary"}], "pay my bill", None),
        (
            "inform_role",
            0.7,
            [{"entity": "role", "value": DS}, {"entity": "aspect", "value": "salary"}],
            "ds salaries?",
            "ask_role_salary",
        ),
        (
            "ask_role_tools",
            0.6,
            [{"entity": "role", "value": DS}, {"entity": "role", "value": MLE}],
            "ds vs mle tools",
            "compare_roles",
        ),
        ("start_path", 0.5, [{"entity": "role", "value": DS}], "is DS for me", "ask_role_fit"),
        ("ask_role_overview", 0.4, [], "what does assiduous mean?", "out_of_scope"),
        ("ask_role_overview", 0.4, [], "what do they do", None),  # "they": a follow-up
        ("ask_role_overview", 0.9, [], "what does assiduous mean?", None),  # a sure classifier stands
        ("answer_path", 0.2, [], "the first one", None),  # path answers are the form's to judge
        ("compare_roles", 0.2, [], '/compare_roles{"aspect": "salary"}', None),  # a button
    ],
)
def test_intent_rules(
    intent: str, confidence: float, entities: list, text: str, expected: str | None
) -> None:
    decision = decide(intent, confidence, entities, text, threshold=0.6)
    assert (decision.intent if decision else None) == expected
