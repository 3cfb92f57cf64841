"""The one translation mechanism: English source strings, Thai (default) from resources/i18n/th/*.json.

Every string a user reads goes through ``_()``. Catalogs are split per feature so each part of the
program keeps its own file; tests check that every ``_("...")`` in the code has a Thai entry.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache

from lo_desktop.paths import resource

LANGUAGES = ("th", "en")
_language = os.environ.get("LO_DESKTOP_LANG", "th") if os.environ.get("LO_DESKTOP_LANG") in LANGUAGES else "th"


def set_language(code: str) -> None:
    global _language
    _language = code if code in LANGUAGES else "th"


def language() -> str:
    return _language


@lru_cache(maxsize=None)
def catalog(code: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = resource("i18n", code)
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def _(text: str) -> str:
    """Translate a source string into the current language (the source itself when English)."""
    if _language == "en":
        return text
    return catalog(_language).get(text, text)


def translate(text: str, language: str | None = None) -> str:
    """Translate into ``language`` (a document that is always Thai), or the current language when None."""
    code = language or _language
    return text if code == "en" else catalog(code).get(text, text)


def tr(text: str, /, **values) -> str:
    """Translate, then fill ``{name}`` placeholders."""
    return _(text).format(**values)


def size_text(size: int, language: str | None = None) -> str:
    """A file's size as a clerk reads it, the same on every screen, page and command: bytes under a
    kilobyte, whole kilobytes (never "0 KB" for a file that has something in it), megabytes to a tenth."""
    if size < 1024:
        return translate("{n} bytes", language).format(n=size)
    if size < 1024 * 1024:
        return translate("{n} KB", language).format(n=max(1, round(size / 1024)))
    return translate("{n} MB", language).format(n=f"{size / 1024 / 1024:,.1f}")
