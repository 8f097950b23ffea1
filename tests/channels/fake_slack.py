"""A fake Slack Web API on loopback that records what the assistant posts."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl


@dataclass
class FakeSlack:
    url: str
    posts: list[dict[str, Any]] = field(default_factory=list)


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
            recorded.append({"method": self.path.rsplit("/", 1)[-1], **data})
            reply = json.dumps(
                {"ok": True, "channel": data.get("channel"), "ts": "1700000000.000100"}
            ).encode()
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
