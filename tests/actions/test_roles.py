from __future__ import annotations

from pathlib import Path

import actions
from actions import kb
from actions.roles import ActionAnswerOtherRole, ActionAnswerRole
from harness.knowledge import edited_copy
from tests.actions.tracker import tracker

DS, MLE = "data_scientist", "machine_learning_engineer"


async def test_answers_the_aspect_for_the_named_role_and_remembers_both(run) -> None:
    messages, events = await run(
        ActionAnswerRole(), tracker("ask_role_salary", {"role": [DS]}, {"aspect": "salary", "role": DS})
    )
    # The first pay answer: BLS OEWS May 2025, with the change since the May 2024 median.
    assert messages[0]["text"].startswith("Data Scientists: salary")
    assert (
        "- Median annual pay: $120,230 a year (US, May 2025; BLS OEWS), up 6.8% from $112,590 in May 2024"
        in messages[0]["text"]
    )
    assert {"event": "slot", "timestamp": None, "name": "role", "value": DS} in events
    assert {"event": "slot", "timestamp": None, "name": "aspect", "value": "salary"} in events


async def test_follow_up_without_a_role_uses_the_role_in_context(run) -> None:
    messages, _ = await run(
        ActionAnswerRole(), tracker("ask_role_skills", slots={"role": MLE, "aspect": "skills"})
    )
    assert messages[0]["text"].startswith("Machine Learning Engineers: skills")
    assert "TensorFlow, PyTorch and scikit-learn" in messages[0]["text"]


async def test_role_on_its_own_answers_the_aspect_in_context(run) -> None:
    messages, _ = await run(
        ActionAnswerRole(), tracker("inform_role", {"role": [MLE]}, {"role": MLE, "aspect": "outlook"})
    )
    assert messages[0]["text"].startswith("Machine Learning Engineers: job outlook")


async def test_no_role_anywhere_asks_which_with_one_button_per_role(run) -> None:
    messages, events = await run(ActionAnswerRole(), tracker("ask_role_skills", slots={"aspect": "skills"}))
    assert messages[0]["response"] == "utter_ask_role"
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads[:-1] == [f'/inform_role{{"role": "{role_id}"}}' for role_id in kb().roles]
    assert len(payloads[:-1]) == 10 and payloads[-1] == '/compare_roles{"aspect": "skills"}'
    assert events == []


async def test_uncovered_job_gets_an_honest_i_cover(run) -> None:
    messages, events = await run(
        ActionAnswerRole(), tracker("ask_role_overview", {"job": ["plumber"]}, {"role": DS})
    )
    assert messages[0]["response"] == "utter_role_not_covered"
    assert messages[0]["job"] == "plumber"
    assert messages[0]["roles"].startswith("AI Engineers, Business Intelligence Analysts, Data Analysts")
    assert events == []  # the role in context stays


async def test_two_roles_named_compares_them_and_forgets_the_single_role(run) -> None:
    messages, events = await run(
        ActionAnswerRole(), tracker("ask_role_salary", {"role": [DS, MLE]}, {"aspect": "salary", "role": DS})
    )
    assert messages[0]["text"].startswith("Data Scientist vs Machine Learning Engineer: salary")
    assert {"event": "slot", "timestamp": None, "name": "role", "value": None} in events


async def test_no_aspect_in_context_means_overview(run) -> None:
    messages, _ = await run(ActionAnswerRole(), tracker("inform_role", {"role": [DS]}, {"role": DS}))
    assert messages[0]["text"].startswith("Data Scientists: what the role is")


async def test_aspect_only_follow_up_after_a_comparison_compares_again(run) -> None:
    messages, events = await run(
        ActionAnswerRole(),
        tracker("ask_role_education", slots={"aspect": "education", "compared_roles": [DS, MLE]}),
    )
    assert messages[0]["text"].startswith("Data Scientist vs Machine Learning Engineer: education")
    assert {"event": "slot", "timestamp": None, "name": "compared_roles", "value": [DS, MLE]} in events


async def test_the_other_one_switches_to_the_other_role_of_the_comparison(run) -> None:
    messages, events = await run(
        ActionAnswerOtherRole(),
        tracker("ask_other_role", slots={"role": DS, "aspect": "salary", "compared_roles": [DS, MLE]}),
    )
    assert messages[0]["text"].startswith("Machine Learning Engineers: salary")
    assert {"event": "slot", "timestamp": None, "name": "role", "value": MLE} in events


async def test_the_other_one_without_a_comparison_asks_which_role(run) -> None:
    messages, _ = await run(ActionAnswerOtherRole(), tracker("ask_other_role", slots={"role": DS}))
    assert messages[0]["response"] == "utter_ask_role"


