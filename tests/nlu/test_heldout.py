"""Held-out NLU evaluation: phrasings the model never saw, scored by intent macro-F1."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import classification_report, f1_score

from tests.servers import MODEL, ROOT

HERE = Path(__file__).resolve().parent
MACRO_F1_FLOOR = 0.90
MIN_PER_INTENT = 10


def heldout() -> list[tuple[str, str]]:
    return [(m.get("text"), m.get("intent")) for m in load_data(str(HERE / "heldout.yml")).intent_examples]


@pytest.fixture(scope="module")
def agent() -> Iterator[Agent]:
    yield Agent.load(str(MODEL))


def test_heldout_phrasings_are_not_in_the_training_data() -> None:
    training = {m.get("text").lower() for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    copied = [text for text, _ in heldout() if text.lower() in training]
    assert copied == []


def test_every_intent_has_enough_heldout_phrasings() -> None:
    training_intents = set(load_data(str(ROOT / "data" / "nlu")).intents)
    counts = {intent: sum(1 for _, i in heldout() if i == intent) for intent in training_intents}
    assert {i: n for i, n in counts.items() if n < MIN_PER_INTENT} == {}


def test_heldout_intent_macro_f1_is_above_the_floor(agent: Agent, artifacts: Path) -> None:
    examples = heldout()

    async def parse_all() -> list[str]:
        return [(await agent.parse_message(text))["intent"]["name"] for text, _ in examples]

    predicted = asyncio.run(parse_all())
    expected = [intent for _, intent in examples]
    macro = f1_score(expected, predicted, average="macro", labels=sorted(set(expected)), zero_division=0)
    report = classification_report(expected, predicted, labels=sorted(set(expected)), zero_division=0)
    misses = "\n".join(
        f"{t!r}: expected {e}, got {p}" for (t, e), p in zip(examples, predicted, strict=True) if e != p
    )
    (artifacts / "nlu_heldout_report.txt").write_text(
        f"intent macro-F1: {macro:.3f}\n\n{report}\nmisses:\n{misses}\n", encoding="utf-8"
    )
    print(f"held-out intent macro-F1: {macro:.3f}")
    assert macro >= MACRO_F1_FLOOR, f"macro-F1 {macro:.3f} < {MACRO_F1_FLOOR}\n{report}\n{misses}"
