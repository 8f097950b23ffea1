"""careers/fallback.py: the likely meanings offered when the NLU is unsure."""

from __future__ import annotations

from careers import fallback, knowledge

KB = knowledge.load()
FIGURE = KB.roles["data_scientist"].section("salary").figures[0]


def test_fallback_suggests_question_intents_only_best_first_for_the_role_in_context() -> None:
    ranking = ["nlu_fallback", "ask_role_salary", "greet", "compare_roles", "ask_role_skills", "ask_sources"]
    found = fallback.suggestions(KB, ranking, "data_scientist")
    assert [(s.title, s.intent) for s in found] == [
        ("Salary (Data Scientists)", "ask_role_salary"),
        ("Compare the roles", "compare_roles"),
        ("Skills (Data Scientists)", "ask_role_skills"),
    ]


def test_fallback_offers_nothing_for_chitchat() -> None:
    assert fallback.suggestions(KB, ["greet", "out_of_scope", "ask_role_astrology"], None) == []
