"""Whole conversations through the REST channel with the real servers: what a person sees."""

from __future__ import annotations

import uuid

from harness.servers import Stack
from tests.answers import answer_of


def sender() -> str:
    return f"dialogue-{uuid.uuid4().hex[:8]}"


def test_follow_ups_keep_the_role_then_switch_it(stack: Stack) -> None:
    me = sender()
    assert stack.text(me, "tell me about data scientists").startswith("Data Scientists: what the role is")
    assert stack.text(me, "how much do they earn?").startswith("Data Scientists: salary")
    earn = stack.text(me, "and ML engineers?")
    assert earn.startswith("Machine Learning Engineers: salary")
    assert "closest official proxy, Software Developers (SOC 15-1252)" in earn  # before any figure
    assert "$135,980 a year (US, May 2025; BLS OEWS)" in earn


def test_no_role_anywhere_asks_with_a_button_per_role_and_the_button_answers(stack: Stack) -> None:
    me = sender()
    [question] = stack.say(me, "what skills do they need?")
    assert question["text"] == "Which role do you mean?"
    titles = [b["title"] for b in question["buttons"]]
    assert titles[:3] == ["AI Engineers", "Business Intelligence Analysts", "Data Analysts"]
    assert len(titles) == 11 and titles[-1] == "Compare them"
    clicked = question["buttons"][2]["payload"]
    assert stack.text(me, clicked).startswith("Data Analysts: skills")


def test_pay_with_no_role_anywhere_is_the_ranking_of_the_family(stack: Stack) -> None:
    me = sender()
    [ranking] = answer_of(stack.say(me, "how much do they make?"))  # then "Was this helpful?"
    assert ranking["text"].startswith("Which data job pays the most? Median annual pay, US, May 2024")
    assert "Source: US Bureau of Labor Statistics, Occupational Outlook Handbook." in ranking["text"]
    full = stack.text(me, ranking["buttons"][0]["payload"])
    assert "Not comparable (no figure from this source, statistic and period), so not ranked:" in full
    bars = stack.text(me, "can you show me a chart of those salaries?")
    assert "█" in bars and "$140,910 a year  AI / ML Research Scientists" in bars  # text bars on REST
    assert stack.text(me, "what roles do you know?").startswith("I know 10 data careers:")


def test_a_role_not_covered_gets_an_honest_i_cover(stack: Stack) -> None:
    answer = stack.text(sender(), "what does a plumber do?")
    assert answer.startswith('Sorry, "plumber" is not a role I cover.')
    assert "I cover AI Engineers, Business Intelligence Analysts, Data Analysts, Data Engineers" in answer


def test_where_the_data_comes_from(stack: Stack) -> None:
    answer, detail = stack.text_and_detail(sender(), "where does this data come from?")
    assert "US Bureau of Labor Statistics" in answer
    assert '"Future of Jobs Report 2023" (May 2023' in detail


def test_greeting_and_help_offer_example_questions_as_buttons(stack: Stack) -> None:
    me = sender()
    [greeting] = stack.say(me, "hello")
    assert greeting["text"].startswith("Hi! I'm the career guide.")
    assert len(greeting["buttons"]) >= 3
    [help_] = stack.say(me, "what can you do?")
    assert "I know ten data careers" in help_["text"] and "I compare any two" in help_["text"]
    payloads = [b["payload"] for b in help_["buttons"]]
    assert '/rank_roles{"aspect": "salary"}' in payloads
    which_pays_most = stack.text(me, '/rank_roles{"aspect": "salary"}')
    assert which_pays_most.startswith("Which data job pays the most?")


def test_thanks_goodbye_and_bot_challenge(stack: Stack) -> None:
    me = sender()
    assert stack.text(me, "are you a bot?").startswith("I'm a bot")
    assert stack.text(me, "thanks a lot").startswith("You're welcome")
    assert stack.text(me, "bye").startswith("Goodbye")


def test_off_topic_gets_what_i_can_help_with_then_the_conversation_goes_on(stack: Stack) -> None:
    me = sender()
    [reply] = stack.say(me, "what's the weather like in Paris tomorrow?")
    assert reply["text"].startswith("Sorry, I can't help with that. I can help with data careers")
    assert reply["buttons"]
    assert stack.text(me, "what do data scientists earn?").startswith("Data Scientists: salary")


def test_gibberish_gets_a_friendly_way_forward(stack: Stack) -> None:
    answer = stack.text(sender(), "asdkjh qwpoe zmxn")
    assert answer.startswith(
        ("Sorry, I can't help with that", "Sorry, I didn't quite get that", "I'm not sure")
    )


def test_restart_forgets_the_role(stack: Stack) -> None:
    me = sender()
    stack.text(me, "tell me about ML engineers")
    assert stack.text(me, "start over").startswith("Let's start over.")
    assert stack.text(me, "what tools do they use?") == "Which role do you mean?"
