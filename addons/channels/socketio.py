"""The web widget's channel (rasa-webchat 1.0.1), registered in credentials.yml.

rasa 3.6.21 calls python-socketio's `enter_room` without awaiting it (a coroutine since
python-socketio 5.10), so with `session_persistence` the widget never receives a reply
(RasaHQ/rasa#13027). The output sends each answer as one message and escapes the characters the
widget's markdown would eat ("O*NET ... O*NET" turning into italics).
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels import socketio
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint

from addons.channels.guard import apologising, at_server_start

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
            message.output_channel = self.get_output_channel()
            return await on_new_message(message)

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
