"""The reading of whole messages (issue 17) on its held-out set, written before any tuning by
someone who had not read data/ (tests/nlu/heldout_whole_message.yml), and the issue's new intents
on theirs (tests/nlu/heldout_advice.yml). Figures in test-artifacts/ and BENCHMARKS.md.

The issue asks for 0.90 of parts and 0.85 of messages answered: the issue's own set and the
newest untouched one (the eighth) are held there; the sets tuned on, and the seventh (0.891 /
0.842), a little under where they were measured (see the README's "Hear the whole message").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.agent import Agent

from harness import heldout, reading_eval, understanding
from harness.servers import MODEL, ROOT

ADVICE = ROOT / "tests" / "nlu" / "heldout_advice.yml"
PART_FLOOR, MESSAGE_FLOOR = reading_eval.PART_TARGET, reading_eval.MESSAGE_TARGET  # issue 17: 0.90, 0.85
# The sets written after the tuning began (harness/reading_eval.py's LATER says what each is worth
# now): guards that the reading of new messages does not fall, a little under what was measured.
# Fresh 0.929 / 0.900, third 0.962 / 0.941, fourth 0.925 / 0.872 and fifth 0.893 / 0.819 were
# tuned on (third, fourth and fifth first measured untouched at 0.827 / 0.754, 0.829 / 0.739 and
# 0.768 / 0.638); the sixth was measured untouched at 0.760 / 0.632 with rules alone and 0.801 /
# 0.689 once the intent model read meaning too; the seventh and eighth never were tuned on: they are
# the honest figures (seventh 0.894 / 0.847 before sentence vectors, 0.886 / 0.837 with them, 0.891 /
# 0.842 at the end of the fourth session; eighth 0.935 / 0.894 when written, fifth session). The
# eighth, the newest, is held at the issue's own targets.
LATER_FLOORS = {
    reading_eval.FRESH: (0.90, 0.87),
    reading_eval.THIRD: (0.93, 0.91),
    reading_eval.FOURTH: (0.89, 0.84),
    reading_eval.FIFTH: (0.86, 0.77),
    reading_eval.SIXTH: (0.78, 0.66),
    reading_eval.SEVENTH: (0.86, 0.81),
    reading_eval.EIGHTH: (PART_FLOOR, MESSAGE_FLOOR),
}
ADVICE_INTENT_FLOOR = 0.70  # measured 0.71-0.86 (issue 17 note); the per-intent floor of heldout.yml is 0.85


@pytest.fixture(scope="module")
def agent() -> Agent:
    understanding.quiet()
    return Agent.load(str(MODEL))


@pytest.fixture(scope="module")
def result(agent: Agent, artifacts: Path) -> reading_eval.ReadingScore:
    found = reading_eval.evaluate(agent)
    report = reading_eval.report(found) + "\n\nParts not answered:\n" + "\n".join(found.misses)
    (artifacts / "reading_heldout_report.txt").write_text(report, encoding="utf-8")
    return found


def test_held_out_messages_are_not_in_the_training_data() -> None:
    training = heldout.training_texts()
    assert [t for t, _ in heldout.whole_messages() if heldout.normalise(t) in training] == []


def test_every_part_of_a_message_is_answered(result: reading_eval.ReadingScore) -> None:
    assert result.messages >= 150
    assert result.part_rate >= PART_FLOOR, reading_eval.report(result)
    assert result.message_rate >= MESSAGE_FLOOR, reading_eval.report(result)


@pytest.mark.parametrize("path", list(LATER_FLOORS), ids=lambda p: p.stem)
def test_messages_written_after_the_tuning_are_read_no_worse_than_measured(
    agent: Agent, artifacts: Path, path: Path
) -> None:
    found = reading_eval.evaluate(agent, path)
    report = reading_eval.report(found, path.name) + "\n\nParts not answered:\n" + "\n".join(found.misses)
    (artifacts / f"reading_{path.stem}_report.txt").write_text(report, encoding="utf-8")
    parts_floor, messages_floor = LATER_FLOORS[path]
    assert found.messages >= 115 and found.twice == 0 and found.english_as_other == 0, report
    assert found.part_rate >= parts_floor and found.message_rate >= messages_floor, report


def test_nothing_is_answered_twice(result: reading_eval.ReadingScore) -> None:
    assert result.twice == 0, reading_eval.report(result)


def test_no_english_message_is_taken_for_another_language(result: reading_eval.ReadingScore) -> None:
    assert result.english_as_other == 0
    assert result.by_kind_answered["other_language"] == result.by_kind["other_language"]


def test_the_new_intents_are_understood_on_their_held_out_phrasings(agent: Agent, artifacts: Path) -> None:
    import asyncio

    examples = understanding.examples(ADVICE)
    parses = asyncio.run(understanding.parse_all(agent, [e.text for e in examples]))
    by_intent: dict[str, list[bool]] = {}
    for example, parse in zip(examples, parses, strict=True):
        by_intent.setdefault(example.intent, []).append(
            understanding.answered_intent(example.intent, parse) == example.intent
        )
    rates = {intent: sum(hits) / len(hits) for intent, hits in by_intent.items()}
    (artifacts / "advice_heldout_report.txt").write_text(
        "\n".join(f"{i}: {r:.2f} of {len(by_intent[i])}" for i, r in sorted(rates.items())), encoding="utf-8"
    )
    assert all(len(hits) >= 10 for hits in by_intent.values())
    assert {i: round(r, 2) for i, r in rates.items() if r < ADVICE_INTENT_FLOOR} == {}


def test_a_move_from_the_writers_own_role_is_scored_with_or_without_naming_it() -> None:
    # The sets annotate it as [to] (the first three) or [from, to] (from the fourth on); the
    # action starts from the background either way (actions/guidance.py).
    parse = {
        "intent": {"name": "say_several"},
        "entities": [
            {"entity": "role", "value": "business_intelligence_analyst"},
            {"entity": "role", "value": "data_scientist"},
        ],
        "reading": {
            "language": "en",
            "parts": [
                {"kind": "profile", "intent": "tell_skills", "roles": [], "aspects": [],
                 "entities": [{"entity": "background", "value": "business_intelligence_analyst"}]},
                {"kind": "question", "intent": "ask_transition", "roles": ["data_scientist"], "aspects": [],
                 "entities": [{"entity": "role", "value": "data_scientist"}]},
            ],
        },
    }  # fmt: skip
    profile = {
        "kind": "profile",
        "skills_has": [],
        "skills_lacks": [],
        "background": "business_intelligence_analyst",
    }
    for roles in (["data_scientist"], ["business_intelligence_analyst", "data_scientist"]):
        move = {"kind": "question", "asks": "move", "roles": roles}
        found = reading_eval.score([{"text": "...", "parts": [profile, move]}], [parse])
        assert found.by_kind["move"] == 1 and not any(m.startswith("move") for m in found.misses), roles
    # Another role than the writer's own is still a miss.
    move = {"kind": "question", "asks": "move", "roles": ["data_engineer", "data_scientist"]}
    found = reading_eval.score([{"text": "...", "parts": [profile, move]}], [parse])
    assert any(m.startswith("move") for m in found.misses)
