"""Channel fixes, registered in credentials.yml by their dotted paths.

- `SocketIOInput`: the web widget's channel. rasa 3.6.21 calls python-socketio's
  `enter_room` without awaiting it (a coroutine since python-socketio 5.10), so with
  `session_persistence` the widget never receives a reply (RasaHQ/rasa#13027). Its output
  sends each answer as one message and escapes the characters the widget's markdown would eat
  ("O*NET ... O*NET" turning into italics).
- `SlackInput`: Slack, with its secrets from the environment only (SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET, SLACK_CHANNEL_ID). Unconfigured, it refuses every request instead of
  accepting signatures made with an empty secret; SLACK_API_URL points replies at another Slack
  Web API (a fake one in the tests).
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import uuid
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels import slack, socketio
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger(__name__)

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
            message.output_channel = SocketIOOutput(self.sio, self.bot_message_evt)
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
        bot = super().get_output_channel(channel, thread_id)
        api_url = os.environ.get("SLACK_API_URL")
        if api_url and isinstance(bot, slack.SlackBot):
            bot.client = AsyncWebClient(self.slack_token, base_url=api_url)
        return bot
