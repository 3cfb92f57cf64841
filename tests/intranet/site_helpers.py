"""Helpers of the intranet tests: a request to an in-process Datasette, and the text a colleague sees."""
from __future__ import annotations

import asyncio
from html.parser import HTMLParser

MANUAL_FILE = "คู่มือ ฉบับย่อ #1.pdf"  # Thai, a space and a character URLs must quote
MANUAL_BYTES = b"%PDF-1.4\n" + "หาบเร่แผงลอย".encode() * 50
ODD_CODE = "ก.1/2556"  # a dot (Datasette reads a format) and a slash (a path separator)

# Attributes a browser shows (tooltips, placeholders, the words on buttons).
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


def get(ds, url, method="get"):
    async def go():
        return await getattr(ds.client, method)(url)
    return asyncio.run(go())


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        attrs = dict(attrs)
        self.parts += [value for name, value in attrs.items() if name in SHOWN_ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """What a reader sees of a page: its text (comments, scripts and styles left out) and the attributes a
    browser shows."""
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def raw_get(ds, raw_path: bytes) -> tuple[int, bytes]:
    """A GET sent straight to the site's ASGI app with exactly this undecoded path (an HTTP client would
    normalise ``..`` or quote Thai letters first); returns the status and the body."""
    from urllib.parse import unquote_to_bytes

    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": unquote_to_bytes(raw_path).decode("utf-8"), "raw_path": raw_path, "query_string": b"",
             "headers": [], "root_path": "", "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8001)}
    asyncio.run(ds.app()(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])
