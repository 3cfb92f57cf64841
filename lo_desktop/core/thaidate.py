"""Thai dates: Buddhist Era years, Thai month names and digits, the fiscal year, and reading typed dates.

This is the one place the program turns dates into text and back. Every year shown is Buddhist Era
(พ.ศ. = CE + 543) because a CE year must never reach a document meant for the evaluator. Pure Python,
no Qt, so reports, labels and tests can use it without a GUI.
"""
from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, language

MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS_EN_SHORT = tuple(name[:3] for name in MONTHS_EN)

BE_OFFSET = 543
# Below this a typed year can only be CE: no record of the corner predates 2400 BE (1857 CE).
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700
FISCAL_YEAR_FIRST_MONTH = 10  # the fiscal year starts on 1 October

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

_MONTH_NAMES = {
    ("th", "full"): MONTHS_FULL,
    ("th", "short"): MONTHS_SHORT,
    ("en", "full"): MONTHS_EN,
    ("en", "short"): MONTHS_EN_SHORT,
}
# Formats differ by language, not by the UI language alone: a report may be Thai while the UI is English.
_YEAR_SUFFIX = {"th": "", "en": " BE"}
_TIME_FORMAT = {"th": "{date} เวลา {time:%H.%M} น.", "en": "{date}, {time:%H:%M}"}
_FISCAL_YEAR_FORMAT = {"th": "ปีงบประมาณ พ.ศ. {year}", "en": "Fiscal year {year} BE"}

# An era mark decides the calendar when the clerk gives one: พ.ศ./BE before or after the year, ค.ศ./CE.
_BE_MARKS = frozenset({"พ", "B"})
_YEAR = r"(?:(?P<era>[พค])\.?\s?ศ\.?\s*)?(?P<year>\d+)(?:\s*(?P<suffix>[BC])\.?\s?E\.?)?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
# One separator used twice, so "15/3-2556" is not taken for a date by accident.
_NUMERIC = re.compile(r"(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)" + _YEAR, re.IGNORECASE)
# The month name may touch the year ("15 มี.ค.2556"), so it is matched lazily up to the year.
_NAMED = re.compile(r"(?P<day>\d{1,2})\s*(?P<month>[^\d\s]+?)\s*" + _YEAR, re.IGNORECASE)
_YEAR_ONLY = re.compile(_YEAR, re.IGNORECASE)
_DATE_PREFIX = "วันที่"


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


_THAI_DIGIT = re.compile("[๐-๙]")


def to_arabic_digits(text: str) -> str:
    # Most text has no Thai digit: a C-speed scan first spares translate()'s slow per-character lookup
    # (it dominated the normalising of a 100,000-row import).
    return text.translate(_TO_ARABIC) if _THAI_DIGIT.search(text) else text


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be_year: int) -> int:
    return be_year - BE_OFFSET


def fiscal_year(d: date) -> int:
    """The BE fiscal year containing ``d``: October to December already belong to the next one."""
    return be_year(d.year) + (1 if d.month >= FISCAL_YEAR_FIRST_MONTH else 0)


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day of fiscal year ``fy_be`` (1 October of the year before – 30 September)."""
    end_year = ce_year(fy_be)
    return date(end_year - 1, FISCAL_YEAR_FIRST_MONTH, 1), date(end_year, 9, 30)


def today_fiscal_year() -> int:
    return fiscal_year(date.today())


def _lang(lang: str | None) -> str:
    """The output language: the UI language unless a caller (e.g. a report) asks for one."""
    return "en" if (lang or language()) == "en" else "th"


def _digits(text: str, thai_digits: bool) -> str:
    return to_thai_digits(text) if thai_digits else text


def _date_text(d: date, style: str, lang: str) -> str:
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{be_year(d.year)}"
    if (lang, style) not in _MONTH_NAMES:
        raise ValueError(f"unknown date style {style!r}")
    month = _MONTH_NAMES[lang, style][d.month - 1]
    return f"{d.day} {month} {be_year(d.year)}{_YEAR_SUFFIX[lang]}"


def format_date(d: date | None, style: str = "full", thai_digits: bool = False, lang: str | None = None) -> str:
    """``15 มีนาคม 2556`` ("full"), ``15 มี.ค. 2556`` ("short") or ``15/03/2556`` ("numeric"); "" for None."""
    if d is None:
        return ""
    return _digits(_date_text(d, style, _lang(lang)), thai_digits)


def format_stamp(stamp: str | None, style: str = "full", with_time: bool = False) -> str:
    """A stored UTC timestamp (ISO text) as the clerk's local Buddhist-Era date, and time if asked."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    moment = moment.astimezone() if moment.tzinfo else moment
    text = format_date(moment.date(), style)
    return f"{text} {moment:%H:%M}" if with_time else text


