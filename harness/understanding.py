"""How well the NLU understands messages it never saw: intents, roles and off-topic questions.

Used by `make bench` (BENCHMARKS.md) and by tests/nlu/test_heldout.py, so the figure the tests
enforce and the figure the benchmark reports are computed the same way.

- Held-out set (tests/nlu/heldout.yml): intent macro-F1 and per-intent F1; role entity F1,
  counted per message over the set of role ids (what a user notices is whether the assistant
  answers about the right role, not character offsets).
- Off-topic set (tests/nlu/off_topic.yml): out-of-scope recall. A message counts as treated as
  out of scope when the assistant will not answer it as a career question: the intent is
  `out_of_scope`, or `nlu_fallback` (it asks to rephrase), or another occupation is named with
  no role (it says which roles it covers). The same test on the in-scope held-out phrasings
  gives the rate of real questions wrongly turned away.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.log_utils import configure_structlog
from sklearn.metrics import f1_score, precision_recall_fscore_support

from careers import knowledge
from careers.roles import resolve

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
OFF_TOPIC = ROOT / "tests" / "nlu" / "off_topic.yml"
# Issue 10's sets, written before any tuning: how people really type (typos, slang, terse
# follow-ups, rambling), and everyday requests to assistants that are not ours.
HARD = ROOT / "tests" / "nlu" / "hard.yml"
OFF_TOPIC_EVERYDAY = ROOT / "tests" / "nlu" / "off_topic_everyday.yml"
# Issue 12's set: the eight new roles of the family (names, aliases, misspellings) in every
# kind of question, and "what roles do you know?".
FAMILY = ROOT / "tests" / "nlu" / "heldout_family.yml"
RANK = ROOT / "tests" / "nlu" / "heldout_rank.yml"
# A pay or growth question that names no role is answered with the ranking of the family,
# whether the NLU calls it a ranking or an aspect question (actions/roles.py), so for the family
# set, written before the ranking intent existed, these intents are the same answer.
SAME_ANSWER_WITHOUT_ROLE = {"rank_roles", "ask_role_salary", "ask_role_outlook"}
OUT_OF_SCOPE_INTENTS = {"out_of_scope", "nlu_fallback"}


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    roles: frozenset[str]
    role_mentions: tuple[str, ...] = ()  # the role mentions as typed


@dataclass
class Understanding:
    macro_f1: float
    per_intent_f1: dict[str, float]
    role_f1: float
    oos_recall: float
    in_scope_as_oos: float
    heldout_size: int
    off_topic_size: int
    misses: list[str] = field(default_factory=list)


def examples(path: Path) -> list[Example]:
    return [
        Example(
            text=m.get("text"),
            intent=m.get("intent"),
            roles=frozenset(e["value"] for e in m.get("entities") or [] if e["entity"] == "role"),
            role_mentions=tuple(
                m.get("text")[e["start"] : e["end"]] for e in m.get("entities") or [] if e["entity"] == "role"
            ),
        )
        for m in load_data(str(path)).intent_examples
    ]


def turned_away(parse: dict[str, Any]) -> bool:
    """Whether the assistant will decline this message rather than answer it (see the module doc):
    the role actions decide "not a role I cover" with careers.roles.resolve, so this does too."""
    if parse["intent"]["name"] in OUT_OF_SCOPE_INTENTS:
        return True
    jobs = [e["value"] for e in parse.get("entities", []) if e["entity"] == "job"]
    return resolve(knowledge.default(), sorted(roles_of(parse)), jobs, None).not_covered is not None


def roles_of(parse: dict[str, Any]) -> frozenset[str]:
    return frozenset(e["value"] for e in parse.get("entities", []) if e["entity"] == "role")


def set_f1(expected: Sequence[frozenset[str]], found: Sequence[frozenset[str]]) -> float:
    """Micro-F1 over (message, value) pairs."""
    true_positive = sum(len(e & f) for e, f in zip(expected, found, strict=True))
    predicted = sum(len(f) for f in found)
    actual = sum(len(e) for e in expected)
    if not predicted or not actual:
        return 0.0
    precision, recall = true_positive / predicted, true_positive / actual
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def answered_intent(expected: str, parse: dict[str, Any]) -> str:
    """The intent whose answer the person gets. A message read as several parts
    (`say_several`, issue 17) gets the answer of each question part, so a single question
    said with something about the person ("I'm a data analyst, how do I become a data
    engineer?") is answered by the intent it asks."""
    intent = str(parse["intent"]["name"])
    if intent != "say_several" or expected == "say_several":
        return intent
    asked = [p["intent"] for p in (parse.get("reading") or {}).get("parts") or [] if p["kind"] == "question"]
    return expected if expected in asked else (asked[0] if asked else intent)


def score(
    heldout: Sequence[Example],
    heldout_parses: Sequence[dict[str, Any]],
    off_topic: Sequence[Example],
    off_topic_parses: Sequence[dict[str, Any]],
) -> Understanding:
    expected = [e.intent for e in heldout]
    predicted = [answered_intent(e.intent, p) for e, p in zip(heldout, heldout_parses, strict=True)]
    labels = sorted(set(expected))
    _, _, f1s, _ = precision_recall_fscore_support(expected, predicted, labels=labels, zero_division=0)
    in_scope = [p for e, p in zip(heldout, heldout_parses, strict=True) if e.intent != "out_of_scope"]
    misses = [
        f"{e.text!r}: expected {e.intent}, got {answered_intent(e.intent, p)}"
        for e, p in zip(heldout, heldout_parses, strict=True)
        if e.intent != answered_intent(e.intent, p)
    ] + [
        f"{e.text!r}: off-topic, got {p['intent']['name']}"
        for e, p in zip(off_topic, off_topic_parses, strict=True)
        if not turned_away(p)
    ]
    return Understanding(
        macro_f1=float(f1_score(expected, predicted, average="macro", labels=labels, zero_division=0)),
        per_intent_f1={label: float(f) for label, f in zip(labels, f1s, strict=True)},
        role_f1=set_f1([e.roles for e in heldout], [roles_of(p) for p in heldout_parses]),
        oos_recall=sum(map(turned_away, off_topic_parses)) / len(off_topic_parses),
        in_scope_as_oos=sum(map(turned_away, in_scope)) / len(in_scope),
        heldout_size=len(heldout),
        off_topic_size=len(off_topic),
        misses=misses,
    )


async def parse_all(agent: Agent, texts: Sequence[str]) -> list[dict[str, Any]]:
    return [await agent.parse_message(text) for text in texts]


def quiet() -> None:
    """Rasa in this process logs one debug line per parsed message unless told otherwise."""
    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.WARNING)


