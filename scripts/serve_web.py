"""Serves web/ (the page that embeds the chat widget) and tells the page its Rasa server.

The page never takes its server from its own URL (a link could otherwise point our page at
anyone's server and show their messages under our title). Its server is set here, by whoever
serves the page: `config.js` says `RASA_URL` (default: the page's own host, port 5005).

    python scripts/serve_web.py PORT [--bind 127.0.0.1] [--rasa-url http://127.0.0.1:5005]
"""

from __future__ import annotations

import argparse
import functools
import json
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "web"


def config_js(rasa_url: str | None) -> bytes:
    """The page reads window.CAREER_GUIDE.server; null means its own host, port 5005."""
    return f"window.CAREER_GUIDE = {json.dumps({'server': rasa_url or None})};\n".encode()


class Handler(SimpleHTTPRequestHandler):
    rasa_url: str | None = None

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path.split("?", 1)[0] == "/config.js":
            body = config_js(self.rasa_url)
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        pass  # one line per file fetched says nothing to a person running `make web`


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--rasa-url", default=None, help="the Rasa server the page talks to")
    args = parser.parse_args()
    handler = type("ConfiguredHandler", (Handler,), {"rasa_url": args.rasa_url})
    server = ThreadingHTTPServer((args.bind, args.port), functools.partial(handler, directory=str(WEB)))
    server.serve_forever()


if __name__ == "__main__":
    main()