async def test_each_scope_case_is_said_first_then_the_figures_as_what_they_are(run) -> None:
    cases = {
        "place": ("Brazil", "My salary figures are for the US; I have none for Brazil."),
        "seniority": (
            "director",
            "My salary figures cover every level of experience together; "
            "I have none for director roles in particular.",
        ),
        "employer": (
            "big tech",
            "My salary figures are for the whole occupation across all employers; "
            "I have none for big tech in particular.",
        ),
        "year": ("2040", "My salary figures run to May 2025 at the latest; I have none for 2040."),
    }
    for entity, (value, first) in cases.items():
        messages, _ = await run(
            ActionAnswerRole(),
            tracker("ask_role_salary", {"role": [DS], entity: [value]}, {"aspect": "salary", "role": DS}),
        )
        lines = messages[0]["text"].splitlines()
        assert lines[0] == first, entity
        assert lines[1] == "Data Scientists: salary" and "$112,590" in messages[0]["text"]


async def test_a_level_word_gets_the_percentiles_never_a_starting_salary(run) -> None:
    messages, _ = await run(
        ActionAnswerRole(),
        tracker("ask_role_salary", {"role": [DS], "seniority": ["senior"]}, {"aspect": "salary", "role": DS}),
    )
    text = messages[0]["text"]
    assert text.startswith(
        "BLS publishes no pay by level. Annual pay of Data Scientists (SOC 15-2051) in the US"
    )
    assert "- The best-paid 10% earn more than $199,130" in text
    assert "not a starting salary or the pay of a title or a year of experience" in text


async def test_a_place_in_the_us_gets_its_own_figures_not_the_us_wide_sentence(run) -> None:
    messages, events = await run(
        ActionAnswerRole(),
        tracker("ask_role_salary", {"role": [DS], "place": ["area:4800000"]}, {"aspect": "salary"}),
    )
    text = messages[0]["text"]
    assert "none for Texas on its own" not in text
    assert text.startswith("Data Scientists (SOC 15-2051), Texas, annual pay (BLS OEWS, May 2025):")
    assert {"event": "slot", "timestamp": None, "name": "place", "value": ["area:4800000"]} in events


async def test_a_question_inside_the_figures_gets_no_caveat(run) -> None:
    messages, _ = await run(
        ActionAnswerRole(),
        tracker("ask_role_outlook", {"role": [DS], "place": ["US"], "year": ["2030"]}, {"aspect": "outlook"}),
    )
    assert messages[0]["text"].startswith("Data Scientists: job outlook")


async def test_pay_with_no_role_anywhere_ranks_the_family(run) -> None:
    messages, events = await run(ActionAnswerRole(), tracker("ask_role_salary", slots={"aspect": "salary"}))
    assert messages[0]["text"].startswith("Which data job pays the most?")
    # The first answer of a conversation ends with "Was this helpful?" (issue 19), which rates it.
    assert events == [
        {"event": "slot", "timestamp": None, "name": "aspect", "value": "salary"},
        {"event": "slot", "timestamp": None, "name": "feedback_kind", "value": "action_answer_role"},
    ]


async def test_an_action_answers_from_the_knowledge_base_it_is_given(run, tmp_path: Path) -> None:
    other = edited_copy(
        tmp_path / "kb", "statistician", "develop or apply statistical theory", "count the stars"
    )
    actions.use(actions.load(other))
    try:
        messages, _ = await run(
            ActionAnswerRole(),
            tracker("ask_role_overview", {"role": ["statistician"]}, {"role": "statistician"}),
        )
    finally:
        actions.use(None)
    assert "count the stars" in messages[0]["text"]
    messages, _ = await run(
        ActionAnswerRole(), tracker("ask_role_overview", {"role": ["statistician"]}, {"role": "statistician"})
    )
    assert "count the stars" not in messages[0]["text"]


async def test_a_role_named_alone_after_a_gap_question_asks_the_gap_to_that_role(run) -> None:
    asked = tracker("inform_role", {"role": ["machine_learning_engineer"]}, {"skills_had": ["python", "sql"]})
    before = {
        "event": "user",
        "text": "gap to data scientist?",
        "parse_data": {"intent": {"name": "ask_skill_gap"}},
    }
    asked.events.insert(0, before)
    messages, events = await run(ActionAnswerRole(), asked)
    assert messages[0]["text"].startswith("Machine Learning Engineer: you have 1 of 6 core skills")
    # After a question on pay, the same words ask about the role's pay as before.
    plain = tracker("inform_role", {"role": ["machine_learning_engineer"]}, {"aspect": "salary"})
    plain.events.insert(0, {**before, "parse_data": {"intent": {"name": "ask_role_salary"}}})
    messages, _ = await run(ActionAnswerRole(), plain)
    assert messages[0]["text"].startswith("Machine Learning Engineers: salary")
