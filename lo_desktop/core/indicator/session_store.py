"""The child rows of exchange sessions: read in one query per table, rewritten whole on save.

No trigger can tell a changed participant from a rewrite, so a save compares each kind of child row as
short readable text before and after (``children_text``) and records what changed in the session's
history.
"""
from __future__ import annotations

from lo_desktop.core.safety.history import LIST_SEPARATORS, record_change
from lo_desktop.core.indicator.records import marks, rows


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


def write_children(db, session, partner_ids: list[int], new: bool = False) -> None:
    """Replace every child row of a saved session. Runs inside the caller's transaction.

    For a session saved before (not ``new``), one history entry names the kinds of rows that changed.
    """
    before = None if new else {session.id: children_text(db, session.id)}
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
    if before:
        record_children_changes(db, before)


def _insert(db, table: str, records: list[dict]) -> None:
    if records:
        db[table].insert_all(records)


# ---------------------------------------------------------------- the children as history reads them

def children_text(db, session_id: int) -> dict[str, str]:
    """Each kind of child row of a session as one short text: “A, B”, “name (agency); …”, “agency: n”…"""
    one = [session_id]
    partners = [r["name"] for r in rows(db, "SELECT a.name FROM session_partners p JOIN agencies a ON "
                                            "a.id = p.agency_id WHERE p.session_id = ? ORDER BY p.sort_order", one)]
    people = [_person(r) for r in rows(db, "SELECT name, position, agency FROM session_participants "
                                           "WHERE session_id = ? ORDER BY sort_order, id", one)]
    counts = [f"{r['agency']}: {r['headcount']}" for r in rows(
        db, "SELECT agency, headcount FROM session_headcounts WHERE session_id = ? ORDER BY agency", one)]
    photos = [f"{r['name']} ({r['caption']})" if r["caption"] else r["name"] for r in rows(
        db, "SELECT name, caption FROM session_photos WHERE session_id = ? ORDER BY sort_order, id", one)]
    codes = [r["code"] for r in rows(db, "SELECT m.code FROM session_materials s JOIN materials m ON "
                                         "m.id = s.material_id WHERE s.session_id = ? ORDER BY m.code", one)]
    texts = {"partners": partners, "participants": people, "headcounts": counts, "photos": photos,
             "materials": codes}
    return {kind: LIST_SEPARATORS[kind].join(items) for kind, items in texts.items()}


def _person(row: dict) -> str:
    text = ", ".join(part for part in (row["name"], row["position"]) if part)
    return f"{text} ({row['agency']})" if row["agency"] else text


def record_children_changes(db, before: dict[int, dict[str, str]]) -> None:
    """One history entry per session whose child rows now read otherwise than ``before`` (id → texts)."""
    for session_id, old in before.items():
        new = children_text(db, session_id)
        changes = {kind: [old[kind], new[kind]] for kind in new if old[kind] != new[kind]}
        record_change(db, "session", session_id, changes)
