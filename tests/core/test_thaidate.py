"""Thai dates: BE years, fiscal years, formatting in both languages and reading what clerks type."""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from lo_desktop import i18n
from lo_desktop.core import thaidate
from lo_desktop.core.errors import UserError
from lo_desktop.core.thaidate import (
    MONTHS_EN,
    MONTHS_EN_SHORT,
    MONTHS_FULL,
    MONTHS_SHORT,
    be_year,
    ce_year,
    fiscal_year,
    fiscal_year_range,
    format_date,
    format_fiscal_year,
    parse_date,
    parse_year,
    to_arabic_digits,
    to_thai_digits,
    today_fiscal_year,
)

MARCH_15 = date(2013, 3, 15)  # 15 มีนาคม 2556, inside FY 2556


@pytest.fixture(autouse=True)
def thai():
    """Thai is the default language; a test that switches it must not leak into the next."""
    i18n.set_language("th")
    yield
    i18n.set_language("th")


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("th")


def test_month_tables():
    assert len(MONTHS_FULL) == len(MONTHS_SHORT) == len(MONTHS_EN) == len(MONTHS_EN_SHORT) == 12
    assert (MONTHS_FULL[0], MONTHS_FULL[-1]) == ("มกราคม", "ธันวาคม")
    assert (MONTHS_SHORT[0], MONTHS_SHORT[-1]) == ("ม.ค.", "ธ.ค.")
    assert (MONTHS_EN[2], MONTHS_EN_SHORT[2]) == ("March", "Mar")


@pytest.mark.parametrize(
    ("arabic", "thai"),
    [
        ("0123456789", "๐๑๒๓๔๕๖๗๘๙"),
        ("15 มีนาคม 2556", "๑๕ มีนาคม ๒๕๕๖"),
        ("เวลา 09.30 น.", "เวลา ๐๙.๓๐ น."),
        ("no digits", "no digits"),
        ("", ""),
    ],
)
def test_digits_both_ways(arabic, thai):
    assert to_thai_digits(arabic) == thai
    assert to_arabic_digits(thai) == arabic


@pytest.mark.parametrize(("ce", "be"), [(2012, 2555), (2013, 2556), (2024, 2567), (1857, 2400)])
def test_be_and_ce_years(ce, be):
    assert be_year(ce) == be
    assert ce_year(be) == ce


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2012, 9, 30), 2555),
        (date(2012, 10, 1), 2556),
        (date(2012, 12, 31), 2556),
        (date(2013, 1, 1), 2556),
        (date(2012, 2, 29), 2555),  # leap day 29 ก.พ. 2555
        (date(2013, 9, 30), 2556),
        (date(2013, 10, 1), 2557),
        (datetime(2013, 9, 30, 23, 59), 2556),
    ],
)
def test_fiscal_year_boundaries(day, fy):
    assert fiscal_year(day) == fy


@pytest.mark.parametrize(
    ("fy", "first", "last"),
    [
        (2556, date(2012, 10, 1), date(2013, 9, 30)),
        (2555, date(2011, 10, 1), date(2012, 9, 30)),
        (2567, date(2023, 10, 1), date(2024, 9, 30)),
    ],
)
def test_fiscal_year_range(fy, first, last):
    assert fiscal_year_range(fy) == (first, last)
    assert fiscal_year(first) == fiscal_year(last) == fy


def test_today_fiscal_year():
    assert today_fiscal_year() == fiscal_year(date.today())


