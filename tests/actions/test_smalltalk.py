from __future__ import annotations

from actions.smalltalk import ActionAcknowledge, ActionCalmFrustration
from tests.actions.tracker import tracker

DS, MLE = "data_scientist", "machine_learning_engineer"


async def test_ok_gets_a_short_reply_with_next_steps_about_the_role_in_focus(run) -> None:
    messages, events = await run(
        ActionAcknowledge(), tracker("acknowledge", slots={"role": DS, "aspect": "salary"})
    )
    assert messages[0]["response"] == "utter_acknowledge"
    assert [b["title"] for b in messages[0]["buttons"]] == [
        "Data Scientists: skills",
        "Data Scientists: job outlook",
        "Help me choose",
    ]
    assert events == []


async def test_ok_after_a_comparison_offers_to_compare_on_other_points(run) -> None:
    messages, _ = await run(
        ActionAcknowledge(), tracker("acknowledge", slots={"compared_roles": [DS, MLE], "aspect": "skills"})
    )
    assert [b["payload"] for b in messages[0]["buttons"]][:2] == [
        '/compare_roles{"aspect": "salary"}',
        '/compare_roles{"aspect": "outlook"}',
    ]


async def test_frustration_gets_a_calm_reply_not_an_apology_for_not_understanding(run) -> None:
    messages, _ = await run(ActionCalmFrustration(), tracker("express_frustration"))
    assert messages[0]["response"] == "utter_calm_frustration"
    assert len(messages[0]["buttons"]) == 3
