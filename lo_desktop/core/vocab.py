"""The fixed vocabularies of a material, stored as English keys and shown translated."""
from __future__ import annotations

from functools import lru_cache

from lo_desktop.i18n import _, catalog, language

KINDS = {
    "work_manual": "Work manual",
    "guide": "Guide",
    "book": "Book",
    "law": "Law / announcement",
    "report": "Report",
    "poster": "Poster / infographic",
    "video": "Video",
    "digital_file": "Digital file",
    "minutes": "Minutes",
    "other": "Other",
}
FORMATS = {"physical": "Physical", "digital": "Digital", "both": "Physical and digital"}
SOURCES = {"km": "KM", "cop": "CoP", "exchange": "Exchange session", "other": "Other source"}
STATUSES = {"available": "Available", "on_loan": "On loan", "lost": "Lost", "withdrawn": "Withdrawn"}

VOCABULARIES = {"kind": KINDS, "format": FORMATS, "source": SOURCES, "status": STATUSES}


def label(field: str, key: str) -> str:
    """The user's word for a stored key (the key itself if unknown)."""
    english = VOCABULARIES[field].get(key)
    return _(english) if english else key


def choices(field: str) -> list[tuple[str, str]]:
    """(key, label) pairs in their natural order, for menus and filters."""
    return [(key, _(english)) for key, english in VOCABULARIES[field].items()]


def key_for(field: str, text: str) -> str | None:
    """Read a key back from what a user or a spreadsheet wrote: the key, or its Thai or English label."""
    return _names_to_keys(field, language()).get(text.strip().casefold())


@lru_cache(maxsize=None)
def _names_to_keys(field: str, current_language: str) -> dict[str, str]:
    """Every name of every key of a vocabulary, case-folded: an import reads four per row."""
    thai = catalog("th")
    names: dict[str, str] = {}
    for key, english in VOCABULARIES[field].items():
        for name in (thai.get(english, ""), _(english), english, key):  # later names win, as before
            if name:
                names[name.casefold()] = key
    return names
