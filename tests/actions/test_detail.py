from __future__ import annotations

from rasa_sdk import Tracker

from actions.compare import ActionCompareRoles
from actions.detail import ActionShowDetail
from actions.roles import ActionAnswerRole
from tests.actions.tracker import tracker
from tests.answers import answer_of

DS, MLE = "data_scientist", "machine_learning_engineer"


def with_bot_messages(base: Tracker, *buttons: list[dict[str, str]]) -> Tracker:
    """`base` after the assistant sent messages with these buttons."""
    bot = [{"event": "bot", "text": "…", "data": {"buttons": b}} for b in buttons]
    base.events = [*bot, *base.events]
    return base


async def test_the_more_button_of_a_first_answer_shows_every_figure_and_keeps_the_role(run) -> None:
    said, _ = await run(
        ActionAnswerRole(), tracker("ask_role_salary", {"role": [DS]}, {"aspect": "salary", "role": DS})
    )
    [first] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    assert len(first["text"]) <= 600
    more = first["buttons"][0]
    assert more["title"] == "All 9 salary figures"  # the role file's 8 and the May 2025 figures
    entities = {"detail": ["role/salary/data_scientist"]}
    [full], events = await run(ActionShowDetail(), tracker("ask_detail", entities))
    assert full["text"].startswith("Data Scientists: salary")
    assert "- Median annual pay: $120,230 a year (US, May 2025;" in full["text"]
    assert "90th percentile of annual pay: $194,410 a year (US, May 2024" in full["text"]
    assert {"event": "slot", "timestamp": None, "name": "role", "value": DS} in events
    assert {"event": "slot", "timestamp": None, "name": "aspect", "value": "salary"} in events


async def test_typed_tell_me_more_follows_the_latest_more_button_offered(run) -> None:
    said, _ = await run(
        ActionCompareRoles(), tracker("compare_roles", {"role": [DS, MLE], "aspect": ["salary"]})
    )
    [comparison] = answer_of(said)  # and "Was this helpful?" after it (issue 19)
    asked = with_bot_messages(
        tracker("ask_detail"), comparison["buttons"], [{"title": "x", "payload": "/greet"}]
    )
    [full], events = await run(ActionShowDetail(), asked)
    assert full["text"].startswith("Data Scientist vs Machine Learning Engineer: salary")
    assert "All figures for Machine Learning Engineers:" in full["text"]
    assert {"event": "slot", "timestamp": None, "name": "role", "value": None} in events


async def test_tell_me_more_with_nothing_to_follow_says_so(run) -> None:
    [reply], events = await run(ActionShowDetail(), tracker("ask_detail"))
    assert reply["response"] == "utter_no_detail"
    assert events == []


async def test_a_forged_detail_key_gets_the_same_honest_answer(run) -> None:
    [reply], _ = await run(ActionShowDetail(), tracker("ask_detail", {"detail": ["role/salary/<b>x</b>"]}))
    assert reply["response"] == "utter_no_detail"
