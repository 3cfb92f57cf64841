"""Correcting partner agencies: rename a mistyped one, or merge two spellings of the same agency.

Sessions name their partners by id (session_partners), so a new name shows at once wherever partners are
read (the session list, the indicator, the reports). Three things hold an agency by its *name* instead,
and follow here in the same transaction: a session's head counts per agency, its participants' agency
(both typed text), and the settings' default partners of a new session — left behind, the old spelling
would come back with the next session.

Each correction is recorded in the history: the agency's entry (renamed, or merged into another) and an
entry for every session whose partners, participants or head counts now read otherwise.
"""
from __future__ import annotations

from dataclasses import replace

from lo_desktop.core.indicator.agencies import Agency, list_agencies, tidy
from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.history import record_change
from lo_desktop.core.indicator.records import rows
from lo_desktop.core.indicator.session_store import children_text, record_children_changes
from lo_desktop.i18n import _, tr
from lo_desktop.settings import load_settings, save_settings


def same_name(db, name: str, except_id: int | None = None) -> Agency | None:
    """Another agency whose name is this one but for letter case and repeated spaces."""
    key = tidy(name).casefold()
    return next((a for a in list_agencies(db) if a.id != except_id and tidy(a.name).casefold() == key), None)


def get_agency(db, agency_id: int) -> Agency:
    found = rows(db, "SELECT name, short_name, id FROM agencies WHERE id = ?", [agency_id])
    if not found:
        raise UserError(_("This agency no longer exists."))
    return Agency(**found[0])


def rename_agency(db, agency_id: int, name: str, short_name: str = "") -> Agency:
    """Correct an agency's name and short name; every session naming it shows the new name."""
    name, short_name = tidy(name), tidy(short_name)
    if not name:
        raise UserError(_("The name of the agency is required."))
    old = get_agency(db, agency_id)
    twin = same_name(db, name, agency_id)
    if twin:
        raise UserError(tr("Another agency is already called “{name}”: to make the two one agency, use "
                           "Merge instead.", name=twin.name))
    with db.atomic():
        before = _sessions_naming(db, agency_id, old.name)
        db.execute("UPDATE agencies SET name = ?, short_name = ? WHERE id = ?", [name, short_name, agency_id])
        _follow_name(db, old.name, name)
        record_change(db, "agency", agency_id, {field: [was, becomes] for field, was, becomes in (
            ("name", old.name, name), ("short_name", old.short_name, short_name)) if was != becomes})
        record_children_changes(db, before)
    return Agency(name, short_name, agency_id)


def merge_agencies(db, keep_id: int, other_id: int) -> Agency:
    """Make ``other`` part of ``keep``: its sessions name ``keep`` instead, then ``other`` is deleted."""
    if keep_id == other_id:
        raise UserError(_("Choose another agency to merge into."))
    keep, other = get_agency(db, keep_id), get_agency(db, other_id)
    with db.atomic():
        before = _sessions_naming(db, other_id, other.name)
        # A session naming both keeps its row for `keep` (the primary key is session and agency).
        db.execute("INSERT OR IGNORE INTO session_partners(session_id, agency_id, sort_order) "
                   "SELECT session_id, ?, sort_order FROM session_partners WHERE agency_id = ?", [keep_id, other_id])
        db.execute("DELETE FROM session_partners WHERE agency_id = ?", [other_id])
        _follow_name(db, other.name, keep.name)
        db.execute("DELETE FROM agencies WHERE id = ?", [other_id])
        if not keep.short_name and other.short_name:
            db.execute("UPDATE agencies SET short_name = ? WHERE id = ?", [other.short_name, keep_id])
            record_change(db, "agency", keep_id, {"short_name": ["", other.short_name]})
        record_change(db, "agency", other_id, {"merged_into": [other.name, keep.name]}, action="merged")
        record_children_changes(db, before)
    return get_agency(db, keep_id)


def _sessions_naming(db, agency_id: int, name: str) -> dict[int, dict[str, str]]:
    """The child rows (as history reads them) of every session holding the agency by id or by name."""
    found = db.execute("SELECT session_id FROM session_partners WHERE agency_id = ? UNION "
                       "SELECT session_id FROM session_participants WHERE agency = ? UNION "
                       "SELECT session_id FROM session_headcounts WHERE agency = ?", [agency_id, name, name])
    return {row[0]: children_text(db, row[0]) for row in found.fetchall()}


def _follow_name(db, old: str, new: str) -> None:
    """Carry what holds the agency by name over to its new name. Inside the caller's transaction."""
    if old == new:
        return
    db.execute("UPDATE session_participants SET agency = ? WHERE agency = ?", [new, old])
    # Two head counts of one session for the same agency become one, their sum: the session's total
    # head count stays what it was.
    db.execute("INSERT INTO session_headcounts(session_id, agency, headcount) "
               "SELECT session_id, ?, headcount FROM session_headcounts WHERE agency = ? "
               "ON CONFLICT(session_id, agency) DO UPDATE SET headcount = headcount + excluded.headcount",
               [new, old])
    db.execute("DELETE FROM session_headcounts WHERE agency = ?", [old])
    settings = load_settings(db)
    if old in settings.partners:
        partners = list(dict.fromkeys(new if p == old else p for p in settings.partners))
        save_settings(db, replace(settings, partners=partners))
