"""The words the intranet pages say around the data, always in Thai (the site has no other language).

Templates call ``_("English")`` like the program's code does; the Thai comes from resources/i18n.
"""
from __future__ import annotations

from datetime import datetime

from lo_desktop.core import thaidate
from lo_desktop.i18n import size_text as any_size_text, translate

# Datasette's filter lookups (``?column__startswith=…``) as a colleague reads them.
LOOKUPS = {
    "exact": "is", "not": "is not", "contains": "contains", "endswith": "ends with",
    "startswith": "starts with", "gt": "is more than", "gte": "is at least", "lt": "is less than",
    "lte": "is at most", "like": "is like", "notlike": "is not like", "glob": "matches", "in": "is one of",
    "notin": "is none of", "arraycontains": "has", "arraynotcontains": "does not have",
    "date": "is on the day", "isnull": "is empty", "notnull": "is not empty", "isblank": "is blank",
    "notblank": "is not blank",
}


def thai(text: str, /, **values) -> str:
    """``_()`` for the pages: the Thai of ``text`` with ``{name}`` filled in."""
    return translate(text, "th").format(**values) if values else translate(text, "th")


def lookup_words() -> dict[str, str]:
    return {key: thai(words) for key, words in LOOKUPS.items()}


def size_text(size: int | None) -> str:
    return "" if size is None else any_size_text(size, "th")


def moment_text(moment: datetime) -> str:
    """``5 มีนาคม 2568 เวลา 10:15 น.``"""
    return thai("{date} at {time}", date=thaidate.format_date(moment.date(), lang="th"),
                time=f"{moment:%H:%M}")
