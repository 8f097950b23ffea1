from __future__ import annotations

from actions.roles import ActionAnswerRole
from tests.actions.tracker import tracker

DS, MLE = "data_scientist", "machine_learning_engineer"


async def test_answers_the_aspect_for_the_named_role_and_remembers_both(run) -> None:
    messages, events = await run(
        ActionAnswerRole(), tracker("ask_role_salary", {"role": [DS]}, {"aspect": "salary", "role": DS})
    )
    assert messages[0]["text"].startswith("Data Scientists: salary")
    assert "$129,189" in messages[0]["text"]
    assert events == [
        {"event": "slot", "timestamp": None, "name": "role", "value": DS},
        {"event": "slot", "timestamp": None, "name": "aspect", "value": "salary"},
    ]


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
    messages, events = await run(ActionAnswerRole(), tracker("ask_role_salary", slots={"aspect": "salary"}))
    assert messages[0]["response"] == "utter_ask_role"
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/inform_role{"role": "data_scientist"}',
        '/inform_role{"role": "machine_learning_engineer"}',
        '/compare_roles{"aspect": "salary"}',
    ]
    assert events == []


async def test_uncovered_job_gets_an_honest_i_cover(run) -> None:
    messages, events = await run(
        ActionAnswerRole(), tracker("ask_role_overview", {"job": ["plumber"]}, {"role": DS})
    )
    assert messages[0]["response"] == "utter_role_not_covered"
    assert messages[0]["job"] == "plumber"
    assert messages[0]["roles"] == "Data Scientists and Machine Learning Engineers"
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
