"""The REST channel, registered in credentials.yml: bad requests refused (400 and a short JSON
error), messages over MAX_MESSAGE_CHARS answered with a friendly note, and a per-sender rate
limit that holds across Rasa servers.

Stock rasa answers a non-JSON body with a 500, puts a request without `sender` into one shared
conversation called "default", and processes any size and any rate. The request is checked once
in a middleware; Rasa's own readers of the request (`_extract_sender`, `_extract_message`,
`get_metadata`) then read the checked copy, kept on the request's context.

The rate limit is counted in Redis when the server has a Redis lock store (the cluster: nginx
spreads one sender's messages over the servers, so a count in one server's memory would let
REPLICAS times the limit through), in memory otherwise (one server).
"""

from __future__ import annotations

import collections
import json
import logging
import os
import re
import time
import uuid
from typing import Any, Awaitable, Callable, Dict, Protocol

from rasa.core.channels import rest
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.lock_store import RedisLockStore
from redis.exceptions import RedisError
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.channels.guard import apologising, at_server_start

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
TOO_LONG = (
    f"That message is longer than I can read ({MAX_MESSAGE_CHARS:,} characters at most). "
    "Could you ask in a shorter message?"
)
SLOW_DOWN = "You're sending messages faster than I can read them. Please slow down and try again in a minute."


class BadRequest(ValueError):
    """What is wrong with a REST request, in words for the caller."""


def rest_request(body: bytes) -> dict[str, Any]:
    """The sender and message of a REST request body, checked and cleaned.

    Raises `BadRequest` for a body that is not a JSON object with a non-empty string `sender`
    (at most MAX_SENDER_CHARS) and a non-empty string `message`. Control characters are removed
    from the message; other keys (such as `input_channel`) are dropped, `metadata` is kept.
    """
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest('The body must be JSON: {"sender": "<id>", "message": "<text>"}.') from None
    if not isinstance(data, dict):
        raise BadRequest('The body must be a JSON object: {"sender": "<id>", "message": "<text>"}.')
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f"`sender` must be a non-empty string of at most {MAX_SENDER_CHARS} characters.")
    if not isinstance(message, str) or not _CONTROL.sub("", message).strip():
        raise BadRequest("`message` must be a non-empty string.")
    cleaned: dict[str, Any] = {"sender": sender, "message": _CONTROL.sub("", message).strip()}
    if isinstance(data.get("metadata"), dict):
        cleaned["metadata"] = data["metadata"]
    return cleaned


class Limiter(Protocol):
    def allow(self, sender: str) -> bool: ...


class RateLimiter:
    """At most `limit` messages per sender in any `window` seconds, in this process's memory."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self.seen: dict[str, collections.deque[float]] = {}

    def allow(self, sender: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self.seen.setdefault(sender, collections.deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self.seen) > 10_000:  # forget idle senders, so memory stays bounded
            for idle in [s for s, t in self.seen.items() if not t or now - t[-1] >= self.window]:
                del self.seen[idle]
        return True


# One sorted set per sender (score: the time of each accepted message), changed atomically by
# Redis, on Redis's own clock so that servers with drifting clocks agree. Refused messages are
# not counted, as in memory.
_SLIDING_WINDOW = """
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], ms, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 1
"""


class RedisRateLimiter:
    """The same limit, counted in Redis, so that it holds across Rasa servers. Redis down: the
    message is let through with a logged warning (the conversation's own apology path, through
    the lock store, still tells the person)."""

    KEY_PREFIX = "career_guide:rate:"

    def __init__(self, client: Any, limit: int, window: float = 60.0) -> None:
        self.client, self.limit, self.window_ms = client, limit, int(window * 1000)
        self.script = client.register_script(_SLIDING_WINDOW)

    def allow(self, sender: str) -> bool:
        try:
            return bool(
                self.script(
                    keys=[self.KEY_PREFIX + sender], args=[self.window_ms, self.limit, uuid.uuid4().hex]
                )
            )
        except (RedisError, OSError) as problem:
            logger.warning(
                f"Rate limit not checked: Redis unavailable ({type(problem).__name__}: {problem})."
            )
            return True


def limiter_for(lock_store: Any, limit: int | None = None) -> Limiter:
    """In Redis when the server's lock store is Redis (several servers share it), else memory.
    The limit defaults to REST_RATE_LIMIT_PER_MINUTE (30), read when the server starts."""
    limit = int(os.environ.get("REST_RATE_LIMIT_PER_MINUTE", "30")) if limit is None else limit
    if isinstance(lock_store, RedisLockStore):
        return RedisRateLimiter(lock_store.red, limit)
    return RateLimiter(limit)


_CHECKED = "career_guide_request"  # the checked request, on Sanic's request context


class RestInput(rest.RestInput):
    """The REST channel, answering bad requests with a 4xx and a short JSON error."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        at_server_start()
        return super().from_credentials(credentials)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(apologising(on_new_message))
        limiters: dict[int, Limiter] = {}

        def limiter(request: Request) -> Limiter:
            # The agent (and its lock store) is loaded after the channels are built: look it up
            # on the first message, once per application.
            agent = getattr(request.app.ctx, "agent", None)
            key = id(request.app)
            if key not in limiters:
                limiters[key] = limiter_for(getattr(agent, "lock_store", None))
            return limiters[key]

        @blueprint.middleware("request")
        async def check(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
                return None
            try:
                cleaned = rest_request(request.body)
            except BadRequest as problem:
                return response.json({"error": str(problem)}, status=400)
            sender = cleaned["sender"]
            if not limiter(request).allow(sender):
                return response.json([{"recipient_id": sender, "text": SLOW_DOWN}], status=429)
            if len(cleaned["message"]) > MAX_MESSAGE_CHARS:
                return response.json([{"recipient_id": sender, "text": TOO_LONG}])
            setattr(request.ctx, _CHECKED, cleaned)
            return None

        return blueprint

    async def _extract_sender(self, req: Request) -> str | None:
        return str(getattr(req.ctx, _CHECKED)["sender"])

    def _extract_message(self, req: Request) -> str | None:
        return str(getattr(req.ctx, _CHECKED)["message"])

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> Dict[str, Any] | None:
        metadata = getattr(request.ctx, _CHECKED).get("metadata")
        return dict(metadata) if metadata else None
