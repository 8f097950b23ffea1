"""The REST channel as the README documents it for scripts."""

from __future__ import annotations

import requests

from tests.servers import Stack


def test_rest_webhook_answers_with_text_and_clickable_buttons(stack: Stack) -> None:
    url = f"{stack.url}/webhooks/rest/webhook"
    [reply] = requests.post(url, json={"sender": "readme-example", "message": "hello"}, timeout=60).json()
    assert reply["recipient_id"] == "readme-example"
    assert reply["text"].startswith("Hi! I'm the career guide.")
    payload = reply["buttons"][0]["payload"]
    [clicked] = requests.post(url, json={"sender": "readme-example", "message": payload}, timeout=60).json()
    assert clicked["text"].startswith("Data Scientists: what the role is")