def format_fiscal_year(fy: int, thai_digits: bool = False, lang: str | None = None) -> str:
    return _digits(_FISCAL_YEAR_FORMAT[_lang(lang)].format(year=fy), thai_digits)


def _month_key(name: str) -> str:
    """Clerks drop the dots of ม.ค. or Mar. and mix letter case; neither changes the month."""
    return name.replace(".", "").casefold()


_MONTH_NUMBERS = {
    _month_key(name): number
    for names in _MONTH_NAMES.values()
    for number, name in enumerate(names, start=1)
}


def _clean(text: str) -> str:
    """Arabic digits and single spaces: the one shape the patterns need to know."""
    return " ".join(to_arabic_digits(text).split())


def _user_error(message: str, text: str) -> UserError:
    """i18n.tr() names its own first parameter ``text``, so the {text} placeholder is filled here."""
    return UserError(message.format(text=text))


def _be_from(match: re.Match) -> int | None:
    """The BE year a clerk meant, or None when it cannot be trusted."""
    digits = match["year"]
    if len(digits) != 4:  # "56" may be 2556 or 1956: refuse to guess
        return None
    mark = match.groupdict().get("era") or match.groupdict().get("suffix")
    year = int(digits)
    is_be = mark.upper() in _BE_MARKS if mark else year >= MIN_BE_YEAR
    be = year if is_be else be_year(year)
    return be if MIN_BE_YEAR <= be <= MAX_BE_YEAR else None


def _month_from(match: re.Match) -> int | None:
    month = match["month"]
    return int(month) if month.isdigit() else _MONTH_NUMBERS.get(_month_key(month))


def _match_date(cleaned: str) -> re.Match | None:
    for pattern in (_ISO, _NUMERIC, _NAMED):
        match = pattern.fullmatch(cleaned)
        if match:
            return match
    return None


# Cached: an imported list repeats the same few thousand dates; a failure raises and is not cached.
@lru_cache(maxsize=4096)
def parse_date(text: str) -> date:
    """Read a date as a clerk types it (15/3/2556, 15 มี.ค. 2556, ๑๕ มีนาคม ๒๕๕๖, 2013-03-15 …)."""
    shown = text.strip()
    match = _match_date(_clean(text).removeprefix(_DATE_PREFIX).lstrip())
    be = _be_from(match) if match else None
    month = _month_from(match) if match else None
    if be is None or month is None:
        raise _user_error(_("Cannot read the date “{text}”. Type it like 15/3/2567 or 15 มี.ค. 2567."), shown)
    try:
        return date(ce_year(be), month, int(match["day"]))
    except ValueError:
        message = _("There is no date “{text}” in the calendar. Check the day and the month.")
        raise _user_error(message, shown) from None


@lru_cache(maxsize=1024)
def parse_year(text: str | int) -> int:
    """Read a year as a clerk types it (2556, ๒๕๕๖, 2013, พ.ศ. 2556) and return it in BE."""
    shown = str(text).strip()
    match = _YEAR_ONLY.fullmatch(_clean(shown))
    be = _be_from(match) if match else None
    if be is None:
        raise _user_error(_("Cannot read the year “{text}”. Type it like 2567."), shown)
    return be
