"""Every fact of the founding article, asked in a user's words, end to end through REST: in the
first answer or one click away, behind its "more" button."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.servers import Stack

FACTS = yaml.safe_load((Path(__file__).parent / "facts.yml").read_text(encoding="utf-8"))["facts"]


def test_there_is_a_question_for_at_least_30_facts() -> None:
    assert len(FACTS) >= 30


@pytest.mark.parametrize("fact", FACTS, ids=[f["ask"] for f in FACTS])
def test_fact_is_answered(stack: Stack, fact: dict) -> None:
    answer = "\n".join(stack.text_and_detail(f"fact-{FACTS.index(fact)}", fact["ask"]))
    for expected in fact["expect"]:
        assert expected in answer, f"{fact['ask']!r} → {answer[:600]!r}"
