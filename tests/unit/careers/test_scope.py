"""careers/scope.py: the gazetteer of what the figures do not cover, and the sentence said first."""

from __future__ import annotations

from pathlib import Path

import pytest

from addons.nlu.kb_entities import PhraseIndex
from careers import knowledge, scope
from careers.knowledge import KnowledgeBaseError

KB = knowledge.load()
INDEX = PhraseIndex(KB)
DS, MLE = "data_scientist", "machine_learning_engineer"


def found(text: str, entity: str) -> list[str]:
    return [e["value"] for e in INDEX.find(text) if e["entity"] == entity]


def test_a_place_listed_as_two_kinds_is_a_knowledge_base_error(tmp_path: Path) -> None:
    text = (knowledge.PROJECT_DIR / "scope.yml").read_text(encoding="utf-8")
    (tmp_path / "scope.yml").write_text(text.replace("regions: [europe,", "regions: [brazil, europe,"))
    with pytest.raises(KnowledgeBaseError, match=r"scope.yml.*regions.*'brazil' is listed twice"):
        scope.load(tmp_path)


def test_caveats_name_what_the_figures_do_not_cover() -> None:
    gazetteer = scope.default()

    def caveats(**mentions: list[str]) -> list[str]:
        return scope.caveats(KB, gazetteer, [MLE], "outlook", mentions, {"area:0600000": "California"})

    assert caveats(place=["Brazil"]) == [
        "My job outlook figures are for the US and the world as a whole; I have none for Brazil."
    ]
    # A place in the US is a BLS area: the outlook figures are national only.
    assert caveats(place=["area:0600000"]) == [
        "My job outlook figures are US-wide; I have none for California on its own."
    ]
    assert caveats(place=["area:0000000"]) == []  # the nation is what the figures are
    assert caveats(place=["Worldwide"]) == []  # the WEF figure is worldwide
    assert caveats(place=["US"], year=["2030"]) == []
    assert caveats(year=["2040"]) == [
        "My job outlook figures run to 2033 at the latest; I have none for 2040."
    ]
    assert scope.caveats(KB, gazetteer, [MLE], "skills", {"place": ["Brazil"]}) == []  # no figures, no caveat
