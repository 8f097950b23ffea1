"""What the REST channel accepts, without a server: addons/channels.py's checks."""

from __future__ import annotations

import json

import pytest

from addons.channels import MAX_SENDER_CHARS, BadRequest, RateLimiter, rest_request


def body(data: object) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"not json", "must be JSON"),
        (b"", "must be JSON"),
        (b"sender=a&message=hi", "must be JSON"),
        (b"\xff\xfe", "must be JSON"),
        (body(["sender", "message"]), "JSON object"),
        (body("hello"), "JSON object"),
        (body({"message": "hi"}), "`sender`"),
        (body({"sender": "", "message": "hi"}), "`sender`"),
        (body({"sender": 42, "message": "hi"}), "`sender`"),
        (body({"sender": "x" * (MAX_SENDER_CHARS + 1), "message": "hi"}), "`sender`"),
        (body({"sender": "a"}), "`message`"),
        (body({"sender": "a", "message": None}), "`message`"),
        (body({"sender": "a", "message": 42}), "`message`"),
        (body({"sender": "a", "message": ""}), "`message`"),
        (body({"sender": "a", "message": " \n\t "}), "`message`"),
        (body({"sender": "a", "message": "\x00\x01\x1b"}), "`message`"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(raw: bytes, problem: str) -> None:
    with pytest.raises(BadRequest, match=problem):
        rest_request(raw)


def test_control_characters_are_removed_and_other_keys_dropped() -> None:
    cleaned = rest_request(
        body({"sender": "a", "message": "hi\x00 there\x1b", "input_channel": "slack", "metadata": {"k": 1}})
    )
    assert cleaned == {"sender": "a", "message": "hi there", "metadata": {"k": 1}}


def test_unicode_is_kept() -> None:
    assert rest_request(body({"sender": "a", "message": "مرحبا 👋"}))["message"] == "مرحبا 👋"


def test_rate_limit_per_sender_in_a_sliding_window() -> None:
    limiter = RateLimiter(limit=3, window=60)
    assert [limiter.allow("a", now=t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limiter.allow("b", now=3)  # others are unaffected
    assert limiter.allow("a", now=60.5)  # the first message left the window
