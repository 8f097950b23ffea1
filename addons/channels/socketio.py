"""The web widget's channel (rasa-webchat 1.0.1), registered in credentials.yml.

rasa 3.6.21 calls python-socketio's `enter_room` without awaiting it (a coroutine since
python-socketio 5.10), so with `session_persistence` the widget never receives a reply
(RasaHQ/rasa#13027). The output sends each answer as one message and escapes the characters the
widget's markdown would eat ("O*NET ... O*NET" turning into italics).

The widget shows a message's quick replies only while it is the last message. An answer followed
by "Was this helpful? 👍 👎" (issue 19, careers/feedback.py) would lose its own buttons ("All 9
salary figures"...), so the output holds each message with buttons until the next one: when that
is the feedback question, the answer's buttons are sent as the widget's persistent buttons.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels import socketio
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint

from addons.channels.guard import apologising, at_server_start
from careers import feedback

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
    the widget shows one by one with typing pauses, cutting a list off from its heading.
    One instance per turn (SocketIOInput.blueprint), which flushes it at the end of the turn."""

    def __init__(self, sio: Any, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self._held: tuple[str, Dict[str, Any]] | None = None

    async def _send_message(self, recipient_id: str, response: Any) -> None:
        asks = feedback.is_question(response.get("text")) if isinstance(response, dict) else False
        if self._held is not None:
            held_id, held = self._held
            self._held = None
            if asks:  # the answer's buttons stay under it, the feedback question's under that
                held = {"text": held["text"], "buttons": held["quick_replies"]}
            await super()._send_message(held_id, held)
        if isinstance(response, dict) and response.get("quick_replies") and not asks:
            self._held = (recipient_id, response)
            return
        await super()._send_message(recipient_id, response)

    async def flush(self) -> None:
        """Sends the message held back, if any: the turn is over."""
        if self._held is not None:
            held_id, held = self._held
            self._held = None
            await super()._send_message(held_id, held)

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

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        at_server_start()
        return super().from_credentials(credentials)

    def get_output_channel(self) -> OutputChannel | None:
        if self.sio is None:
            return None
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def with_our_output(message: UserMessage) -> Any:
            # rasa's handler builds its own output channel; answer through ours instead.
            output = self.get_output_channel()
            message.output_channel = output
            try:
                return await on_new_message(message)
            finally:
                if isinstance(output, SocketIOOutput):
                    await output.flush()

        blueprint = super().blueprint(apologising(with_our_output))
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
