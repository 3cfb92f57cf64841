"""Every Word document, made by one function each, called with the same arguments by the command line
(commands/reports.py, commands/lending.py) and the window (ui/reports_menu.py, the lending and stocktake
pages).

Each reads the settings (agency, template, font, Thai digits) from the database it is given, so the
command line and the window's worker, on its own connection, write the same document; each writes
through the builder's atomic save and returns where it wrote. The indicator is judged once here and the
same judgement both fills the report and tells the caller what is still missing.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.core.indicator.actions import judge_indicator
from lo_desktop.core.indicator.judge import Indicator
from lo_desktop.core.catalog.search import Query
from lo_desktop.i18n import _
from lo_desktop.settings import load_settings


@dataclass
class IndicatorReport:
    path: Path
    indicator: Indicator  # the judgement the report shows, for the caller to name the gaps


def write_indicator_report(db, fiscal_year: int | None, out: str | Path, progress=None) -> IndicatorReport:
    """The indicator 4.1 evidence report of a BE fiscal year (default: the current one)."""
    from lo_desktop.reports.indicator_report import build_indicator_report

    indicator = judge_indicator(db, fiscal_year)
    path = build_indicator_report(db, load_settings(db), indicator.fiscal_year, out, progress, indicator=indicator)
    return IndicatorReport(path, indicator)


def write_session_memo(db, session_id: int, out: str | Path, progress=None, memo_date: date | None = None) -> Path:
    """The memo (บันทึกข้อความ) of one exchange session outside the Trash, dated ``memo_date`` (default:
    today; a memo is often written for the date it will be signed)."""
    from lo_desktop.reports.session_memo import build_session_memo

    return build_session_memo(db, load_settings(db), session_id, out, progress, memo_date=memo_date)


def write_catalog_register(db, out: str | Path, query: Query | None = None, with_qr: bool = False,
                           progress=None) -> Path:
    """The register of the materials a search finds (default: every material outside the Trash)."""
    from lo_desktop.reports.catalog_register import build_catalog_register

    return build_catalog_register(db, load_settings(db), out, query or Query(), with_qr, progress)


def write_reminder(db, borrower_id: int, out: str | Path) -> Path:
    """The slip asking a borrower to bring back what they hold, the overdue loans marked."""
    from lo_desktop.core.lending.loans import get_borrower
    from lo_desktop.reports.lending_docs import build_reminder

    borrower = get_borrower(db, borrower_id)
    if borrower is None:
        raise UserError(_("This borrower no longer exists."))
    return build_reminder(db, load_settings(db), borrower, out)


def write_stocktake_report(db, stocktake_id: int | None, out: str | Path, progress=None) -> Path:
    """The report of a stocktake (default: the latest) for the file."""
    from lo_desktop.core.lending.stocktake import stocktakes
    from lo_desktop.reports.lending_docs import build_stocktake_report

    if stocktake_id is None:
        latest = stocktakes(db)
        if not latest:
            raise UserError(_("There is no stocktake yet."))
        stocktake_id = latest[0].id
    return build_stocktake_report(db, load_settings(db), stocktake_id, out, progress)

