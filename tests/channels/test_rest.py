"""The REST channel as the README documents it for scripts."""

from __future__ import annotations

import json
import uuid

import pytest
import requests

from harness.servers import Stack


def test_rest_webhook_answers_with_text_and_clickable_buttons(stack: Stack) -> None:
    url = f"{stack.url}/webhooks/rest/webhook"
    [reply] = requests.post(url, json={"sender": "readme-example", "message": "hello"}, timeout=60).json()
    assert reply["recipient_id"] == "readme-example"
    assert reply["text"].startswith("Hi! I'm the career guide.")
    payload = reply["buttons"][0]["payload"]
    [clicked] = requests.post(url, json={"sender": "readme-example", "message": payload}, timeout=60).json()
    assert clicked["text"].startswith("I know 10 data careers:")


BAD_REQUESTS = {
    "not JSON": (b"hello", "application/json"),
    "empty body": (b"", "application/json"),
    "form-encoded": (b"sender=x&message=hi", "application/x-www-form-urlencoded"),
    "JSON list": (b'["sender", "message"]', "application/json"),
    "JSON string": (b'"hi"', "application/json"),
    "no sender": (b'{"message": "hi"}', "application/json"),
    "empty sender": (b'{"sender": "", "message": "hi"}', "application/json"),
    "100,000-character sender": (
        json.dumps({"sender": "s" * 100_000, "message": "hi"}).encode(),
        "application/json",
    ),
    "no message": (b'{"sender": "bad-input"}', "application/json"),
    "null message": (b'{"sender": "bad-input", "message": null}', "application/json"),
    "numeric message": (b'{"sender": "bad-input", "message": 7}', "application/json"),
    "whitespace message": (b'{"sender": "bad-input", "message": "  \\n "}', "application/json"),
}


@pytest.mark.parametrize("case", BAD_REQUESTS, ids=list(BAD_REQUESTS))
def test_bad_requests_get_a_400_with_a_short_json_error(stack: Stack, case: str) -> None:
    raw, content_type = BAD_REQUESTS[case]
    reply = requests.post(
        f"{stack.url}/webhooks/rest/webhook", data=raw, headers={"Content-Type": content_type}, timeout=30
    )
    assert reply.status_code == 400
    assert set(reply.json()) == {"error"}
    assert len(reply.json()["error"]) < 200


@pytest.mark.parametrize(
    "message",
    [
        "hi\x00\x07 there",
        "مرحبا، ماذا يفعل عالم البيانات؟",
        "🤖📊🚀",
        "<script>alert(1)</script>",
        "x" * 1_000_000,
    ],
    ids=["control characters", "right-to-left", "emoji only", "script tag", "1 MB"],
)
def test_odd_messages_get_a_friendly_answer_and_the_conversation_goes_on(stack: Stack, message: str) -> None:
    sender = f"odd-{uuid.uuid4().hex[:6]}"
    replies = stack.say(sender, message)
    assert replies and all(r.get("text") for r in replies)
    assert "<script>" not in json.dumps(replies)
    assert stack.text(sender, "what do data scientists do?").startswith("Data Scientists: what the role is")


def test_a_10000_character_message_is_capped_with_a_note(stack: Stack) -> None:
    [reply] = stack.say(f"long-{uuid.uuid4().hex[:6]}", "data " * 2000)
    assert reply["text"].startswith("That message is longer than I can read (2,000 characters at most)")


def test_typed_intent_syntax_with_markup_is_harmless(stack: Stack) -> None:
    sender = f"typed-{uuid.uuid4().hex[:6]}"
    assert stack.text(sender, '/ask_role_tools{"role": "<b>x</b>"}') == "Which role do you mean?"
    stack.say(sender, '/restart{"role": "<b>x</b>"}')
    assert stack.text(sender, "how much do ML engineers earn?").startswith(
        "Machine Learning Engineers: salary"
    )


def test_a_sender_over_the_rate_limit_is_told_to_slow_down_and_others_are_not(stack: Stack) -> None:
    url = f"{stack.url}/webhooks/rest/webhook"
    hasty = f"hasty-{uuid.uuid4().hex[:6]}"
    codes = [
        requests.post(url, json={"sender": hasty, "message": "hi"}, timeout=30).status_code for _ in range(30)
    ]
    assert codes == [200] * 30
    slowed = requests.post(url, json={"sender": hasty, "message": "hi"}, timeout=30)
    assert slowed.status_code == 429
    assert slowed.json()[0]["text"].startswith("You're sending messages faster than I can read them.")
    assert stack.text(f"calm-{uuid.uuid4().hex[:6]}", "hi").startswith("Hi! I'm the career guide.")
