"""The child rows of exchange sessions: read in one query per table, rewritten whole on save."""
from __future__ import annotations

from lo_desktop.core.indicator_records import marks, rows


def load_children(db, sessions: dict, participant_cls, photo_cls) -> None:
    """Fill partners, participants, head counts, photos and material ids of sessions keyed by id."""
    ids = list(sessions)
    where = f"session_id IN ({marks(ids)})"
    for row in rows(db, "SELECT p.session_id, a.name FROM session_partners p JOIN agencies a ON a.id = p.agency_id "
                        f"WHERE p.{where} ORDER BY p.sort_order", ids):
        sessions[row["session_id"]].partners.append(row["name"])
    for row in rows(db, f"SELECT session_id, name, position, agency, id FROM session_participants WHERE {where} "
                        "ORDER BY sort_order, id", ids):
        sessions[row.pop("session_id")].participants.append(participant_cls(**row))
    for row in rows(db, f"SELECT session_id, agency, headcount FROM session_headcounts WHERE {where}", ids):
        sessions[row["session_id"]].headcounts[row["agency"]] = row["headcount"]
    for row in rows(db, f"SELECT session_id, sha256, name, caption, id FROM session_photos WHERE {where} "
                        "ORDER BY sort_order, id", ids):
        sessions[row.pop("session_id")].photos.append(photo_cls(**row))
    for row in rows(db, f"SELECT session_id, material_id FROM session_materials WHERE {where}", ids):
        sessions[row["session_id"]].material_ids.append(row["material_id"])


CHILD_TABLES = ("session_partners", "session_participants", "session_headcounts", "session_photos",
                "session_materials")


def write_children(db, session, partner_ids: list[int]) -> None:
    """Replace every child row of a saved session. Runs inside the caller's transaction."""
    for table in CHILD_TABLES:
        db.execute(f"DELETE FROM {table} WHERE session_id = ?", [session.id])
    sid = session.id
    _insert(db, "session_partners", [{"session_id": sid, "agency_id": a, "sort_order": n}
                                     for n, a in enumerate(partner_ids)])
    _insert(db, "session_participants", [
        {"session_id": sid, "sort_order": n, "name": p.name, "position": p.position, "agency": p.agency}
        for n, p in enumerate(session.participants)])
    _insert(db, "session_headcounts", [{"session_id": sid, "agency": k, "headcount": v}
                                       for k, v in session.headcounts.items()])
    _insert(db, "session_photos", [
        {"session_id": sid, "sort_order": n, "sha256": p.sha256, "name": p.name, "caption": p.caption.strip()}
        for n, p in enumerate(session.photos)])
    _insert(db, "session_materials", [{"session_id": sid, "material_id": m} for m in session.material_ids])


def _insert(db, table: str, records: list[dict]) -> None:
    if records:
        db[table].insert_all(records)
