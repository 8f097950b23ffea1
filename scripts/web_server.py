"""The web page's own server (`make web`): the files of web/, plus the salary and growth charts
as PNG at /chart/<dimension>.png, made from the knowledge base on first request and cached.

The chat widget shows a chart as an image message whose address is relative to the page, so
the chart needs no other server, port or CORS rule.

    python -m scripts.web_server PORT [--bind 127.0.0.1] [--directory web]
"""

from __future__ import annotations

import argparse
import functools
import re
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from careers import chart, rank

CHART = re.compile(r"^/chart/([a-z_]+)\.png$")


class Handler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        found = CHART.match(self.path.split("?", 1)[0])
        if found is None:
            super().do_GET()
            return
        if found.group(1) not in rank.DIMENSIONS:
            self.send_error(404, "no such chart")
            return
        body = chart.cached_png(found.group(1))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("port", type=int)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--directory", default="web")
    args = parser.parse_args()
    for dimension in rank.DIMENSIONS:  # made at start-up, so the first reader doesn't wait
        chart.cached_png(dimension)
    handler = functools.partial(Handler, directory=args.directory)
    with ThreadingHTTPServer((args.bind, args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
