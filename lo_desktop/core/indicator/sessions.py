"""Cross-agency knowledge-exchange sessions (กิจกรรมแลกเปลี่ยนเรียนรู้): records, photos, linked materials.

A session is saved whole in one transaction (its row, partners, participants, head counts, photos and
linked materials), so a refused or failed save leaves nothing half-written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from lo_desktop.core.indicator.agencies import (  # noqa: F401 - agencies are part of this module's API
    Agency, add_agency, agency_ids, delete_agency, list_agencies)
from lo_desktop.core.catalog.materials import now
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.indicator.records import (
    check_file, check_image, materials_by_ids, missing_material_ids, rows, store_checked)
from lo_desktop.core import vocab
from lo_desktop.core.records import Material, new_uid
from lo_desktop.core.indicator.session_store import load_children, write_children
from lo_desktop.core.thaidate import fiscal_year_range
from lo_desktop.i18n import _, tr
from lo_desktop.settings import PHRA_KHANONG

TIME_FORM = re.compile(r"^(\d{1,2})[:.](\d{2})$")
COLUMNS = ("held_on", "start_time", "end_time", "place", "host", "topic", "format", "agenda",
           "learnings_ours", "learnings_theirs", "follow_up", "attendance_sha256", "attendance_name")


@dataclass
class Participant:
    name: str
    position: str = ""
    agency: str = ""
    id: int | None = None


@dataclass
class SessionPhoto:
    sha256: str
    name: str
    caption: str = ""
    id: int | None = None


@dataclass
class ExchangeSession:
    held_on: date | None
    topic: str
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    host: str = ""
    partners: list[str] = field(default_factory=lambda: [PHRA_KHANONG])
    format: str = "visit"
    agenda: str = ""
    learnings_ours: str = ""
    learnings_theirs: str = ""
    follow_up: str = ""
    participants: list[Participant] = field(default_factory=list)
    headcounts: dict[str, int] = field(default_factory=dict)
    photos: list[SessionPhoto] = field(default_factory=list)
    attendance_sha256: str = ""
    attendance_name: str = ""
    material_ids: list[int] = field(default_factory=list)
    id: int | None = None
    uid: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    def headcounts_by_agency(self) -> dict[str, int]:
        """Head count per agency: the explicit figure where given, else the listed participants."""
        counts: dict[str, int] = {}
        for person in self.participants:
            counts[person.agency] = counts.get(person.agency, 0) + 1
        counts.update(self.headcounts)
        return counts

    def total_headcount(self) -> int:
        return sum(self.headcounts_by_agency().values())


# --- reading -------------------------------------------------------------------------------------

def list_sessions(db, fiscal_year: int | None = None, trash: bool = False) -> list[ExchangeSession]:
    """Sessions by date (the Trash when ``trash``), optionally only those held in a BE fiscal year."""
    sql = "SELECT * FROM exchange_sessions WHERE deleted_at IS " + ("NOT NULL" if trash else "NULL")
    params: list = []
    if fiscal_year is not None:
        first, last = fiscal_year_range(fiscal_year)
        sql += " AND held_on BETWEEN ? AND ?"
        params += [first.isoformat(), last.isoformat()]
    return _load(db, rows(db, sql + " ORDER BY held_on, start_time, id", params))


def get_session(db, session_id: int) -> ExchangeSession | None:
    found = _load(db, rows(db, "SELECT * FROM exchange_sessions WHERE id = ?", [session_id]))
    return found[0] if found else None


def get_session_by_uid(db, uid: str) -> ExchangeSession | None:
    found = _load(db, rows(db, "SELECT * FROM exchange_sessions WHERE uid = ?", [uid]))
    return found[0] if found else None


def _load(db, session_rows: list[dict]) -> list[ExchangeSession]:
    sessions = [_from_row(row) for row in session_rows]
    if sessions:
        load_children(db, {s.id: s for s in sessions}, Participant, SessionPhoto)
    return sessions


def _from_row(row: dict) -> ExchangeSession:
    values = {k: v for k, v in row.items() if k in COLUMNS or k in ("id", "uid", "created_at", "updated_at",
                                                                     "deleted_at")}
    values["held_on"] = date.fromisoformat(row["held_on"])
    return ExchangeSession(partners=[], **values)


def session_materials(db, session_id: int) -> list[Material]:
    """The catalog materials (outside the Trash) a session produced or used."""
    ids = [r[0] for r in db.execute("SELECT material_id FROM session_materials WHERE session_id = ?",
                                    [session_id]).fetchall()]
    return materials_by_ids(db, ids)


# --- checking and saving -------------------------------------------------------------------------

def validate(db, session: ExchangeSession) -> dict[str, str]:
    """Every rule a session breaks, as field → message. Empty when it may be saved."""
    problems = {}
    if session.held_on is None:
        problems["held_on"] = _("Enter the date of the exchange session.")
    if not session.topic.strip():
        problems["topic"] = _("The topic of the exchange session is required.")
    if not [p for p in session.partners if p.strip()]:
        problems["partners"] = _("Name at least one partner agency.")
    if session.format not in vocab.SESSION_FORMATS:
        problems["format"] = tr("Unknown value “{value}”.", value=session.format)
    problems.update(_time_problems(session))
    problems.update(_participant_problems(session))
    if any(n is None or int(n) < 0 for n in session.headcounts.values()):
        problems["headcounts"] = _("A head count cannot be negative.")
    if missing_material_ids(db, session.material_ids):
        problems["material_ids"] = _("A linked material no longer exists; remove it from the session.")
    return problems


def _time_problems(session: ExchangeSession) -> dict[str, str]:
    for name in ("start_time", "end_time"):
        value = getattr(session, name).strip()
        if value and _normal_time(value) is None:
            return {name: tr("Cannot read the time “{time}”. Type it like 09:30.", time=value)}
    start, end = _normal_time(session.start_time), _normal_time(session.end_time)
    if start and end and end < start:
        return {"end_time": _("The session cannot end before it starts.")}
    return {}


def _normal_time(text: str) -> str | None:
    match = TIME_FORM.match(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return f"{int(match[1]):02d}:{match[2]}"


def _participant_problems(session: ExchangeSession) -> dict[str, str]:
    for number, person in enumerate(session.participants, start=1):
        if not person.name.strip():
            return {"participants": tr("Participant {number} has no name: type the name or remove the row.",
                                       number=number)}
    return {}


def prepare(session: ExchangeSession) -> ExchangeSession:
    """The session as it will be stored: trimmed, empty participant rows dropped, times as HH:MM."""
    people = [replace(p, name=p.name.strip(), position=p.position.strip(), agency=p.agency.strip())
              for p in session.participants if (p.name + p.position + p.agency).strip()]
    partners = list(dict.fromkeys(" ".join(p.split()) for p in session.partners if p.strip()))
    counts = {k.strip(): int(v) for k, v in session.headcounts.items() if k.strip() and v is not None}
    return replace(session, topic=session.topic.strip(), place=session.place.strip(),
                   host=session.host.strip(), partners=partners, participants=people, headcounts=counts,
                   start_time=_normal_time(session.start_time) or session.start_time.strip(),
                   end_time=_normal_time(session.end_time) or session.end_time.strip(),
                   material_ids=list(dict.fromkeys(int(i) for i in session.material_ids)),
                   uid=session.uid or new_uid())


def save_session(db, session: ExchangeSession) -> ExchangeSession:
    """Add or update a session with everything it holds, in one transaction."""
    s = prepare(session)
    problems = validate(db, s)
    if problems:
        raise ValidationError(problems)
    if s.id is not None and not db.execute("SELECT 1 FROM exchange_sessions WHERE id = ?", [s.id]).fetchone():
        raise UserError(_("This exchange session no longer exists."))
    s.updated_at = now()
    s.created_at = s.created_at or s.updated_at
    row = {name: getattr(s, name) for name in COLUMNS} | {"uid": s.uid, "updated_at": s.updated_at}
    row["held_on"] = s.held_on.isoformat()
    new = s.id is None
    with db.atomic():
        if new:
            s.id = db["exchange_sessions"].insert(row | {"created_at": s.created_at}).last_pk
        else:
            db["exchange_sessions"].update(s.id, row)
        write_children(db, s, agency_ids(db, s.partners), new=new)
    return get_session(db, s.id)


def delete_session(db, session_id: int) -> None:
    """Move to the Trash: the session stops counting for the indicator until restored."""
    with db.atomic():
        db.execute("UPDATE exchange_sessions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                   [now(), session_id])


def restore_session(db, session_id: int) -> None:
    with db.atomic():
        db.execute("UPDATE exchange_sessions SET deleted_at = NULL WHERE id = ?", [session_id])


# --- photos and the attendance sheet -------------------------------------------------------------

def store_photo(db, path, caption: str = "") -> SessionPhoto:
    """Check and store a photo's file; the editor keeps it until the session is saved."""
    sha, name = store_checked(db, check_image(path))
    return SessionPhoto(sha, name, caption.strip())


def add_photo(db, session_id: int, path, caption: str = "") -> SessionPhoto:
    session = _existing(db, session_id)
    photo = store_photo(db, path, caption)
    session.photos.append(photo)
    return save_session(db, session).photos[-1]


def store_attendance(db, path) -> tuple[str, str]:
    """Check and store an attendance-sheet scan (a picture or a PDF); returns (sha256, name)."""
    path = check_file(path)
    with open(path, "rb") as f:
        is_pdf = f.read(5) == b"%PDF-"
    if not is_pdf:
        try:
            check_image(path)
        except UserError:
            raise UserError(tr("“{name}” is neither a picture nor a PDF; scan the attendance sheet as one "
                               "of those.", name=path.name)) from None
    return store_checked(db, path)


def _existing(db, session_id: int) -> ExchangeSession:
    session = get_session(db, session_id)
    if session is None:
        raise UserError(_("This exchange session no longer exists."))
    return session
