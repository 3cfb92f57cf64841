"""Indicator 4.1 actions: every change a clerk makes to its records, and its judgement, in one place.

Each function is one whole user action, called alike by the command line (commands/indicator.py,
commands/indicator_edit.py, commands/reports.py) and the window (the session editor and page, the
channels, communities and partner-agency dialogs, the dashboard): the checks, the backup where a change
cannot be taken back, the write and its history entry, in one transaction.

History: the triggers record sessions' and channels' own fields; a session's child rows are compared by
session_store; partner agencies by agency_edit; communities of practice here (no trigger watches them).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from lo_desktop.core.indicator import agencies
from lo_desktop.core.indicator import agency_edit
from lo_desktop.core.indicator import channels
from lo_desktop.core.indicator import communities as cop
from lo_desktop.core.indicator import judge
from lo_desktop.core.indicator import publication
from lo_desktop.core.indicator import sessions
from lo_desktop.core.safety.backup import backup_before
from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.history import record_change
from lo_desktop.core.indicator.records import marks, rows
from lo_desktop.core.thaidate import today_fiscal_year
from lo_desktop.i18n import _
from lo_desktop.settings import load_settings


# --- exchange sessions -------------------------------------------------------------------------------

def new_session(db) -> sessions.ExchangeSession:
    """A session as the clerk starts one: today, this office hosting, the usual partners (the settings)."""
    settings = load_settings(db)
    return sessions.ExchangeSession(date.today(), "", partners=list(settings.partners),
                                    host=settings.agency_name)


def save_exchange_session(db, session: sessions.ExchangeSession, photo_paths=(), attendance_path=None
                          ) -> sessions.ExchangeSession:
    """Check and save a session whole (its row, partners, participants, head counts, photos and stored
    materials) in one transaction; new photo and attendance files are checked and stored first.

    The history: the triggers record the session's fields, session_store one entry for its child rows.
    """
    photos = [sessions.store_photo(db, path) for path in photo_paths]
    if attendance_path:
        sha, name = sessions.store_attendance(db, attendance_path)
        session = replace(session, attendance_sha256=sha, attendance_name=name)
    return sessions.save_session(db, replace(session, photos=list(session.photos) + photos))


def trash_exchange_session(db, session_id: int) -> None:
    """Move a session to the Trash: it stops counting for the indicator until restored (history: deleted)."""
    found = sessions.get_session(db, session_id)
    if found is None or found.deleted_at:
        raise UserError(_("This exchange session no longer exists."))
    sessions.delete_session(db, session_id)


def restore_exchange_session(db, session_id: int) -> None:
    """Bring a session back from the Trash (history: restored)."""
    found = sessions.get_session(db, session_id)
    if found is None or not found.deleted_at:
        raise UserError(_("This exchange session is not in the Trash."))
    sessions.restore_session(db, session_id)


# --- distribution channels of work manuals -------------------------------------------------------------

def save_distribution_channel(db, channel: channels.Channel, evidence_path: str | Path | None = None
                              ) -> channels.Channel:
    """Check and save one channel a work manual went out through; an evidence file is stored first."""
    if evidence_path:
        channel = channels.attach_evidence(db, channel, evidence_path)
    return channels.save_channel(db, channel)


def delete_distribution_channel(db, channel_id: int) -> None:
    """Delete a channel record for good (its history keeps its last values)."""
    if channels.get_channel(db, channel_id) is None:
        raise UserError(_("This distribution record no longer exists."))
    channels.delete_channel(db, channel_id)


def record_intranet_publication(db, on: date | None = None) -> list[channels.Channel]:
    """Record the intranet as a distribution channel of every published work manual not yet recorded so in
    the fiscal year (on the publishing day, default today); each record's evidence is the manual's page on
    the intranet when the settings know its address. Returns the records made."""
    from lo_desktop.core.intranet.links import material_url

    address = load_settings(db).intranet_address.strip()
    link = (lambda code: material_url(address, code)) if address else None
    return publication.record_publication(db, on or date.today(), link)


# --- communities of practice -----------------------------------------------------------------------------

def save_community_of_practice(db, community: cop.Community) -> cop.Community:
    """Check and save a community, its members and materials; a change to one saved before is recorded."""
    with db.atomic():
        before = _community_text(db, community.id) if community.id is not None else None
        saved = cop.save_community(db, community)
        if before is not None:
            after = _community_text(db, saved.id)
            record_change(db, "community", saved.id,
                          {key: [before[key], after[key]] for key in after if before[key] != after[key]})
    return saved


def delete_community_of_practice(db, community_id: int) -> None:
    """Forget a community (its materials stay in the catalog); its history keeps what it held."""
    with db.atomic():
        before = _community_text(db, community_id)
        if before is None:
            raise UserError(_("This community of practice no longer exists."))
        cop.delete_community(db, community_id)
        record_change(db, "community", community_id, {k: [v, None] for k, v in before.items()}, "purged")


def _community_text(db, community_id: int) -> dict[str, str] | None:
    """A community as history reads it: its name, its members, the codes of its materials."""
    community = cop.get_community(db, community_id)
    if community is None:
        return None
    ids = community.material_ids
    codes = sorted(r["code"] for r in rows(db, f"SELECT code FROM materials WHERE id IN ({marks(ids)})", ids))
    return {"name": community.name, "members": "; ".join(community.members), "materials": ", ".join(codes)}


# --- partner agencies --------------------------------------------------------------------------------------

def rename_partner_agency(db, agency_id: int, name: str, short_name: str = "") -> agencies.Agency:
    """Correct an agency's name; sessions, head counts, participants and default partners follow it."""
    return agency_edit.rename_agency(db, agency_id, name, short_name)


def merge_partner_agencies(db, keep_id: int, other_id: int) -> agencies.Agency:
    """Make ``other`` part of ``keep`` and delete it, after a backup: a merge cannot be taken back."""
    if keep_id == other_id:
        raise UserError(_("Choose another agency to merge into."))
    for agency_id in (keep_id, other_id):
        agency_edit.get_agency(db, agency_id)  # a vanished agency is refused before any backup is made
    backup_before(db, "merge")
    return agency_edit.merge_agencies(db, keep_id, other_id)


def delete_partner_agency(db, agency_id: int) -> None:
    """Delete an agency no session names (refused while one does); its history keeps its values."""
    agencies.delete_agency(db, agency_id)


def find_partner_agency(db, name_or_id: str) -> agencies.Agency:
    """The agency a clerk means by a number or a name (spaces and Latin letter case aside)."""
    text = str(name_or_id).strip()
    found = agencies.find_agency(db, text)
    if found is None and text.isdigit():
        found = agency_edit.get_agency(db, int(text))
    if found is None:
        raise UserError(_("This agency no longer exists."))
    return found


# --- the judgement ---------------------------------------------------------------------------------------

def judge_indicator(db, fiscal_year: int | None = None) -> judge.Indicator:
    """Indicator 4.1 for a BE fiscal year (default: the current one), by the stored agency type.

    Judged once per request and handed on: the report is built from it and the gaps shown from it.
    """
    return judge.judge(db, fiscal_year or today_fiscal_year(), load_settings(db))