@dataclass
class HardUnderstanding:
    """Issue 10's figures: the hard set's intent accuracy, role F1 on its misspelt role names,
    and off-topic recall on everyday requests."""

    intent_accuracy: float
    misspelt_intent_accuracy: float  # intents of the messages with a misspelt role name
    misspelt_role_f1: float
    misspelt_size: int
    everyday_oos_recall: float
    hard_size: int
    everyday_size: int
    misses: list[str] = field(default_factory=list)


def misspelt(example: Example, kb: knowledge.KnowledgeBase) -> bool:
    """Whether a role mention of `example` is not a name or alias the knowledge base lists."""
    exact = {p for r in kb.roles.values() for p in (r.name.lower(), r.plural.lower(), *r.aliases)}
    return any(" ".join(m.lower().split()) not in exact for m in example.role_mentions)


def score_hard(
    hard: Sequence[Example],
    hard_parses: Sequence[dict[str, Any]],
    everyday: Sequence[Example],
    everyday_parses: Sequence[dict[str, Any]],
) -> HardUnderstanding:
    kb = knowledge.default()
    pairs = list(zip(hard, hard_parses, strict=True))
    typo = [(e, p) for e, p in pairs if misspelt(e, kb)]
    misses = [
        f"{e.text!r}: expected {e.intent}, got {answered_intent(e.intent, p)}"
        for e, p in pairs
        if e.intent != answered_intent(e.intent, p)
    ]
    misses += [
        f"{e.text!r}: roles {sorted(e.roles)}, found {sorted(roles_of(p))}"
        for e, p in typo
        if e.roles != roles_of(p)
    ]
    misses += [
        f"{e.text!r}: off-topic, got {p['intent']['name']}"
        for e, p in zip(everyday, everyday_parses, strict=True)
        if not turned_away(p)
    ]
    return HardUnderstanding(
        intent_accuracy=sum(e.intent == answered_intent(e.intent, p) for e, p in pairs) / len(pairs),
        misspelt_intent_accuracy=sum(e.intent == answered_intent(e.intent, p) for e, p in typo)
        / max(len(typo), 1),
        misspelt_role_f1=set_f1([e.roles for e, _ in typo], [roles_of(p) for _, p in typo]),
        misspelt_size=len(typo),
        everyday_oos_recall=sum(map(turned_away, everyday_parses)) / len(everyday_parses),
        hard_size=len(hard),
        everyday_size=len(everyday),
        misses=misses,
    )


