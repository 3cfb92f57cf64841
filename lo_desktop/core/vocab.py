"""Every fixed vocabulary, stored as English keys and shown as the words a user reads.

``word(vocabulary, key, language)`` is the one way from a stored key to its word: the window and the
command line use the current language, Word documents ask for Thai, history describes old values with it.
"""
from __future__ import annotations

from functools import lru_cache

from lo_desktop.i18n import _, catalog, language, translate

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

# Distribution channels of work manuals (ช่องทางการเผยแพร่), indicator 4.1 component 1.
CHANNELS = {
    "website": "Website",
    "intranet": "Intranet",
    "email": "E-mail",
    "line_group": "LINE group",
    "facebook": "Facebook page",
    "printed": "Printed copies",
    "corner_shelf": "Learning-corner shelf",
    "meeting": "Meeting or briefing",
    "other": "Other channel",
}
SESSION_FORMATS = {"visit": "Study visit", "meeting": "Meeting", "seminar": "Seminar", "online": "Online"}
AGENCY_TYPES = {"line": "Line", "staff": "Staff", "line_staff": "Line & Staff"}

VOCABULARIES = {"kind": KINDS, "format": FORMATS, "source": SOURCES, "status": STATUSES,
                "channel": CHANNELS, "session_format": SESSION_FORMATS, "agency_type": AGENCY_TYPES}
MATERIAL_FIELDS = ("kind", "format", "source", "status")  # the fields of a material that hold a key


def word(vocabulary: str, key: str, language: str | None = None) -> str:
    """The word a user reads for a stored key (the key itself if unknown), in ``language`` or the current one."""
    english = VOCABULARIES[vocabulary].get(key)
    return translate(english, language) if english else key


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(key, word) pairs in their natural order, for menus and filters."""
    return [(key, _(english)) for key, english in VOCABULARIES[vocabulary].items()]


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
