"""addons/nlu/intent_rules.py: the intent corrected from the entities (terse follow-ups, off-topic)."""

from __future__ import annotations

import pytest

from addons.nlu.intent_rules import decide

DS, MLE = "data_scientist", "machine_learning_engineer"


@pytest.mark.parametrize(
    ("intent", "confidence", "entities", "text", "expected"),
    [
        ("out_of_scope", 0.3, [{"entity": "aspect", "value": "salary"}], "and the money?", "ask_role_salary"),
        ("out_of_scope", 0.8, [{"entity": "aspect", "value": "salary"}], "pay my bill", None),
        (
            "inform_role",
            0.7,
            [{"entity": "role", "value": DS}, {"entity": "aspect", "value": "salary"}],
            "ds salaries?",
            "ask_role_salary",
        ),
        (
            "ask_role_tools",
            0.6,
            [{"entity": "role", "value": DS}, {"entity": "role", "value": MLE}],
            "ds vs mle tools",
            "compare_roles",
        ),
        ("start_path", 0.5, [{"entity": "role", "value": DS}], "is DS for me", "ask_role_fit"),
        ("ask_role_overview", 0.4, [], "what does assiduous mean?", "out_of_scope"),
        ("ask_role_overview", 0.4, [], "what do they do", None),  # "they": a follow-up
        ("ask_role_overview", 0.9, [], "what does assiduous mean?", None),  # a sure classifier stands
        ("answer_path", 0.2, [], "the first one", None),  # path answers are the form's to judge
        ("compare_roles", 0.2, [], '/compare_roles{"aspect": "salary"}', None),  # a button
    ],
)
def test_intent_rules(
    intent: str, confidence: float, entities: list, text: str, expected: str | None
) -> None:
    decision = decide(intent, confidence, entities, text, threshold=0.6)
    assert (decision.intent if decision else None) == expected
