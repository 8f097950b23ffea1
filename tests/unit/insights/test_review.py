"""`make review`: the unanswered messages since the last review, as Rasa NLU data to label."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from harness import events as ev
from scripts import review
from tests.unit.insights.conftest import Writer

T = 1_764_547_200.0


def run_review(endpoints: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert review.main(["--endpoints", str(endpoints), "--out", str(folder)]) == 0
    printed = capsys.readouterr().out.strip()
    return Path(printed.split(": ", 1)[1])


def test_a_review_is_nlu_data_with_the_guess_and_its_confidence_then_only_newer_messages(
    url: Any, write: Writer, endpoints: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        [
            (
                "a",
                [
                    ev.user("what is the weather in Paris", "out_of_scope", T, confidence=0.91),
                    ev.user("salary of data people", "ask_role_salary", T + 1, confidence=0.97),  # answered
                    ev.user("blorp blorp", "nlu_fallback", T + 2, confidence=0.18),
                    ev.user("mail ann@example.com: is #1 role: [good]?", "greet", T + 3, confidence=0.2),
                ],
            )
        ]
    )
    first = run_review(endpoints, tmp_path, capsys)
    text = first.read_text(encoding="utf-8")
    data = load_data(str(first))
    examples = {m.get("text"): m.get("intent") for m in data.intent_examples}
    assert examples == {
        "what is the weather in Paris": "out_of_scope",
        "blorp blorp": "ask_role_salary",  # the guess under the fallback, for the person to correct
        "mail [email]: is #1 role: [good]?": "greet",
    }
    guesses = re.findall(r"^# guessed (\S+) (\d\.\d\d)$", text, re.MULTILINE)
    assert guesses == [("out_of_scope", "0.91"), ("ask_role_salary", "0.21"), ("greet", "0.20")]

    write([("b", [ev.user("tell me a joke", "out_of_scope", T + 10, confidence=0.8)])])
    second = run_review(endpoints, tmp_path, capsys)
    assert second != first
    assert {m.get("text") for m in load_data(str(second)).intent_examples} == {"tell me a joke"}

    third = run_review(endpoints, tmp_path, capsys)  # nothing new: a file with nothing to label
    assert load_data(str(third)).intent_examples == []
