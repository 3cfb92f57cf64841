"""What a label's QR code says. Always the material's code, in one of three forms (docs/labels.md):

1. A URL pattern is set in the settings (``https://intranet/material/{code}``) → that URL, the code
   filled in (URL-quoted). A pattern without ``{code}`` gets ``?code=…`` appended.
2. The material has a web link → that link, with ``#code`` appended when the link does not already
   contain the code, so a phone opens the item and the scan field still finds the material.
3. Otherwise → the code, a line break and the title, cut (at a cluster boundary, with "…") to 40
   characters and to 70 UTF-8 bytes. A Thai letter takes 3 bytes, so that is about 22 Thai letters:
   the whole payload then fits a version-5 QR code (37 modules at error correction M), coarse enough
   to scan on the smallest labels (38 × 21 mm) and small enough for 65 codes a page in 200 KB.

A file path is not something a phone can open, so it does not count as a link here. No Qt here.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from lo_desktop.labels.thai_wrap import clusters

TITLE_CHARS = 40
TITLE_BYTES = 70
WEB_SCHEMES = ("http", "https")


def payload_for(material, settings) -> str:
    code = material.code.strip()
    pattern = (getattr(settings, "label_url_pattern", "") or "").strip()
    if pattern:
        return from_pattern(pattern, code)
    link = (material.link or "").strip()
    if is_web_link(link):
        return with_code(link, code)
    return text_form(code, material.title)


def is_web_link(link: str) -> bool:
    try:
        parts = urlsplit(link)
    except ValueError:  # e.g. a broken "http://[" typed by hand: the label falls back to text
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def from_pattern(pattern: str, code: str) -> str:
    quoted = quote(code, safe="")
    if "{code}" in pattern:
        return pattern.replace("{code}", quoted)
    separator = "&" if "?" in pattern else "?"
    return f"{pattern}{separator}code={quoted}"


def with_code(link: str, code: str) -> str:
    """The link itself when the code is already in it, else with the code as its fragment."""
    if code.casefold() in link.casefold():
        return link
    parts = urlsplit(link)
    if parts.fragment:  # a page anchor: keep it, the code goes in the query instead
        query = f"{parts.query}&code={quote(code)}" if parts.query else f"code={quote(code)}"
        return urlunsplit(parts._replace(query=query))
    return urlunsplit(parts._replace(fragment=quote(code, safe="")))


def text_form(code: str, title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) > TITLE_CHARS or len(title.encode("utf-8")) > TITLE_BYTES:
        kept, chars, size = [], 1, 3  # the ellipsis is one character of three bytes
        for piece in clusters(title):
            chars, size = chars + len(piece), size + len(piece.encode("utf-8"))
            if chars > TITLE_CHARS or size > TITLE_BYTES:
                break
            kept.append(piece)
        title = "".join(kept).rstrip() + "…"
    return f"{code}\n{title}" if title else code
