"""Sentences about one exchange session, shared by the indicator report and the memo (always Thai)."""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.core.files import stored_path
from lo_desktop.core.thaidate import format_date
from lo_desktop.reports.docx_base import thai


def clock(text: str) -> str:
    """Thai official style writes 09:30 as 09.30."""
    return text.replace(":", ".")


def time_text(session) -> str:
    """`` เวลา 09.30 – 12.00 น.``, or "" when no time was recorded."""
    start, end = clock(session.start_time or ""), clock(session.end_time or "")
    if start and end:
        return " " + thai("from {start} to {end}", start=start, end=end)
    if start:
        return " " + thai("at {time}", time=start)
    return ""


def date_time_text(session) -> str:
    return format_date(session.held_on, lang="th") + time_text(session)


def partner_text(session) -> str:
    return ", ".join(p for p in session.partners if p)


def headcount_text(session) -> str:
    """``รวม 25 คน (สำนักงานเขตบางนา 15 คน, สำนักงานเขตพระโขนง 10 คน)``."""
    counts = {agency: n for agency, n in session.headcounts_by_agency().items() if n}
    total = thai("{count} people in all", count=sum(counts.values()))
    parts = [thai("{agency} {count} people", agency=agency, count=n) for agency, n in counts.items() if agency]
    return f"{total} ({', '.join(parts)})" if parts else total


def participant_lines(session) -> list[str]:
    lines = []
    for person in session.participants:
        extra = " ".join(p for p in (person.position, person.agency) if p)
        lines.append(f"{person.name} {extra}".strip())
    return lines


def photo_items(db, session) -> list[tuple[Path | None, str]]:
    """(file, caption) of each photo; the caption falls back to the session's topic and date."""
    fallback = f"{session.topic} {format_date(session.held_on, lang='th')}".strip()
    return [(_photo_path(db, photo.sha256), photo.caption or fallback) for photo in session.photos]


def _photo_path(db, sha256: str) -> Path | None:
    try:
        path = stored_path(db, sha256)
    except UserError:  # an in-memory database has no files; the photo is then missing
        return None
    return path if path.is_file() else None
