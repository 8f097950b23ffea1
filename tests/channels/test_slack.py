"""Slack: signed requests to the running Rasa server, replies recorded by a fake Slack Web API."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
import requests

from tests.channels.fake_slack import FakeSlack, fake_slack
from tests.servers import Stack, running_stack

SECRET = "test-signing-secret"
ENV = {"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_SIGNING_SECRET": SECRET}


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with fake_slack() as fake:
        yield fake


@pytest.fixture(scope="module")
def slack_stack(tmp_path_factory: pytest.TempPathFactory, slack: FakeSlack) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("slack"), env={**ENV, "SLACK_API_URL": slack.url}) as stack:
        yield stack


def signature(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    basestring = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), basestring, hashlib.sha256).hexdigest()


def post(
    stack: Stack,
    body: bytes,
    content_type: str,
    timestamp: str | None = None,
    secret: str | None = SECRET,
    headers: dict[str, str] | None = None,
) -> requests.Response:
    timestamp = timestamp or str(int(time.time()))
    signed = {"X-Slack-Request-Timestamp": timestamp, "Content-Type": content_type, **(headers or {})}
    if secret is not None:
        signed["X-Slack-Signature"] = signature(body, timestamp, secret)
    return requests.post(f"{stack.url}/webhooks/slack/webhook", data=body, headers=signed, timeout=60)


def direct_message(text: str, user: str, channel: str) -> bytes:
    event = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": "1.0",
        "channel_type": "im",
    }
    return json.dumps(
        {"type": "event_callback", "team_id": "T1", "event_id": f"Ev{uuid.uuid4().hex}", "event": event}
    ).encode()


def say(stack: Stack, text: str, user: str, channel: str, **kwargs: Any) -> requests.Response:
    return post(stack, direct_message(text, user, channel), "application/json", **kwargs)


def posts_to(slack: FakeSlack, channel: str, count: int = 0, timeout: float = 30) -> list[dict[str, Any]]:
    """What was posted to `channel`, after waiting up to `timeout` s for `count` posts."""
    deadline = time.monotonic() + timeout
    while True:
        found = [p for p in slack.posts if p.get("channel") == channel and p["method"] == "chat.postMessage"]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def new_ids() -> tuple[str, str]:
    suffix = uuid.uuid4().hex[:8].upper()
    return f"U{suffix}", f"D{suffix}"


def test_url_verification_is_answered(slack_stack: Stack) -> None:
    body = json.dumps(
        {"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV", "token": "x"}
    ).encode()
    reply = post(slack_stack, body, "application/json")
    assert reply.status_code == 200
    assert reply.json() == "3eZbrw1aBm2rZgRNFdxV"


def test_a_direct_message_gets_its_reply_posted(slack_stack: Stack, slack: FakeSlack) -> None:
    user, channel = new_ids()
    assert say(slack_stack, "how much do data scientists earn?", user, channel).status_code == 200
    [reply] = posts_to(slack, channel, 1)
    assert reply["text"].startswith("Data Scientists: salary")
    assert "$129,189 a year (US, 2024; Blockchain Council article" in reply["text"]


def test_buttons_arrive_as_blocks_and_a_click_continues_the_conversation(
    slack_stack: Stack, slack: FakeSlack
) -> None:
    user, channel = new_ids()
    say(slack_stack, "which data job pays the most?", user, channel)
    [question] = posts_to(slack, channel, 1)
    blocks = question["blocks"] if isinstance(question["blocks"], list) else json.loads(question["blocks"])
    buttons = [element for block in blocks if block["type"] == "actions" for element in block["elements"]]
    assert [b["text"]["text"] for b in buttons] == ["Full ranking", "Pay chart", "Rank on growth"]
    click = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": channel},
        "message": {"ts": "2.0"},
        "actions": [{"type": "button", "value": buttons[1]["value"], "action_id": "a1"}],
    }
    body = urlencode({"payload": json.dumps(click)}).encode()
    assert post(slack_stack, body, "application/x-www-form-urlencoded").status_code == 200
    answers = posts_to(slack, channel, 2)
    assert len(answers) == 2
    # The chart in Slack is text bars, every bar with its figure.
    assert answers[1]["text"].startswith("Median annual pay, US, May 2024")
    assert "█" in answers[1]["text"] and "$140,910 a year" in answers[1]["text"]


@pytest.mark.parametrize(
    ("case", "kwargs"),
    [
        ("forged signature", {"secret": "not-the-secret"}),
        ("missing signature", {"secret": None}),
        ("timestamp older than 5 minutes", {"timestamp": str(int(time.time()) - 6 * 60)}),
    ],
)
def test_unsigned_or_stale_requests_are_refused_and_nothing_is_posted(
    slack_stack: Stack, slack: FakeSlack, case: str, kwargs: dict[str, Any]
) -> None:
    user, channel = new_ids()
    reply = say(slack_stack, "what do ML engineers do?", user, channel, **kwargs)
    assert 400 <= reply.status_code < 500, case
    time.sleep(1)
    assert posts_to(slack, channel) == []


def test_a_retry_for_http_timeout_is_not_answered_twice(slack_stack: Stack, slack: FakeSlack) -> None:
    user, channel = new_ids()
    body = direct_message("what skills do data scientists need?", user, channel)
    assert post(slack_stack, body, "application/json").status_code == 200
    assert len(posts_to(slack, channel, 1)) == 1
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert post(slack_stack, body, "application/json", headers=retry).status_code < 300
    time.sleep(1)
    assert len(posts_to(slack, channel)) == 1


def test_without_secrets_slack_is_off_and_the_other_channels_work(stack: Stack) -> None:
    # `stack` runs with no SLACK_* variables at all.
    refused = requests.post(
        f"{stack.url}/webhooks/slack/webhook", json={"type": "event_callback"}, timeout=10
    )
    assert refused.status_code == 503
    assert "Slack is not configured" in refused.json()["error"]
    assert stack.text(f"rest-{uuid.uuid4().hex[:6]}", "what do data scientists do?").startswith(
        "Data Scientists"
    )