def hard_report(result: HardUnderstanding) -> str:
    lines = [
        f"hard set intent accuracy: {result.intent_accuracy:.3f} ({result.hard_size} messages)",
        f"intent accuracy on messages with a misspelt role name: {result.misspelt_intent_accuracy:.3f}",
        f"role entity F1 on misspelt role names: {result.misspelt_role_f1:.3f}"
        f" ({result.misspelt_size} messages)",
        f"everyday off-topic recall: {result.everyday_oos_recall:.3f} ({result.everyday_size} requests)",
        "misses:",
        *(f"  {m}" for m in result.misses),
    ]
    return "\n".join(lines) + "\n"


def evaluate_hard(model: Path | Agent) -> HardUnderstanding:
    """Load `model` (or use a loaded agent) and score it on issue 10's sets."""
    quiet()
    agent = model if isinstance(model, Agent) else Agent.load(str(model))
    hard, everyday = examples(HARD), examples(OFF_TOPIC_EVERYDAY)
    hard_parses = asyncio.run(parse_all(agent, [e.text for e in hard]))
    everyday_parses = asyncio.run(parse_all(agent, [e.text for e in everyday]))
    return score_hard(hard, hard_parses, everyday, everyday_parses)


@dataclass
class FamilyUnderstanding:
    """Issue 12's figures on the family set: intent accuracy, role F1, phrasings per role."""

    intent_accuracy: float
    role_f1: float
    size: int
    per_role: dict[str, int]
    misses: list[str] = field(default_factory=list)


def same_answer(example: Example, parse: dict[str, Any]) -> bool:
    predicted = answered_intent(example.intent, parse)
    if predicted == example.intent:
        return True
    ranking = {example.intent, predicted} <= SAME_ANSWER_WITHOUT_ROLE
    return ranking and not example.roles and not roles_of(parse)


def score_family(family: Sequence[Example], parses: Sequence[dict[str, Any]]) -> FamilyUnderstanding:
    pairs = list(zip(family, parses, strict=True))
    misses = [
        f"{e.text!r}: expected {e.intent} {sorted(e.roles)}, got {p['intent']['name']} {sorted(roles_of(p))}"
        for e, p in pairs
        if not same_answer(e, p) or e.roles != roles_of(p)
    ]
    return FamilyUnderstanding(
        intent_accuracy=sum(same_answer(e, p) for e, p in pairs) / len(pairs),
        role_f1=set_f1([e.roles for e in family], [roles_of(p) for p in parses]),
        size=len(family),
        per_role=dict(Counter(r for e in family for r in e.roles)),
        misses=misses,
    )


def evaluate_family(model: Path | Agent) -> FamilyUnderstanding:
    """Load `model` (or use a loaded agent) and score it on issue 12's family set."""
    quiet()
    agent = model if isinstance(model, Agent) else Agent.load(str(model))
    family = examples(FAMILY) + examples(RANK)
    return score_family(family, asyncio.run(parse_all(agent, [e.text for e in family])))


def family_report(result: FamilyUnderstanding) -> str:
    lines = [
        f"family set intent accuracy: {result.intent_accuracy:.3f} ({result.size} phrasings)",
        f"family set role entity F1: {result.role_f1:.3f}",
        "phrasings per role: " + ", ".join(f"{r} {n}" for r, n in sorted(result.per_role.items())),
        "misses:",
        *(f"  {m}" for m in result.misses),
    ]
    return "\n".join(lines) + "\n"


def evaluate(model: Path | Agent) -> Understanding:
    """Load `model` (or use a loaded agent) and score it on the held-out and off-topic sets."""
    quiet()
    agent = model if isinstance(model, Agent) else Agent.load(str(model))
    heldout, off_topic = examples(HELDOUT), examples(OFF_TOPIC)
    heldout_parses = asyncio.run(parse_all(agent, [e.text for e in heldout]))
    off_topic_parses = asyncio.run(parse_all(agent, [e.text for e in off_topic]))
    return score(heldout, heldout_parses, off_topic, off_topic_parses)


def intent_counts(path: Path) -> Counter[str]:
    return Counter(e.intent for e in examples(path))


def report(result: Understanding) -> str:
    lines = [
        f"held-out intent macro-F1: {result.macro_f1:.3f} ({result.heldout_size} phrasings)",
        f"role entity F1: {result.role_f1:.3f}",
        f"off-topic recall: {result.oos_recall:.3f} ({result.off_topic_size} questions)",
        f"in-scope questions turned away: {result.in_scope_as_oos:.3f}",
        "per-intent F1, weakest first:",
        *(f"  {i:28} {f:.2f}" for i, f in sorted(result.per_intent_f1.items(), key=lambda kv: kv[1])),
        "misses:",
        *(f"  {m}" for m in result.misses),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    model = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "models" / "career-guide.tar.gz"
    print(report(evaluate(model)))
    print(hard_report(evaluate_hard(model)))
    print(family_report(evaluate_family(model)))
