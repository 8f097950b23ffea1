"""Channel fixes, registered in credentials.yml by their dotted paths.

- `RestInput`: the REST channel, with bad requests refused (400 and a short JSON error),
  messages over MAX_MESSAGE_CHARS answered with a friendly note, and a per-sender rate limit.

- `SocketIOInput`: the web widget's channel. rasa 3.6.21 calls python-socketio's
  `enter_room` without awaiting it (a coroutine since python-socketio 5.10), so with
  `session_persistence` the widget never receives a reply (RasaHQ/rasa#13027). Its output
  sends each answer as one message and escapes the characters the widget's markdown would eat
  ("O*NET ... O*NET" turning into italics).
- `SlackInput`: Slack, with its secrets from the environment only (SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET, SLACK_CHANNEL_ID). Unconfigured, it refuses every request instead of
  accepting signatures made with an empty secret; SLACK_API_URL points replies at another Slack
  Web API (a fake one in the tests). Its output (`SlackOutput`) sends each answer as mrkdwn
  blocks within Slack's limits (addons/slack_blocks.py).
"""

from __future__ import annotations

import collections
import json
import os
import re
import secrets
import time
import uuid
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels import rest, slack, socketio
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from addons import slack_blocks

_MARKDOWN_SPECIAL = re.compile(r"([*_`])")


def as_markdown(text: str) -> str:
    """Answers are plain lines with "- " bullets; the widget renders markdown, where a single
    newline runs lines together. Bullets stay one list, every other line becomes a paragraph,
    and the characters markdown would eat are escaped ("O*NET ... O*NET" is not italics)."""
    lines = _MARKDOWN_SPECIAL.sub(r"\\\1", text.strip()).split("\n")
    out = lines[:1]
    for previous, line in zip(lines, lines[1:], strict=False):
        out.append(line if previous.startswith("- ") and line.startswith("- ") else f"\n{line}")
    return "\n".join(out)


class SocketIOOutput(socketio.SocketIOOutput):
    """One answer, one bubble: rasa splits texts on blank lines into several messages, which
    the widget shows one by one with typing pauses, cutting a list off from its heading."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"text": as_markdown(text)})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        replies = [{"content_type": "text", "title": b["title"], "payload": b["payload"]} for b in buttons]
        await self._send_message(recipient_id, {"text": as_markdown(text), "quick_replies": replies})


class SocketIOInput(socketio.SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> OutputChannel | None:
        if self.sio is None:
            return None
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def with_our_output(message: UserMessage) -> Any:
            # rasa's handler builds its own output channel; answer through ours instead.
            message.output_channel = self.get_output_channel()
            return await on_new_message(message)

        blueprint = super().blueprint(with_our_output)
        sio = self.sio

        # Replaces rasa's handler of the same event: the same code, with the await it lacks.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"])
            await sio.emit("session_confirm", data["session_id"], room=sid)

        return blueprint


class SlackOutput(slack.SlackBot):
    """Answers as mrkdwn sections and buttons, split to fit Slack's limits. Rasa's SlackBot
    sends one plain_text section, which Slack refuses whole past 3,000 characters."""

    async def _post_blocks(self, recipient_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        recipient = self.slack_channel or recipient_id
        for message in slack_blocks.messages(text, buttons):
            await self._post_message(channel=recipient, as_user=True, **message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post_blocks(recipient_id, text, [])

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._post_blocks(recipient_id, text, buttons)


class SlackInput(slack.SlackInput):
    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        token = os.environ.get("SLACK_BOT_TOKEN", "")
        secret = os.environ.get("SLACK_SIGNING_SECRET", "")
        channel = cls(
            slack_token=token,
            slack_channel=os.environ.get("SLACK_CHANNEL_ID") or None,
            # rasa's from_credentials fills these defaults in, its constructor does not.
            slack_retry_reason_header="x-slack-retry-reason",
            slack_retry_number_header="x-slack-retry-num",
            use_threads=bool(credentials.get("use_threads", False)),
            # rasa refuses an empty secret; an unguessable one keeps the parent safe even if
            # the disabled blueprint below were bypassed.
            slack_signing_secret=secret or secrets.token_hex(32),
            conversation_granularity=credentials.get("conversation_granularity", "sender"),
        )
        channel.configured = bool(token and secret)
        return channel

    configured = False

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if self.configured:
            return super().blueprint(on_new_message)
        disabled = Blueprint("slack_webhook", __name__)

        @disabled.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request) -> HTTPResponse:
            return response.json(
                {"error": "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET."},
                status=503,
            )

        return disabled

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        bot = SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.proxy)
        api_url = os.environ.get("SLACK_API_URL")
        if api_url:
            bot.client = AsyncWebClient(self.slack_token, base_url=api_url, proxy=self.proxy)
        return bot


# REST: stock rasa answers a non-JSON body with a 500, puts a request without `sender` into
# one shared conversation called "default", and processes any size and any rate.
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 200
RATE_LIMIT_PER_MINUTE = int(os.environ.get("REST_RATE_LIMIT_PER_MINUTE", "30"))
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


class RateLimiter:
    """At most `limit` messages per sender in any `window` seconds."""

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


class RestInput(rest.RestInput):
    """The REST channel, answering bad requests with a 4xx and a short JSON error."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        limiter = RateLimiter(RATE_LIMIT_PER_MINUTE)

        @blueprint.middleware("request")
        async def check(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            try:
                cleaned = rest_request(request.body)
            except BadRequest as problem:
                return response.json({"error": str(problem)}, status=400)
            sender = cleaned["sender"]
            if not limiter.allow(sender):
                return response.json([{"recipient_id": sender, "text": SLOW_DOWN}], status=429)
            if len(cleaned["message"]) > MAX_MESSAGE_CHARS:
                return response.json([{"recipient_id": sender, "text": TOO_LONG}])
            request.parsed_json = cleaned  # type: ignore[assignment]  # what request.json returns next
            return None

        return blueprint
