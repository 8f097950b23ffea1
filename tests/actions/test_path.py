from __future__ import annotations

from actions.path import (
    ActionAnswerPathCommand,
    ActionAskPathAnswer,
    ActionExplainPathQuestion,
    ActionGoBackPath,
    ActionRecommendPath,
    ActionStartPath,
    ValidatePathForm,
)
from tests.actions.tracker import tracker

MLE_SO_FAR = {
    "enjoy": "building",
    "strength": "software",
    "build_focus": "train_models",
    "audience": "infrastructure",
    "study": "degree",
}


def slot(name: str, value: object) -> dict:
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


def in_form(intent: str, text: str, answers: dict, option: str | None = None, invalid: int = 0):
    built = tracker(
        intent,
        {"path_option": [option]} if option else None,
        {"path_answers": answers, "path_invalid": invalid, "requested_slot": "path_answer"},
    )
    built.latest_message["text"] = text
    built.active_loop = {"name": "path_form"}
    return built


async def test_start_says_the_intro_and_clears_earlier_answers(run) -> None:
    messages, events = await run(ActionStartPath(), tracker("start_path", slots={"path_answers": MLE_SO_FAR}))
    assert "I'll ask a few short questions" in messages[0]["text"]
    assert slot("path_answers", {}) in events


async def test_ask_shows_progress_and_one_button_per_option(run) -> None:
    messages, _ = await run(ActionAskPathAnswer(), tracker(slots={"path_answers": {"enjoy": "both"}}))
    assert messages[0]["text"] == "Question 2 of 6: Which is more your strength?"
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/answer_path{"path_option": "statistics"}',
        '/answer_path{"path_option": "software"}',
        '/answer_path{"path_option": "business"}',
        '/answer_path{"path_option": "neither_yet"}',
    ]


async def test_button_answer_is_stored_and_the_form_goes_on(run) -> None:
    _, events = await run(
        ValidatePathForm(), in_form("answer_path", '/answer_path{"path_option": "insights"}', {}, "insights")
    )
    assert slot("path_answers", {"enjoy": "insights"}) in events
    assert slot("path_answer", None) in events


async def test_free_text_answer_even_when_the_nlu_thought_it_was_a_question(run) -> None:
    _, events = await run(
        ValidatePathForm(), in_form("ask_role_skills", "definitely the stats side", {"enjoy": "both"})
    )
    assert slot("path_answers", {"enjoy": "both", "strength": "statistics"}) in events


async def test_last_answer_completes_the_form(run) -> None:
    _, events = await run(
        ValidatePathForm(), in_form("answer_path", "why a model gets things wrong", MLE_SO_FAR)
    )
    assert slot("path_answer", "done") in events


async def test_a_real_question_mid_way_steps_aside_for_the_rules(run) -> None:
    messages, events = await run(
        ValidatePathForm(), in_form("ask_role_salary", "how much do data scientists earn?", {"enjoy": "both"})
    )
    # Nothing extracted: the form is rejected and a rule answers the question.
    assert messages == []
    assert events == []


async def test_path_commands_are_left_to_their_rules(run) -> None:
    for intent, text in [("ask_why", "why?"), ("stop_path", "stop"), ("start_over", "start over")]:
        assert await run(ValidatePathForm(), in_form(intent, text, {})) == ([], [])


async def test_off_topic_text_is_an_unusable_answer(run) -> None:
    messages, events = await run(ValidatePathForm(), in_form("out_of_scope", "what's the weather?", {}))
    assert messages[0]["response"] == "utter_path_invalid_answer"
    assert slot("path_invalid", 1) in events


async def test_unusable_answer_is_counted_and_the_third_offers_to_stop(run) -> None:
    messages, events = await run(ValidatePathForm(), in_form("nlu_fallback", "purple", {}, invalid=0))
    assert messages[0]["response"] == "utter_path_invalid_answer"
    assert slot("path_invalid", 1) in events
    messages, events = await run(ValidatePathForm(), in_form("nlu_fallback", "purple", {}, invalid=2))
    assert messages[0]["response"] == "utter_path_offer_stop"
    assert messages[0]["buttons"] == [{"title": "Stop the questions", "payload": "/stop_path"}]
    assert slot("path_invalid", 3) in events


