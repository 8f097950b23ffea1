"""The skill reader (careers/skills.py) on held-out sentences (skill_sentences.yml, written before
the reader was tuned): precision and recall of (skill, polarity) and background pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from careers import skills, skills_kb

SENTENCES = yaml.safe_load((Path(__file__).parent / "skill_sentences.yml").read_text(encoding="utf-8"))[
    "sentences"
]
FLOOR = 0.90


@pytest.fixture(scope="module")
def reader() -> skills.SkillReader:
    return skills.SkillReader(skills_kb.default())


def pairs(mentions: list[skills.Mention]) -> set[tuple[str, str]]:
    found = set(skills.merge(mentions).items())
    return found | {("background", m.value) for m in mentions if m.kind == skills.BACKGROUND}


def expected(case: dict) -> set[tuple[str, str]]:
    want = set((case.get("skills") or {}).items())
    return want | ({("background", case["background"])} if case.get("background") else set())


def test_there_are_at_least_sixty_held_out_sentences() -> None:
    assert len(SENTENCES) >= 60


def test_precision_and_recall_on_the_held_out_sentences(reader: skills.SkillReader) -> None:
    true_pos = false_pos = false_neg = 0
    misses = []
    for case in SENTENCES:
        got, want = pairs(reader.read(case["text"])), expected(case)
        true_pos += len(got & want)
        false_pos += len(got - want)
        false_neg += len(want - got)
        if got != want:
            misses.append(f"{case['text']!r}: got {sorted(got)}, want {sorted(want)}")
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"skill reader: precision {precision:.3f}, recall {recall:.3f}, {len(misses)} sentences off")
    print("\n".join(misses))
    assert precision >= FLOOR and recall >= FLOOR, "\n".join(misses)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I know Python but not SQL", {"python": "has", "sql": "lacks"}),
        ("no stats background", {"statistics": "lacks"}),
        ("a bit of R", {"r": "hedged"}),
        ("never used the cloud", {"cloud": "lacks"}),
        ("oh wait, I don't really know git", {"git": "lacks"}),
        ("i'm terrible at presenting", {"communication": "lacks"}),
        ("I don't know much SQL", {"sql": "hedged"}),
    ],
)
def test_the_issues_own_examples(reader: skills.SkillReader, text: str, want: dict[str, str]) -> None:
    assert skills.merge(reader.read(text)) == want


def test_a_role_name_is_not_a_skill_and_a_goal_is_not_a_claim(reader: skills.SkillReader) -> None:
    mentions = reader.read("I'm a data analyst; how do I become a machine learning engineer?")
    assert [(m.kind, m.value) for m in mentions] == [("background", "data_analyst")]


def test_an_unknown_skill_is_reported_as_typed(reader: skills.SkillReader) -> None:
    mentions = reader.read("I know COBOL and Python")
    assert [(m.kind, m.value) for m in mentions] == [("unknown_skill", "COBOL"), ("skill", "python")]
