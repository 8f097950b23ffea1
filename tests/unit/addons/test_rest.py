"""addons/channels/rest.py without a server: what the REST channel accepts, and its rate limits
in memory and in Redis (a real redis-server on loopback)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
import redis
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from addons.channels.rest import (
    MAX_SENDER_CHARS,
    BadRequest,
    RateLimiter,
    RedisRateLimiter,
    limiter_for,
    rest_request,
)
from harness.redis import redis_server


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


@pytest.fixture(scope="module")
def redis_port() -> Iterator[int]:
    with redis_server() as port:
        yield port


def test_the_limit_is_kept_in_redis_when_the_lock_store_is_redis(redis_port: int) -> None:
    assert isinstance(limiter_for(InMemoryLockStore()), RateLimiter)
    store = RedisLockStore(host="127.0.0.1", port=redis_port, db=3)
    # Two servers' limiters share one count: 3 + 2 messages, the 4th and 5th refused.
    first, second = limiter_for(store, limit=3), limiter_for(store, limit=3)
    assert isinstance(first, RedisRateLimiter)
    assert [first.allow("a"), second.allow("a"), first.allow("a"), second.allow("a"), first.allow("a")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert second.allow("b")  # others are unaffected


def test_the_redis_window_slides(redis_port: int) -> None:
    limiter = RedisRateLimiter(redis.Redis(host="127.0.0.1", port=redis_port, db=3), limit=2, window=0.5)
    assert [limiter.allow("slide"), limiter.allow("slide"), limiter.allow("slide")] == [True, True, False]
    time.sleep(0.6)
    assert limiter.allow("slide")


def test_redis_down_lets_messages_through_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with redis_server() as port:
        limiter = RedisRateLimiter(redis.Redis(host="127.0.0.1", port=port, socket_timeout=1), limit=1)
    # The server is stopped now: fail open, and say so in the log.
    assert limiter.allow("a") and limiter.allow("a")
    assert "Rate limit not checked: Redis unavailable" in caplog.text
