"""Read the material code out of whatever a label scanner typed.

A label may print the code alone, a web address that contains it (``https://…/material/BN-0001`` or
``…?code=BN-0001``) or the code with its title (``BN-0001 ชื่อเรื่อง``, or on two lines). The parser does
not assume one of these forms: it collects every fragment that could be a code, in the order a person
would read them, and keeps the first one that is a code in the database (case-insensitively).

A USB scanner is a keyboard: when the Thai layout is active, ``BN-0001`` arrives as ``ฺ์ขจจจๅ``. When no
fragment matches, the text is read back through the Kedmanee layout and tried again.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, parse_qsl

MAX_CANDIDATES = 400
_SEPARATORS = re.compile(r"[\s/?&=#;|]+")
_EDGE_PUNCTUATION = "()[]{}<>\"'“”‘’.,:;!"

# Thai Kedmanee character → the US key that produces it (unshifted and shifted rows).
_US_KEYS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./" + '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'
_THAI_KEYS = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ" + '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'
_KEDMANEE_TO_US = str.maketrans(_THAI_KEYS, _US_KEYS)


def code_from_payload(db, text: str, include_deleted: bool = False) -> str | None:
    """The stored code of the material a scanned payload names, or None."""
    if not text or not text.strip():
        return None
    found = _first_known(db, candidates(text), include_deleted)
    if found is None and _has_thai(text):
        found = _first_known(db, candidates(from_thai_layout(text)), include_deleted)
    return found


def from_thai_layout(text: str) -> str:
    """What the scanner meant to type when the Thai keyboard layout turned its keys into Thai."""
    return text.translate(_KEDMANEE_TO_US)


def candidates(text: str) -> list[str]:
    """Fragments that could be a code, most likely first, without duplicates (case-insensitive)."""
    text = text.strip()
    found = [text]
    found += [line.strip() for line in text.splitlines()]
    for token in text.split():
        found.append(token.strip(_EDGE_PUNCTUATION))
        found += _url_parts(token)
        found += [unquote(p).strip(_EDGE_PUNCTUATION) for p in _SEPARATORS.split(token)]
    return _unique([c for c in found if c])[:MAX_CANDIDATES]


def _url_parts(token: str) -> list[str]:
    """Path segments (last first) and query values of a web address."""
    if "://" not in token and not token.lower().startswith("www."):
        return []
    parts = urlsplit(token if "://" in token else "http://" + token)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    values = [v for _, v in parse_qsl(parts.query, keep_blank_values=False)]
    return values + segments[::-1] + ([unquote(parts.fragment)] if parts.fragment else [])


def _unique(items: list[str]) -> list[str]:
    seen, result = set(), []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


def _first_known(db, fragments: list[str], include_deleted: bool) -> str | None:
    if not fragments:
        return None
    marks = ",".join("?" * len(fragments))
    sql = f"SELECT code FROM materials WHERE code IN ({marks})"  # the column compares NOCASE
    if not include_deleted:
        sql += " AND deleted_at IS NULL"
    known = {row[0].casefold(): row[0] for row in db.execute(sql, fragments).fetchall()}
    for fragment in fragments:
        if fragment.casefold() in known:
            return known[fragment.casefold()]
    return None


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= c <= "\u0e7f" for c in text)
