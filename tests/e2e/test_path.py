"""The guided path end to end through the REST channel, clicking buttons as a person would."""

from __future__ import annotations

import uuid
from typing import Any

from harness.servers import Stack
from tests.answers import answer_of


def sender() -> str:
    return f"path-{uuid.uuid4().hex[:8]}"


def question(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The message that asks a path question (the last one with "Question n of m")."""
    asked = [m for m in messages if m.get("text", "").startswith("Question ")]
    assert asked, messages
    return asked[-1]


def click(stack: Stack, me: str, messages: list[dict[str, Any]], title: str) -> list[dict[str, Any]]:
    buttons = {b["title"]: b["payload"] for b in question(messages)["buttons"]}
    return stack.say(me, buttons[title])


MLE_ANSWERS = [
    "Building products with models or AI",
    "Software engineering",
    "My own models, trained and put into products",
    "Behind the scenes",
    "A bachelor's or a master's",
    "Working out why a model gets things wrong",
]
# Two more roles by buttons, each through its own follow-up question.
BUTTON_PATHS = {
    "Business Intelligence Analyst": [
        "Finding insights in data",
        "Business sense and communication",
        "A dashboard the business uses every day",
        "Explaining results to people",
        "A few months of courses",
        "Cleaning up messy data",
    ],
    "Database Administrator": [
        "Building and running data systems",
        "Neither yet, I'm learning",
        "Databases kept fast, safe and backed up",
        "Behind the scenes",
        "A few months of courses",
        "Keeping a system reliable in production",
    ],
}


def click_through(stack: Stack, me: str, messages: list[dict[str, Any]], titles: list[str]) -> dict[str, Any]:
    """From question 1, click `titles` in turn; the recommendation."""
    for title in titles[:-1]:
        messages = click(stack, me, messages, title)
    assert question(messages)["text"].startswith(f"Question {len(titles)} of {len(titles)}:")
    [result] = answer_of(click(stack, me, messages, titles[-1]))  # then "Was this helpful?" (issue 19)
    return result


def click_to_ml_engineer(stack: Stack, me: str, messages: list[dict[str, Any]]) -> dict[str, Any]:
    result = click_through(stack, me, messages, MLE_ANSWERS)
    assert result["text"].startswith("My recommendation: Machine Learning Engineer."), result
    return result


def test_clicking_through_to_an_ml_engineer_recommendation(stack: Stack) -> None:
    me = sender()
    messages = stack.say(me, "help me choose")
    assert "I'll ask a few short questions" in messages[0]["text"]
    assert question(messages)["text"] == "Question 1 of 6: Which part of data work do you enjoy most?"
    result = click_to_ml_engineer(stack, me, messages)
    assert "Runner-up: AI Engineer" in result["text"]
    assert [b["title"] for b in result["buttons"]] == [
        "Compare the roles",
        "What would I need to learn?",
        "Salary",
        "Job outlook",
        "Start over",
    ]
    # Later questions use the result.
    learn = stack.text(me, "so what should I learn?")
    assert learn.startswith("Machine Learning Engineers: skills")
    assert stack.text(me, "how much does that pay?").startswith("Machine Learning Engineers: salary")


def test_clicking_through_to_two_more_roles(stack: Stack) -> None:
    for role, titles in BUTTON_PATHS.items():
        me = sender()
        result = click_through(stack, me, stack.say(me, "help me choose"), titles)
        assert result["text"].startswith(f"My recommendation: {role}."), result
        assert "Why: you " in result["text"] and "Runner-up: " in result["text"]


def test_free_text_answers_to_an_ai_engineer(stack: Stack) -> None:
    me = sender()
    stack.say(me, "help me choose")
    messages = stack.say(me, "I'd rather build things")
    assert question(messages)["text"] == "Question 2 of 6: Which is more your strength?"
    for answer in [
        "coding, definitely",
        "chatbots on top of GPT",
        "not really into presenting",
        "a degree is fine",
    ]:
        messages = stack.say(me, answer)
    assert question(messages)["text"].startswith("Question 6 of 6: Which problem")
    result = stack.text(me, "hallucinations, why a model gets things wrong")
    assert result.startswith('I took that as "Working out why a model gets things wrong".'), result
    assert "\nMy recommendation: AI Engineer.\n" in result
    assert "want to build applications on large language models" in result


def test_a_question_mid_way_is_answered_then_the_open_question_returns(stack: Stack) -> None:
    me = sender()
    messages = stack.say(me, "which career is right for me?")
    messages = click(stack, me, messages, "Finding insights in data")
    messages = stack.say(me, "how much do data scientists earn?")
    assert messages[0]["text"].startswith("Data Scientists: salary")
    assert question(messages)["text"].startswith("Question 2 of 6: Which is more your strength")


def test_why_do_you_ask_then_the_question_again(stack: Stack) -> None:
    me = sender()
    stack.say(me, "help me choose")
    messages = stack.say(me, "why do you ask?")
    assert messages[0]["text"].startswith("Why I ask: The biggest split in the family")
    assert question(messages)["text"].startswith("Question 1 of 6")


def test_three_unusable_answers_offer_to_stop_and_stop_ends_politely(stack: Stack) -> None:
    me = sender()
    stack.say(me, "help me choose")
    for unusable in ["what's the weather like?", "asdfgh"]:
        messages = stack.say(me, unusable)
        assert messages[0]["text"].startswith("Sorry, I couldn't use that answer.")
        assert question(messages)["text"].startswith("Question 1 of 6")
    messages = stack.say(me, "zzzz qqqq")
    assert messages[0]["text"].startswith("That's three answers in a row I couldn't use.")
    assert messages[0]["buttons"] == [{"title": "Stop the questions", "payload": "/stop_path"}]
    assert stack.text(me, "/stop_path").startswith("OK, I've stopped the questions.")
    # The conversation goes on normally afterwards.
    assert stack.text(me, "what do ML engineers do?").startswith(
        "Machine Learning Engineers: what the role is"
    )


def test_cancel_and_start_over(stack: Stack) -> None:
    me = sender()
    messages = stack.say(me, "help me choose")
    messages = click(stack, me, messages, "A bit of everything")
    messages = click(stack, me, messages, "Statistics and probability")
    messages = stack.say(me, "start over")
    assert question(messages)["text"].startswith("Question 1 of 6")
    assert stack.text(me, "never mind").startswith("OK, I've stopped the questions.")