async def test_why_gives_the_reason_of_the_open_question(run) -> None:
    messages, _ = await run(ActionExplainPathQuestion(), in_form("ask_why", "why?", {"enjoy": "insights"}))
    assert messages[0]["text"] == (
        "Why I ask: Statisticians, data scientists and researchers lean on statistics; ML, AI, MLOps "
        "and data engineers on programming; analysts on business sense and communication."
    )


async def test_why_outside_the_path(run) -> None:
    messages, _ = await run(ActionExplainPathQuestion(), tracker("ask_why"))
    assert messages[0]["response"] == "utter_path_no_question"


async def test_recommendation_keeps_the_role_for_follow_ups_and_offers_next_steps(run) -> None:
    answers = {**MLE_SO_FAR, "trouble": "wrong_answers"}
    messages, events = await run(ActionRecommendPath(), tracker(slots={"path_answers": answers}))
    assert messages[0]["text"].startswith("My recommendation: Machine Learning Engineer.")
    assert "Runner-up: AI Engineer" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == (
        '/compare_roles{"role": ["machine_learning_engineer", "ai_engineer"]}'
    )
    assert [b["title"] for b in messages[0]["buttons"]] == [
        "Compare the roles",
        "What would I need to learn?",
        "Salary",
        "Job outlook",
        "Start over",
    ]
    assert messages[0]["buttons"][1]["payload"] == '/ask_skill_gap{"role": "machine_learning_engineer"}'
    assert slot("role", "machine_learning_engineer") in events
    assert slot("path_answers", {}) in events


async def test_clearing_the_slot_when_the_path_starts_is_not_an_unusable_answer(run) -> None:
    assert await ValidatePathForm().validate_path_answer(None, None, tracker(), {}) == {}


async def test_a_self_description_fills_in_the_answers_it_contains_and_says_so(run) -> None:
    built = tracker("start_path")
    built.latest_message["text"] = (
        "I love statistics and explaining things to people, not so much coding. What fits me?"
    )
    messages, events = await run(ActionStartPath(), built)
    assert messages[0]["text"] == (
        "From what you said, you are strongest in statistics and like explaining results to "
        "non-technical people. I'll ask only what's left."
    )
    assert slot("path_answers", {"strength": "statistics", "audience": "explaining"}) in events


async def test_a_negated_free_text_answer_is_read_and_said_back(run) -> None:
    answers = {k: v for k, v in MLE_SO_FAR.items() if k != "audience"}
    messages, events = await run(
        ValidatePathForm(), in_form("answer_path", "not really into presenting", answers)
    )
    assert messages[0]["text"] == 'I took that as "Behind the scenes". (Say "back" to change it.)'
    assert slot("path_answers", {**answers, "audience": "infrastructure"}) in events


async def test_a_button_answer_is_not_said_back(run) -> None:
    messages, _ = await run(
        ValidatePathForm(), in_form("answer_path", '/answer_path{"path_option": "insights"}', {}, "insights")
    )
    assert messages == []


async def test_back_forgets_the_latest_answer(run) -> None:
    _, events = await run(
        ActionGoBackPath(), in_form("go_back", "back", {"enjoy": "building", "strength": "software"})
    )
    assert slot("path_answers", {"enjoy": "building"}) in events


async def test_stop_long_after_the_path_or_never_in_it_is_not_about_questions(run) -> None:
    messages, _ = await run(ActionAnswerPathCommand(), tracker("stop_path"))
    assert messages[0]["response"] == "utter_acknowledge"
    assert messages[0]["buttons"][-1]["payload"] == "/start_path"


async def test_stop_right_after_the_path_says_it_has_ended(run) -> None:
    built = tracker("stop_path")
    built.events = [
        {"event": "active_loop", "name": "path_form"},
        {"event": "active_loop", "name": None},
        {"event": "user", "text": "stop"},
    ]
    messages, _ = await run(ActionAnswerPathCommand(), built)
    assert messages[0]["response"] == "utter_path_not_started"
