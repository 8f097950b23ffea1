"""The widget's output channel (addons/channels/socketio.py): an answer keeps its buttons when
"Was this helpful?" follows it (issue 19), and nothing else changes."""

from __future__ import annotations

from typing import Any, Dict, List

from addons.channels.socketio import SocketIOOutput
from careers import feedback


class FakeSio:
    def __init__(self) -> None:
        self.emitted: List[Dict[str, Any]] = []

    async def emit(self, event: str, response: Dict[str, Any], room: str) -> None:
        self.emitted.append(response)


MORE = [{"title": "All 9 salary figures", "payload": '/ask_detail{"detail": "x"}'}]


async def test_an_answer_followed_by_the_feedback_question_keeps_its_buttons() -> None:
    sio = FakeSio()
    output = SocketIOOutput(sio, "bot_uttered")
    await output.send_text_with_buttons("me", "Data Scientists: salary", MORE)
    await output.send_text_with_buttons("me", feedback.QUESTION, feedback.question_buttons())
    await output.flush()
    answer, question = sio.emitted
    # Persistent buttons: the widget shows them even when the message is not the last one.
    assert answer == {"text": "Data Scientists: salary", "buttons": [{"content_type": "text", **MORE[0]}]}
    assert [r["title"] for r in question["quick_replies"]] == ["👍 Yes", "👎 No"]


async def test_other_replies_keep_their_quick_replies_and_their_order() -> None:
    sio = FakeSio()
    output = SocketIOOutput(sio, "bot_uttered")
    await output.send_text_with_buttons("me", "Which role do you mean?", MORE)
    assert sio.emitted == []  # held until the turn's next message or its end
    await output.send_text_message("me", "And another thing.")
    await output.send_text_with_buttons("me", "Last", MORE)
    await output.flush()
    assert [m["text"] for m in sio.emitted] == ["Which role do you mean?", "And another thing.", "Last"]
    assert all("quick_replies" in m for m in (sio.emitted[0], sio.emitted[2]))
