from __future__ import annotations

from actions.fallback import ActionSuggestRephrase
from tests.actions.tracker import tracker


async def test_likely_meanings_become_buttons_for_the_role_in_context(run) -> None:
    ranking = [("nlu_fallback", 0.45), ("ask_role_salary", 0.4), ("ask_role_outlook", 0.38), ("greet", 0.1)]
    messages, _ = await run(
        ActionSuggestRephrase(), tracker("nlu_fallback", slots={"role": "data_scientist"}, ranking=ranking)
    )
    assert messages[0]["response"] == "utter_did_you_mean"
    assert [(b["title"], b["payload"]) for b in messages[0]["buttons"]] == [
        ("Salary (Data Scientists)", '/ask_role_salary{"role": "data_scientist"}'),
        ("Job outlook (Data Scientists)", '/ask_role_outlook{"role": "data_scientist"}'),
        ("Something else", "/help"),
    ]


async def test_nothing_likely_asks_to_rephrase(run) -> None:
    ranking = [("nlu_fallback", 0.45), ("greet", 0.3), ("out_of_scope", 0.2)]
    messages, _ = await run(ActionSuggestRephrase(), tracker("nlu_fallback", ranking=ranking))
    assert messages == [
        {
            "text": None,
            "buttons": [],
            "elements": [],
            "custom": {},
            "template": "utter_ask_rephrase",
            "response": "utter_ask_rephrase",
            "image": None,
            "attachment": None,
        }
    ]
