"""A register's cells as clerks type them, read into a material's values.

Thai digits anywhere; years as ๒๕๕๖, 2556, พ.ศ. ๒๕๕๖, 2013 or the two digits a register column of BE
years holds (56 is 2556 there, whereas thaidate refuses to guess it elsewhere); dates as Excel dates,
Excel's day numbers, or Thai text (15 มี.ค. 56 too); copies as "3 เล่ม"; kinds and statuses in the
clerk's words (vocab.key_for).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from lo_desktop.core.errors import UserError
from lo_desktop.core.field_labels import MATERIAL_LABELS
from lo_desktop.core.records import Material
from lo_desktop.core.thaidate import (
    BE_OFFSET,
    MAX_BE_YEAR,
    MIN_BE_YEAR,
    parse_date,
    parse_year,
    to_arabic_digits,
)
from lo_desktop.core.vocab import key_for
from lo_desktop.i18n import _, language, tr

COLUMNS = MATERIAL_LABELS  # a register's columns are the material's fields
TEXT_FIELDS = ("title", "code", "topic", "tags", "author", "summary", "location", "link", "origin")
VOCABULARY_FIELDS = ("kind", "format", "source", "status")
DEFAULTS = Material()
SHORT_YEAR = re.compile(r"^(?:พ\.\s*ศ\.|ปี)?\s*(\d{2})$")
SHORT_YEAR_AT_END = re.compile(r"^(.*\D)(\d{2})$")
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (its day numbers skip the 1900 leap-year bug after day 60)
WHOLE_NUMBER = re.compile(r"\d+")


def material_from(values: dict[str, str]) -> Material:
    """A material from one row's texts by field; UserError with one sentence for a value we cannot read."""
    fields = {name: values.get(name, "") for name in TEXT_FIELDS}
    for name in VOCABULARY_FIELDS:
        fields[name] = vocabulary_key(name, values.get(name, "")) or getattr(DEFAULTS, name)
    if values.get("year"):
        fields["year"] = register_year(values["year"])
    if values.get("received_on"):
        fields["received_on"] = register_date(values["received_on"])
    if values.get("copies"):
        fields["copies"] = copies(values["copies"])
    return Material(**fields)


def field_values(values: dict[str, str]) -> dict:
    """The given fields' texts as stored values, read by the same rules as an imported row (a kind as the
    clerk words it, a year in BE or Thai digits, a Thai date); an empty text clears a field."""
    fields = {name: text.strip() for name, text in values.items() if name in TEXT_FIELDS}
    for name in VOCABULARY_FIELDS:
        if name in values:
            fields[name] = vocabulary_key(name, values[name].strip()) or getattr(DEFAULTS, name)
    if "year" in values:
        fields["year"] = parse_year(values["year"]) if values["year"].strip() else None
    if "received_on" in values:
        fields["received_on"] = parse_date(values["received_on"]) if values["received_on"].strip() else None
    if "copies" in values:
        fields["copies"] = copies(values["copies"]) if values["copies"].strip() else DEFAULTS.copies
    return fields


def vocabulary_key(name: str, text: str) -> str | None:
    if not text:
        return None
    key = _known_key(name, text, language())
    if key is None:
        raise UserError(tr("“{value}” is not a known {column}.", value=text, column=_(COLUMNS[name])))
    return key


@lru_cache(maxsize=1024)  # four per row, from a handful of words
def _known_key(name: str, text: str, _language: str) -> str | None:
    return key_for(name, text)


@lru_cache(maxsize=4096)  # a register repeats its years, dates and counts; read each once
def register_year(text: str) -> int:
    """The BE year of a register's year cell: 2556, ๒๕๕๖, พ.ศ. ๒๕๕๖, 2013, 56, or an Excel date."""
    arabic = to_arabic_digits(text).strip()
    short = SHORT_YEAR.match(arabic)
    if short:
        return 2500 + int(short[1])
    if len(arabic) == 10 and arabic[4] == "-" and arabic[:4].isdigit():  # an Excel date cell (ISO)
        return parse_year(arabic[:4])
    return parse_year(arabic)


def register_date(text: str) -> date:
    """A date cell: an Excel date (ISO text by now), an Excel day number, or Thai text whose year may
    be two BE digits (15 มี.ค. 56, 15/3/56)."""
    arabic = to_arabic_digits(text).strip()
    if len(arabic) == 10 and arabic[4] == arabic[7] == "-" and arabic[:4].isdigit():
        year = int(arabic[:4])  # an Excel date cell: read at once what parse_date would make of it
        if MIN_BE_YEAR - BE_OFFSET <= year <= MAX_BE_YEAR - BE_OFFSET:  # a CE year in range (else parse_date)
            try:
                return date.fromisoformat(arabic)
            except ValueError:
                pass  # parse_date says what is wrong
    if arabic.isdigit() and 20000 <= int(arabic) <= 80000:
        return EXCEL_EPOCH + timedelta(days=int(arabic))
    try:
        return parse_date(arabic)
    except UserError:
        short = SHORT_YEAR_AT_END.match(arabic)
        if not short:
            raise
        try:
            return parse_date(f"{short[1]}25{short[2]}")
        except UserError:
            raise UserError(tr("Cannot read the date “{value}”. Type it like 15/3/2567 or 15 มี.ค. 2567.",
                               value=text)) from None


@lru_cache(maxsize=4096)
def copies(text: str) -> int:
    """The number of copies: 3, ๓, "3 เล่ม", "จำนวน 3 ชุด"; one whole number and words around it."""
    arabic = to_arabic_digits(text).replace(",", "")
    numbers = WHOLE_NUMBER.findall(arabic)
    if len(numbers) != 1 or re.search(r"\d[./]\d|-\s*\d", arabic):
        raise UserError(tr("The number of copies “{value}” is not a whole number.", value=text))
    return int(numbers[0])
