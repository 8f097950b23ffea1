"""Slack: signed requests to the running Rasa server, replies recorded by a fake Slack Web API."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import requests

from addons.channels import slack_blocks
from harness.pay_places import Database
from harness.servers import Stack, running_stack, stored_feedback
from tests.channels.fake_slack import FakeSlack, block_errors, fake_slack
from tests.e2e.test_report import run
from tests.matrix import first_questions

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


def posts_to(
    slack: FakeSlack, channel: str, count: int = 0, timeout: float = 30, feedback: bool = False
) -> list[dict[str, Any]]:
    """What was posted to `channel`, after waiting up to `timeout` s for `count` posts. The
    "Was this helpful?" after a first answer (issue 19) is left out unless `feedback`: the tests
    of other features look at the answers (test_an_answer_asks_was_this_helpful... at it)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [
            p
            for p in slack.posts
            if p.get("channel") == channel
            and p["method"] == "chat.postMessage"
            and (feedback or not str(p.get("text") or "").startswith("*Was this helpful?*"))
        ]
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


def blocks_of(post: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = post.get("blocks") or []
    return list(json.loads(blocks) if isinstance(blocks, str) else blocks)


def section_text(post: dict[str, Any]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks_of(post) if b["type"] == "section")


def buttons_of(post: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in blocks_of(post) if b["type"] == "actions" for e in b["elements"]]


def click(stack: Stack, user: str, channel: str, button: dict[str, Any]) -> None:
    action = {"type": "button", "value": button["value"], "action_id": button.get("action_id", "a1")}
    event = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": channel},
        "message": {"ts": "2.0"},
        "actions": [action],
    }
    body = urlencode({"payload": json.dumps(event)}).encode()
    assert post(stack, body, "application/x-www-form-urlencoded").status_code == 200


def test_a_first_answer_comes_as_mrkdwn_blocks_with_its_more_button_and_the_click_gives_the_detail(
    slack_stack: Stack, slack: FakeSlack
) -> None:
    user, channel = new_ids()
    assert say(slack_stack, "how much do data scientists earn?", user, channel).status_code == 200
    [reply] = posts_to(slack, channel, 1)
    assert "errors" not in reply
    text = section_text(reply)
    assert text.startswith("*Data Scientists: salary*")  # the heading in bold
    assert "• Median annual pay: $120,230 a year (US, May 2025; BLS OEWS)" in text  # a real bullet
    assert all(b["text"]["type"] == "mrkdwn" for b in blocks_of(reply) if b["type"] == "section")
    more = buttons_of(reply)[0]
    assert more["text"]["text"] == "All 9 salary figures"
    click(slack_stack, user, channel, more)
    [_, detail] = posts_to(slack, channel, 2)
    assert "errors" not in detail
    assert "• 90th percentile of annual pay: $194,410 a year (US, May 2024" in section_text(detail)


def test_the_longest_detail_is_split_into_blocks_slack_accepts(slack_stack: Stack, slack: FakeSlack) -> None:
    user, channel = new_ids()
    say(slack_stack, "what's the difference between a data scientist and an ML engineer?", user, channel)
    [first] = posts_to(slack, channel, 1)
    [point_by_point] = [b for b in buttons_of(first) if b["text"]["text"] == "Point by point"]
    click(slack_stack, user, channel, point_by_point)
    detail = posts_to(slack, channel, 2)[1:]
    assert detail and all("errors" not in p for p in detail)
    sections = [b for p in detail for b in blocks_of(p) if b["type"] == "section"]
    assert len(sections) >= 2  # 3,373 characters: more than one section may hold
    whole = "\n".join(section_text(p) for p in detail)
    assert "Who it suits:" in whole and whole.rstrip().endswith("all the figures.")


def test_every_first_answer_and_its_detail_is_accepted_with_slacks_limits_on(
    slack_stack: Stack, slack: FakeSlack
) -> None:
    # All questions first, then all clicks: the server works while the test waits.
    asked = {new_ids(): message for message, _ in first_questions()}
    for (user, channel), message in asked.items():
        assert say(slack_stack, message, user, channel).status_code == 200
    clicked = []
    for user, channel in asked:
        [first] = posts_to(slack, channel, 1)[:1] or [{}]
        more = [b for b in buttons_of(first) if b["value"].startswith("/ask_detail")]
        if more:
            click(slack_stack, user, channel, more[0])
            clicked.append(channel)
    for channel in clicked:
        posts_to(slack, channel, 2)
    channels = [channel for _, channel in asked]
    time.sleep(1)
    posted = [p for p in slack.posts if p.get("channel") in channels]
    assert [(p.get("text", "")[:60], p["errors"]) for p in posted if p.get("errors")] == []
    assert {p["channel"] for p in posted} == set(channels)  # every question answered


