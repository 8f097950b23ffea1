"""The one definition of "could not answer" that the report and the review share."""

from __future__ import annotations

from pathlib import Path

from harness import events as ev
from insights.unanswered import FELL_BACK, LOW_CONFIDENCE, OUT_OF_SCOPE, messages, threshold

T = 1_764_547_200.0


def test_the_threshold_is_the_fallback_classifiers_in_config_yml(tmp_path: Path) -> None:
    assert threshold() == 0.25  # config.yml's FallbackClassifier today
    other = tmp_path / "config.yml"
    other.write_text(
        "pipeline:\n  - name: WhitespaceTokenizer\n  - name: FallbackClassifier\n    threshold: 0.6\n"
    )
    assert threshold(other) == 0.6


def test_each_reason_and_button_payloads_never_count() -> None:
    events = [
        ev.user("salary?", "ask_role_salary", T, confidence=0.9),
        ev.action("action_answer_role_question", T),
        ev.action("action_listen", T),
        ev.user("zzz", "nlu_fallback", T, confidence=0.25),
        ev.user("tell me", "help", T, confidence=0.9),
        ev.action("action_listen", T),
        ev.action("action_default_fallback", T),
        ev.user("the weather?", "out_of_scope", T, confidence=0.95),
        ev.user("maybe", "greet", T, confidence=0.24),
        ev.user('/answer_path{"path_option": "building"}', "answer_path", T, confidence=0.01),
    ]
    assert [m.reason for m in messages(events)] == [
        None,
        FELL_BACK,
        FELL_BACK,
        OUT_OF_SCOPE,
        LOW_CONFIDENCE,
        None,
    ]
    fallback = list(messages(events))[1]
    assert (fallback.intent, fallback.guess, fallback.confidence) == ("nlu_fallback", "ask_role_salary", 0.21)
