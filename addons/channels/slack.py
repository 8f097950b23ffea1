"""Slack, registered in credentials.yml, with its secrets from the environment only
(SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_CHANNEL_ID). Unconfigured, it refuses every request
instead of accepting signatures made with an empty secret; SLACK_API_URL points replies at
another Slack Web API (a fake one in the tests). Its output sends each answer as mrkdwn blocks
within Slack's limits (addons/channels/slack_blocks.py).
"""

from __future__ import annotations

import os
import secrets
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels import slack
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from addons.channels import slack_blocks
from addons.channels.guard import apologising, at_server_start


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
        at_server_start()
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
            return super().blueprint(apologising(on_new_message))
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
