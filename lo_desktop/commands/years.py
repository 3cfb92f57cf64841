"""A fiscal year typed on the command line: read as a clerk types it, and said back when it was converted.

``parse_year`` reads 2013 as 2556 and 56 as 2556; a clerk who typed a Christian-era year should learn that
the answer is about FY 2556, not believe the program read what she typed.
"""
from __future__ import annotations

import re
import sys

from lo_desktop.core.thaidate import parse_year, to_arabic_digits
from lo_desktop.i18n import tr


def fiscal_year_arg(text: str | None) -> int | None:
    """The BE fiscal year in ``text`` (None when not given); a note on stderr when it was converted."""
    if not text:
        return None
    year = parse_year(text)
    typed = re.sub(r"\D", "", to_arabic_digits(str(text)))
    if typed and int(typed) != year:
        print(tr("The year {typed} was read as the BE fiscal year {year}.", typed=typed, year=year),
              file=sys.stderr)
    return year
