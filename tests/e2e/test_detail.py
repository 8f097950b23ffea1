"""Answer size through the REST channel: every first answer of every intent × role × aspect fits
a phone (at most 600 characters, buttons aside), and its "more" button gives every figure the
knowledge base holds for it, each with its source. Roles and aspects come from the knowledge
base and intents from the domain, so a new role file or intent is covered without a change here.
"""

from __future__ import annotations

import statistics
import uuid
from pathlib import Path

import pytest

from careers import render
from careers.answer import MAX_CHARS
from harness.servers import Stack
from tests.answers import without_feedback_question
from tests.matrix import KB, ROLE_INTENTS, first_questions


def test_every_first_answer_fits_a_phone_and_its_more_button_gives_every_figure(
    stack: Stack, artifacts: Path
) -> None:
    sizes: dict[str, int] = {}
    problems = []
    for message, figures in first_questions():
        sender = f"size-{uuid.uuid4().hex[:8]}"  # one conversation each: no context carried over
        # The answer's size: "Was this helpful?" (issue 19) is a message of its own after it.
        replies = without_feedback_question(stack.say(sender, message))
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
        (
            "which pays more, a data scientist or an ML engineer?",
            "Data Scientist vs Machine Learning Engineer: salary",
        ),
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