@pytest.mark.parametrize(
    ("day", "style", "thai_digits", "expected"),
    [
        (MARCH_15, "full", False, "15 มีนาคม 2556"),
        (MARCH_15, "short", False, "15 มี.ค. 2556"),
        (MARCH_15, "numeric", False, "15/03/2556"),
        (MARCH_15, "full", True, "๑๕ มีนาคม ๒๕๕๖"),
        (MARCH_15, "numeric", True, "๑๕/๐๓/๒๕๕๖"),
        (date(2012, 2, 29), "full", False, "29 กุมภาพันธ์ 2555"),
        (date(2012, 2, 29), "short", False, "29 ก.พ. 2555"),
        (date(2013, 10, 1), "full", False, "1 ตุลาคม 2556"),
        (date(2013, 10, 1), "numeric", False, "01/10/2556"),
        (datetime(2013, 3, 15, 9, 30), "full", False, "15 มีนาคม 2556"),
        (None, "full", False, ""),
        (None, "numeric", True, ""),
    ],
)
def test_format_date_thai(day, style, thai_digits, expected):
    assert format_date(day, style, thai_digits=thai_digits) == expected


@pytest.mark.parametrize(
    ("style", "thai_digits", "expected"),
    [
        ("full", False, "15 March 2556 BE"),
        ("short", False, "15 Mar 2556 BE"),
        ("numeric", False, "15/03/2556"),
        ("full", True, "๑๕ March ๒๕๕๖ BE"),
    ],
)
def test_format_date_english(english, style, thai_digits, expected):
    assert format_date(MARCH_15, style, thai_digits=thai_digits) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "15 March 2556 BE"), ("th", "15 มีนาคม 2556")],
)
def test_format_date_explicit_language_wins(english, lang, expected):
    """A Thai report must stay Thai even when the clerk runs the program in English."""
    assert format_date(MARCH_15, lang=lang) == expected


def test_format_date_rejects_unknown_style():
    with pytest.raises(ValueError, match="long"):
        format_date(MARCH_15, "long")


@pytest.mark.parametrize(
    ("lang", "thai_digits", "expected"),
    [
        ("th", False, "ปีงบประมาณ พ.ศ. 2556"),
        ("th", True, "ปีงบประมาณ พ.ศ. ๒๕๕๖"),
        ("en", False, "Fiscal year 2556 BE"),
    ],
)
def test_format_fiscal_year(lang, thai_digits, expected):
    assert format_fiscal_year(2556, thai_digits=thai_digits, lang=lang) == expected


def test_format_fiscal_year_follows_ui_language(english):
    assert format_fiscal_year(2556) == "Fiscal year 2556 BE"


@pytest.mark.parametrize(
    "text",
    [
        "15/3/2556",
        "15/03/2556",
        "15-3-2556",
        "15.3.2556",
        "15/3/2013",
        "15 มี.ค. 2556",
        "15 มี.ค.2556",
        "15 มีค 2556",
        "15 มีนาคม 2556",
        "15มีนาคม2556",
        "๑๕ มีนาคม ๒๕๕๖",
        "๑๕/๓/๒๕๕๖",
        "15 March 2013",
        "15 march 2013",
        "15 Mar 2556",
        "15 Mar. 2013",
        "15 March 2556 BE",
        "2013-03-15",
        "2556-03-15",
        "2556-3-15",
        "วันที่ 15 มีนาคม 2556",
        "วันที่15/3/2556",
        "15 มีนาคม พ.ศ. 2556",
        "15 มี.ค. พ.ศ.2556",
        "15 มีนาคม ค.ศ. 2013",
        "15/3/พ.ศ. 2556",
        "  15 มีนาคม   2556 \t",
        "\u00a015 มีนาคม 2556\n",
    ],
)
def test_parse_date_forms(text):
    assert parse_date(text) == MARCH_15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/2/2555", date(2012, 2, 29)),
        ("29 ก.พ. 2555", date(2012, 2, 29)),
        ("30 ก.ย. 2556", date(2013, 9, 30)),
        ("1 ต.ค. 2555", date(2012, 10, 1)),
        ("1 October 2012", date(2012, 10, 1)),
        ("31 ธันวาคม 2699", date(2156, 12, 31)),
        ("1 มกราคม 2400", date(1857, 1, 1)),
    ],
)
def test_parse_date_edges(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("day", [MARCH_15, date(2012, 2, 29), date(2013, 10, 1)])
@pytest.mark.parametrize("style", ["full", "short", "numeric"])
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("thai_digits", [False, True])
def test_parse_reads_what_format_writes(day, style, lang, thai_digits):
    assert parse_date(format_date(day, style, thai_digits=thai_digits, lang=lang)) == day


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "15/3",
        "15/03/56",  # two-digit year: 2556 or 1956?
        "15 มี.ค. 56",
        "15/3/256",
        "15/3-2556",
        "15 Marz 2556",
        "15 มีนา 2556",
        "2556/03/15/1",
        "15/3/2399",  # before 2400 BE
        "15/3/2701",  # after 2700 BE
        "15/3/2200",  # CE 2200 = BE 2743
        "15/3/ค.ศ. 2556",  # CE 2556 = BE 3099
        "15 มีนาคม พ.ศ. 2013",
    ],
)
def test_parse_date_unreadable(text):
    with pytest.raises(UserError) as caught:
        parse_date(text)
    assert f"“{text.strip()}”" in str(caught.value)
    assert str(caught.value).startswith("อ่านวันที่")


