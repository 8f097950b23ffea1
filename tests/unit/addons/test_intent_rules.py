"""addons/nlu/intent_rules.py: the intent corrected from the entities (terse follow-ups, off-topic,
pay by place)."""

from __future__ import annotations

import pytest

from addons.nlu.intent_rules import decide

DS, MLE = "data_scientist", "machine_learning_engineer"
ROLE_DS = {"entity": "role", "value": DS}
ROLE_DBA = {"entity": "role", "value": "database_administrator"}
GEORGIA = {"entity": "place", "value": "area:1300000"}


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
        # Issue 18: a role with a BLS area or an industry asks about pay there, or jobs when it counts.
        ("out_of_scope", 0.89, [ROLE_DBA, GEORGIA], "how many dbas in georgia", "ask_jobs_where"),
        ("tell_skills", 0.4, [ROLE_DS, GEORGIA], "data scientist pay in georgia", "ask_role_salary"),
        (
            "inform_role",
            0.5,
            [ROLE_DS, {"entity": "industry", "value": "524000"}],
            "ds in insurance",
            "ask_role_salary",
        ),
        ("ask_role_salary", 0.2, [ROLE_DS, GEORGIA], "ds comp georgia", "ask_role_salary"),  # kept, now sure
        ("out_of_scope", 0.7, [GEORGIA], "what about Georgia?", "ask_role_salary"),  # a follow-up
        ("ask_role_salary", 0.3, [GEORGIA], "and in Georgia", "ask_role_salary"),
        ("out_of_scope", 0.7, [GEORGIA], "is it raining in Georgia today?", None),  # sure, and no cue
        (
            "tell_skills",
            0.6,
            [ROLE_DS, GEORGIA, {"entity": "background", "value": DS}],
            "I'm a DS in Georgia",
            None,
        ),
        ("ask_role_skills", 0.7, [ROLE_DS, GEORGIA], "skills for data scientists in georgia", None),
        ("out_of_scope", 0.8, [{"entity": "place", "value": "Brazil"}], "weather in Brazil", None),  # abroad
    ],
)
def test_intent_rules(
    intent: str, confidence: float, entities: list, text: str, expected: str | None
) -> None:
    decision = decide(intent, confidence, entities, text, threshold=0.6)
    assert (decision.intent if decision else None) == expected


def test_a_place_alone_asks_the_question_before_of_that_place() -> None:
    brazil = [{"entity": "place", "value": "Brazil", "start": 7, "end": 13}]
    assert decide("tell_skills", 0.4, brazil, "and in Brazil?", 0.6).intent == "inform_role"  # type: ignore[union-attr]
    paris = [{"entity": "place", "value": "Paris", "start": 11, "end": 16}]
    assert decide("out_of_scope", 0.8, paris, "weather in Paris", 0.6) is None


def test_a_role_set_beside_another_is_compared_but_learning_next_is_not() -> None:
    text = "hmm ok how does that look next to dba"
    dba = {**ROLE_DBA, "start": text.index("dba"), "end": len(text)}
    decided = decide("acknowledge", 0.6, [dba], text, 0.25)
    assert decided is not None and decided.intent == "compare_roles"
    text = "what should I learn next to be a statistician"
    stats = {"entity": "role", "value": "statistician", "start": text.index("statistician"), "end": len(text)}
    decided = decide("ask_skill_gap", 0.6, [stats], text, 0.25)
    assert decided is None or decided.intent != "compare_roles"
