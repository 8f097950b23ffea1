"""Answer size through the REST channel: every first answer of every intent × role × aspect fits
a phone (at most 600 characters, buttons aside), and its "more" button gives every figure the
knowledge base holds for it, each with its source. Roles and aspects come from the knowledge
base and intents from the domain, so a new role file or intent is covered without a change here.
"""

from __future__ import annotations

import json
import statistics
import uuid
from pathlib import Path

import pytest
import yaml

from careers import knowledge, render
from careers.knowledge import Figure
from tests.servers import ROOT, Stack

KB = knowledge.load()
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
MAX_CHARS = 600
ROLE_INTENTS = [i for i in DOMAIN["intents"] if i.startswith("ask_role_") or i == "inform_role"]


def payload(intent: str, **entities: str) -> str:
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def questions() -> list[tuple[str, list[Figure]]]:
    """(message, the figures its "more" button must show), for every intent × role × aspect."""
    asked: list[tuple[str, list[Figure]]] = []
    for role in KB.roles.values():
        for intent in ROLE_INTENTS:
            aspect = intent.removeprefix("ask_role_") if intent != "inform_role" else "overview"
            asked.append((payload(intent, role=role.id), list(role.section(aspect).figures)))
    for aspect in [*KB.aspects, None]:
        figures = [f for r in KB.roles.values() for f in r.section(aspect).figures] if aspect else []
        asked.append((payload("compare_roles", **({"aspect": aspect} if aspect else {})), figures))
    others = [i for i in DOMAIN["intents"] if i not in ROLE_INTENTS and i != "compare_roles"]
    asked += [(payload(intent), []) for intent in others]
    return asked


def test_every_first_answer_fits_a_phone_and_its_more_button_gives_every_figure(
    stack: Stack, artifacts: Path
) -> None:
    sizes: dict[str, int] = {}
    problems = []
    for message, figures in questions():
        sender = f"size-{uuid.uuid4().hex[:8]}"  # one conversation each: no context carried over
        replies = stack.say(sender, message)
        size = sum(len(r.get("text") or "") for r in replies)
        sizes[message] = size
        if size > MAX_CHARS:
            problems.append(f"{message}: {size} characters")
        more = [
            b["payload"]
            for r in replies
            for b in r.get("buttons") or []
            if b["payload"].startswith("/ask_detail")
        ]
        if figures and not more:
            problems.append(f"{message}: {len(figures)} figures and no 'more' button")
            continue
        if more:
            detail = stack.text(sender, more[0])
            missing = [f.what for f in figures if render.figure_line(f, KB) not in detail]
            if missing:
                problems.append(f"{message}: the detail lacks {missing}")
    values = sorted(sizes.values())
    report = [
        f"first answers: {len(values)}, p50 {statistics.median(values):.0f}, max {values[-1]} characters"
    ]
    report += [f"{size:5d}  {message}" for message, size in sorted(sizes.items(), key=lambda x: -x[1])]
    (artifacts / "answer_sizes.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    assert problems == []
    assert len(values) >= len(KB.roles) * len(ROLE_INTENTS) + len(KB.aspects)


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("which pays more?", "Data Scientist vs Machine Learning Engineer: salary"),
        (
            "what's the difference between a data scientist and an ML engineer?",
            "Data Scientist vs Machine Learning Engineer, in short:",
        ),
    ],
)
def test_typed_comparisons_lead_with_the_verdict_and_tell_me_more_gives_the_rest(
    stack: Stack, question: str, first_line: str
) -> None:
    sender = f"verdict-{uuid.uuid4().hex[:8]}"
    first = stack.text(sender, question)
    assert first.splitlines()[0] == first_line
    assert len(first) <= MAX_CHARS
    more = stack.text(sender, "tell me more")
    assert more.startswith(first_line.split(",")[0].split(":")[0])
    assert len(more) > len(first)
    assert "Sources: " in more