@pytest.mark.parametrize("text", ["31/2/2556", "29/2/2556", "30 ก.พ. 2555", "32/1/2556", "15/13/2556", "0/1/2556"])
def test_parse_date_impossible(text):
    with pytest.raises(UserError) as caught:
        parse_date(text)
    assert f"“{text}”" in str(caught.value)
    assert str(caught.value).startswith("ไม่มีวันที่")


@pytest.mark.parametrize(
    ("text", "start"),
    [("15/03/56", "Cannot read the date “15/03/56”."), ("31/2/2556", "There is no date “31/2/2556”")],
)
def test_parse_date_errors_in_english(english, text, start):
    with pytest.raises(UserError) as caught:
        parse_date(text)
    assert str(caught.value).startswith(start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2556", 2556),
        ("๒๕๕๖", 2556),
        ("2013", 2556),
        ("พ.ศ. 2556", 2556),
        ("พ.ศ.2556", 2556),
        ("ค.ศ. 2013", 2556),
        ("2556 BE", 2556),
        (" 2567 ", 2567),
        (2556, 2556),
        (2013, 2556),
        ("2400", 2400),
        ("2700", 2700),
    ],
)
def test_parse_year(text, expected):
    assert parse_year(text) == expected


@pytest.mark.parametrize("text", ["", "56", 56, "๕๖", "25566", "2399", "2701", "2200", 3000, "พ.ศ. 2013", "ปี", "2556/1"])
def test_parse_year_unreadable(text):
    with pytest.raises(UserError) as caught:
        parse_year(text)
    assert f"“{str(text).strip()}”" in str(caught.value)
    assert str(caught.value).startswith("อ่านปี")


def test_every_message_has_a_thai_entry():
    """The catalog test of the whole program relies on each feature shipping its own Thai entries."""
    source = Path(thaidate.__file__).read_text(encoding="utf-8")
    messages = re.findall(r'\b_\("([^"]+)"', source)
    assert messages
    entries = i18n.catalog("th")
    assert [m for m in messages if m not in entries] == []


@pytest.mark.parametrize("stamp, with_time, expected", [
    ("2013-03-15T02:30:00+00:00", False, "15 มีนาคม 2556"),
    ("2013-03-15T02:30:00+00:00", True, "15 มีนาคม 2556 09:30"),
    ("", False, ""),
    (None, False, ""),
    ("not a time", False, "not a time"),
])
def test_stored_utc_stamps_read_as_local_be_dates(monkeypatch, stamp, with_time, expected):
    import time

    monkeypatch.setenv("TZ", "Asia/Bangkok")
    time.tzset()
    try:
        assert thaidate.format_stamp(stamp, with_time=with_time) == expected
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