def test_the_fake_slack_refuses_what_slack_refuses() -> None:
    too_long = {"blocks": [{"type": "section", "text": {"type": "plain_text", "text": "x" * 3001}}]}
    six = {
        "type": "actions",
        "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": "b"}, "value": "v", "action_id": str(i)}
            for i in range(6)
        ],
    }
    long_title = {
        "type": "actions",
        "elements": [{"type": "button", "text": {"type": "plain_text", "text": "t" * 76}, "value": "v"}],
    }
    many = {"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}] * 51}
    for refused in (too_long, {"blocks": [six]}, {"blocks": [long_title]}, many):
        assert block_errors(refused)
    # ...and what our Slack output makes of the longest text, the most buttons and the longest title:
    buttons = [{"title": f"Option {i} " + "t" * 80, "payload": f"/x{i}"} for i in range(12)]
    for message in slack_blocks.messages("- " + "word " * 20_000, buttons):
        assert block_errors(message) == []


def test_a_direct_message_gets_its_reply_posted(slack_stack: Stack, slack: FakeSlack) -> None:
    user, channel = new_ids()
    assert say(slack_stack, "how much do ML engineers earn?", user, channel).status_code == 200
    [reply] = posts_to(slack, channel, 1)
    assert reply["text"].startswith("*Machine Learning Engineers: salary*")


def test_buttons_arrive_as_blocks_and_a_click_continues_the_conversation(
    slack_stack: Stack, slack: FakeSlack
) -> None:
    user, channel = new_ids()
    say(slack_stack, "which data job pays the most?", user, channel)
    [question] = posts_to(slack, channel, 1)
    buttons = buttons_of(question)
    assert [b["text"]["text"] for b in buttons] == ["Full ranking", "Pay chart", "Rank on growth"]
    click(slack_stack, user, channel, buttons[1])
    answers = posts_to(slack, channel, 2)
    assert len(answers) == 2
    # The chart in Slack is text bars, every bar with its figure.
    chart = section_text(answers[1])
    assert "Median annual pay, US, May 2024" in chart
    assert "█" in chart and "$140,910 a year" in chart


def test_a_place_chart_is_text_bars_within_slacks_limits(slack_stack: Stack, slack: FakeSlack) -> None:
    # Issue 18: two places compared, then their chart: text bars, every bar with its figure.
    user, channel = new_ids()
    say(slack_stack, "data scientist pay: Texas or California?", user, channel)
    [first] = posts_to(slack, channel, 1)
    assert "errors" not in first and "Texas vs California" in section_text(first)
    [chart] = [b for b in buttons_of(first) if b["text"]["text"] == "Chart"]
    click(slack_stack, user, channel, chart)
    answers = posts_to(slack, channel, 2)
    assert len(answers) == 2 and "errors" not in answers[1]
    bars = section_text(answers[1])
    texas = Database().value("15-2051", "4800000", "median")
    assert "█" in bars and f"${texas:,.0f}  Texas" in bars
    assert block_errors({"blocks": blocks_of(answers[1])}) == []


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


def test_two_questions_in_one_message_get_two_answers_and_one_set_of_buttons(
    slack_stack: Stack, slack: FakeSlack
) -> None:
    # Issue 17: every part of a message answered in order, one set of buttons at the end.
    user, channel = new_ids()
    say(slack_stack, "what's the outlook for statisticians and what do they earn?", user, channel)
    outlook, salary = posts_to(slack, channel, 2)
    assert outlook["text"].startswith("*Statisticians: job outlook*")
    assert salary["text"].startswith("*Statisticians: salary*")
    assert buttons_of(outlook) == [] and 0 < len(buttons_of(salary)) <= 5


def test_a_personal_follow_up_uses_the_skills_told_in_slack(slack_stack: Stack, slack: FakeSlack) -> None:
    user, channel = new_ids()
    say(slack_stack, "I know Python and SQL", user, channel)
    posts_to(slack, channel, 1)
    say(slack_stack, "what are my options then?", user, channel)
    options = posts_to(slack, channel, 2)[1]
    assert "Closest roles by the core skills you have" in options["text"]


def test_an_answer_asks_was_this_helpful_and_a_thumbs_up_click_is_stored(
    slack_stack: Stack, slack: FakeSlack
) -> None:
    # Issue 19: the question is its own message, 👍 / 👎 as Block Kit buttons; the click is a
    # signed interactive payload, recorded in the tracker store with the conversation.
    user, channel = new_ids()
    say(slack_stack, "what does a data engineer do?", user, channel)
    answer, question = posts_to(slack, channel, 2, feedback=True)[:2]
    assert "errors" not in question and section_text(answer).startswith("*Data Engineers")
    assert section_text(question) == "*Was this helpful?*"  # one line: bold, as every heading
    thumbs = buttons_of(question)
    assert [(b["text"]["text"], b["value"]) for b in thumbs] == [
        ("👍 Yes", '/feedback{"rating":"up"}'),
        ("👎 No", '/feedback{"rating":"down"}'),
    ]
    click(slack_stack, user, channel, thumbs[0])
    thanks = posts_to(slack, channel, 3, feedback=True)[2]
    assert thanks["text"] == "*Thanks!*"
    assert stored_feedback(slack_stack.workdir, f"%{user}%") == [
        {"kind": "action_answer_role", "rating": "up", "missing": None}
    ]
    # And `make report` counts Slack's conversations and the 👍 (the page is checked in a
    # browser by tests/channels/test_web.py and tests/e2e/test_report.py).
    page = Path(run("report", slack_stack.workdir, "reports")).read_text(encoding="utf-8")
    assert '<th scope="row">Slack</th>' in page
    assert '<th scope="row">a role&#x27;s facts, or its pay in a place (action_answer_role)</th>' in page
