"""Every fact of the founding article, asked in a user's words, end to end through REST: in the
first answer or one click away, behind its "more" button."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from harness.servers import Stack

DATA = yaml.safe_load((Path(__file__).parent / "facts.yml").read_text(encoding="utf-8"))
FACTS = DATA["facts"]
FAMILY = DATA["family"]


def test_there_is_a_question_for_at_least_30_facts() -> None:
    assert len(FACTS) >= 30


@pytest.mark.parametrize("fact", FACTS, ids=[f["ask"] for f in FACTS])
def test_fact_is_answered(stack: Stack, fact: dict) -> None:
    answer = "\n".join(stack.text_and_detail(f"fact-{FACTS.index(fact)}", fact["ask"]))
    for expected in fact["expect"]:
        assert expected in answer, f"{fact['ask']!r} → {answer[:600]!r}"


def test_every_new_role_has_at_least_5_facts() -> None:
    from careers import knowledge

    founding = {"data_scientist", "machine_learning_engineer"}
    counts = {r: sum(f["role"] == r for f in FAMILY) for r in knowledge.default().roles if r not in founding}
    assert len(counts) >= 8 and min(counts.values()) >= 5, counts


@pytest.mark.parametrize("fact", FAMILY, ids=[f["ask"] for f in FAMILY])
def test_family_fact_is_answered_with_its_source(stack: Stack, fact: dict) -> None:
    # The first answer, then what its "more" button gives: every figure with its sources line.
    answer = "\n".join(stack.text_and_detail(f"family-{FAMILY.index(fact)}", fact["ask"]))
    for expected in fact["expect"]:
        assert expected in answer, f"{fact['ask']!r} → {answer[:600]!r}"
    sources = [line for line in answer.splitlines() if line.startswith("Sources: ")]
    assert sources and fact["source"] in sources[-1], f"{fact['ask']!r} → {answer[-400:]!r}"
