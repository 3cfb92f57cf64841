"""Figures for the indicator dashboard's charts, for one BE fiscal year."""
from __future__ import annotations

from datetime import date

from lo_desktop.core.thaidate import fiscal_year, fiscal_year_range


def materials_by_source(db, fy: int) -> dict[str, int]:
    """Live materials of the year per knowledge source key (km, cop, exchange, other)."""
    found = db.execute("SELECT source, COUNT(*) FROM materials WHERE fiscal_year = ? AND deleted_at IS NULL "
                       "GROUP BY source ORDER BY source", [fy]).fetchall()
    return dict(found)


def fiscal_months(fy: int) -> list[date]:
    """The first day of each month of the year, October to September."""
    first, _last = fiscal_year_range(fy)
    return [date(first.year + (first.month + n - 1) // 12, (first.month + n - 1) % 12 + 1, 1) for n in range(12)]


def sessions_by_month(db, fy: int) -> list[tuple[date, int]]:
    """Exchange sessions held in each month of the year (Trash excluded), October first."""
    first, last = fiscal_year_range(fy)
    found = dict(db.execute(
        "SELECT substr(held_on, 1, 7), COUNT(*) FROM exchange_sessions WHERE deleted_at IS NULL "
        "AND held_on BETWEEN ? AND ? GROUP BY 1", [first.isoformat(), last.isoformat()]).fetchall())
    return [(month, found.get(month.isoformat()[:7], 0)) for month in fiscal_months(fy)]


def channels_used(db, fy: int) -> dict[str, int]:
    """For each channel key, how many live work manuals were distributed through it in the year."""
    first, last = fiscal_year_range(fy)
    found = db.execute(
        "SELECT c.channel, COUNT(DISTINCT c.material_id) FROM channels c JOIN materials m ON m.id = c.material_id "
        "WHERE m.deleted_at IS NULL AND m.kind = 'work_manual' AND c.distributed_on BETWEEN ? AND ? "
        "GROUP BY c.channel ORDER BY 2 DESC", [first.isoformat(), last.isoformat()]).fetchall()
    return dict(found)


def years_with_records(db) -> list[int]:
    """Fiscal years that hold live materials, sessions or channels; newest first."""
    found = {r[0] for r in db.execute("SELECT DISTINCT fiscal_year FROM materials WHERE fiscal_year IS NOT NULL "
                                      "AND deleted_at IS NULL").fetchall()}
    days = db.execute("SELECT held_on FROM exchange_sessions WHERE deleted_at IS NULL "
                      "UNION SELECT distributed_on FROM channels WHERE distributed_on IS NOT NULL").fetchall()
    found |= {fiscal_year(date.fromisoformat(day)) for (day,) in days}
    return sorted(found, reverse=True)
