"""The web page's own server (`make web`): the files of web/; `config.js`, which tells the page
its Rasa server; the salary and growth charts as PNG at /chart/<dimension>.png, made from
the knowledge base at start-up and cached; and the place charts of pay answers (issue 18) at
/chart/pay/<key>.png, where <key> is a careers/pay_question.py detail key ("compare/<role>/
<area>+<area>", "top/<role>/state/median", "family/<area>"...; careers/pay_keys.py): checked
against the figures, drawn on first use for a phone's width, cached.

The page never takes its server from its own URL (a link could otherwise point our page at
anyone's server and show their messages under our title). Its server is set here, by whoever
serves the page: `config.js` says `--rasa-url` (default: the page's own host, port 5005).
The widget shows a chart as an image message whose address is relative to the page, so the
chart needs no other server, port or CORS rule.

    python -m scripts.web_server PORT [--bind 127.0.0.1] [--rasa-url URL] [--directory web]
"""

from __future__ import annotations

import argparse
import functools
import json
import re
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from careers import chart, knowledge, pay_bars, rank, wages_kb

WEB = Path(__file__).resolve().parent.parent / "web"
CHART = re.compile(r"^/chart/([a-z_]+)\.png$")
PAY_CHART = re.compile(r"^/chart/(pay/[A-Za-z0-9_/+-]+)\.png$")


@functools.lru_cache(maxsize=512)
def pay_chart(key: str) -> bytes | None:
    """The place chart a pay key names, or None when it names none (a made-up address)."""
    bars = pay_bars.bars_for_path(knowledge.default(), wages_kb.default(), key)
    return chart.bars_png(bars) if bars is not None and bars.bars else None


def config_js(rasa_url: str | None) -> bytes:
    """The page reads window.CAREER_GUIDE.server; null means its own host, port 5005."""
    return f"window.CAREER_GUIDE = {json.dumps({'server': rasa_url or None})};\n".encode()


class Handler(SimpleHTTPRequestHandler):
    rasa_url: str | None = None

    def _send(self, body: bytes, content_type: str, cache: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?", 1)[0]
        if path == "/config.js":
            self._send(config_js(self.rasa_url), "text/javascript; charset=utf-8", "no-store")
            return
        paid = PAY_CHART.match(path)
        if paid is not None:
            png = pay_chart(paid.group(1))
            if png is None:
                self.send_error(404, "no such chart")
            else:
                self._send(png, "image/png", "max-age=3600")
            return
        found = CHART.match(path)
        if found is None:
            super().do_GET()
        elif found.group(1) not in rank.DIMENSIONS:
            self.send_error(404, "no such chart")
        else:
            self._send(chart.cached_png(found.group(1)), "image/png", "max-age=3600")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        pass  # one line per file fetched says nothing to a person running `make web`


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--rasa-url", default=None, help="the Rasa server the page talks to")
    parser.add_argument("--directory", default=str(WEB))
    args = parser.parse_args()
    for dimension in rank.DIMENSIONS:  # made at start-up, so the first reader doesn't wait
        chart.cached_png(dimension)
    handler = type("ConfiguredHandler", (Handler,), {"rasa_url": args.rasa_url})
    with ThreadingHTTPServer(
        (args.bind, args.port), functools.partial(handler, directory=args.directory)
    ) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
