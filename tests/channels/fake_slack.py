"""A fake Slack Web API on loopback that records what the assistant posts.

chat.postMessage is checked against Slack's documented Block Kit limits and refused as Slack
refuses it: HTTP 200 with {"ok": false, "error": "invalid_blocks"}. A refused post is recorded
with its `errors`, so a test sees exactly what a person would have missed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

# api.slack.com/reference/block-kit/blocks, .../block-elements, .../methods/chat.postMessage
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_BUTTONS_PER_ACTIONS = 5  # our rule (Slack's own is 25): a phone shows about 5 well
MAX_MESSAGE_TEXT = 40000
TEXT_TYPES = ("plain_text", "mrkdwn")


def block_errors(data: dict[str, Any]) -> list[str]:
    """What Slack would refuse in a chat.postMessage, as its error strings say it."""
    blocks = data.get("blocks")
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return ["blocks: not JSON"]
    errors = []
    if len(str(data.get("text") or "")) > MAX_MESSAGE_TEXT:
        errors.append(f"text: more than {MAX_MESSAGE_TEXT} characters")
    if blocks is None:
        return errors
    if not isinstance(blocks, list) or len(blocks) > MAX_BLOCKS:
        return [*errors, f"no more than {MAX_BLOCKS} items allowed [json-pointer:/blocks]"]
    for i, block in enumerate(blocks):
        where = f"[json-pointer:/blocks/{i}"
        kind = block.get("type")
        if kind == "section":
            text = block.get("text") or {}
            if text.get("type") not in TEXT_TYPES or not str(text.get("text") or "").strip():
                errors.append(f"must provide a text object {where}/text]")
            elif len(text["text"]) > MAX_SECTION_TEXT:
                errors.append(f"must be less than {MAX_SECTION_TEXT + 1} characters {where}/text/text]")
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= MAX_BUTTONS_PER_ACTIONS:
                errors.append(f"1 to {MAX_BUTTONS_PER_ACTIONS} elements allowed {where}/elements]")
            ids = [e.get("action_id") for e in elements if e.get("action_id")]
            if len(ids) != len(set(ids)):
                errors.append(f"action_id must be unique {where}/elements]")
            for j, element in enumerate(elements):
                title = str((element.get("text") or {}).get("text") or "")
                if element.get("type") != "button" or not title:
                    errors.append(f"a button needs a text {where}/elements/{j}]")
                elif len(title) > MAX_BUTTON_TEXT:
                    errors.append(
                        f"must be less than {MAX_BUTTON_TEXT + 1} characters {where}/elements/{j}/text/text]"
                    )
                if len(str(element.get("value") or "")) > MAX_BUTTON_VALUE:
                    errors.append(
                        f"must be less than {MAX_BUTTON_VALUE + 1} characters {where}/elements/{j}/value]"
                    )
        elif kind not in ("image", "divider", "context", "header"):
            errors.append(f"unsupported block type {kind!r} {where}]")
    return errors


@dataclass
class FakeSlack:
    url: str
    posts: list[dict[str, Any]] = field(default_factory=list)

    def refused(self) -> list[dict[str, Any]]:
        return [p for p in self.posts if p.get("errors")]


@contextmanager
def fake_slack() -> Iterator[FakeSlack]:
    recorded: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            if self.headers.get("Content-Type", "").startswith("application/json"):
                data = json.loads(body or "{}")
            else:
                data = dict(parse_qsl(body))
            method = self.path.rsplit("/", 1)[-1]
            errors = block_errors(data) if method == "chat.postMessage" else []
            recorded.append({"method": method, **data, **({"errors": errors} if errors else {})})
            if errors:
                answer: dict[str, Any] = {"ok": False, "error": "invalid_blocks", "errors": errors}
            else:
                answer = {"ok": True, "channel": data.get("channel"), "ts": "1700000000.000100"}
            reply = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield FakeSlack(url=f"http://127.0.0.1:{server.server_address[1]}/api/", posts=recorded)
    finally:
        server.shutdown()
        server.server_close()
