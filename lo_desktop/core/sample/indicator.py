"""The sample corner's indicator 4.1 records: the Bang Na – Phra Khanong exchanges, manual channels, CoPs.

The JSON files name materials by code; they are resolved to ids here. Each record carries a stable uid,
so loading again adds only what is missing.
"""
from __future__ import annotations

from datetime import date

from lo_desktop.core.indicator.agencies import add_agency
from lo_desktop.core.catalog.materials import get_material
from lo_desktop.core.indicator.channels import Channel, save_channel
from lo_desktop.core.indicator.communities import Community, get_community_by_uid, save_community
from lo_desktop.core.indicator.sessions import (
    ExchangeSession, Participant, get_session_by_uid, save_session, store_attendance, store_photo)
from lo_desktop.core.sample.materials import sample_json
from lo_desktop.paths import resource
from lo_desktop.settings import PHRA_KHANONG


def _ids(db, codes: list[str]) -> list[int]:
    materials = [get_material(db, code) for code in codes]
    return [m.id for m in materials if m is not None]


def _photo_path(name: str):
    return resource("sample", "photos", name)


def load_sessions(db) -> int:
    added = 0
    for row in sample_json("sessions.json"):
        if get_session_by_uid(db, row["uid"]) is None:
            save_session(db, _session(db, row))
            added += 1
    return added


def _session(db, row: dict) -> ExchangeSession:
    plain = {k: v for k, v in row.items() if k not in ("participants", "photos", "attendance", "materials")}
    session = ExchangeSession(**plain | {"held_on": date.fromisoformat(row["held_on"])})
    session.participants = [Participant(**p) for p in row["participants"]]
    session.photos = [store_photo(db, _photo_path(p["file"]), p["caption"]) for p in row["photos"]]
    if row.get("attendance"):
        session.attendance_sha256, session.attendance_name = store_attendance(db, _photo_path(row["attendance"]))
    session.material_ids = _ids(db, row["materials"])
    return session


def load_channels(db) -> int:
    added = 0
    for row in sample_json("channels.json"):
        if db.execute("SELECT 1 FROM channels WHERE uid = ?", [row["uid"]]).fetchone():
            continue
        ids = _ids(db, [row["code"]])
        if ids:
            save_channel(db, Channel(ids[0], row["channel"], date.fromisoformat(row["distributed_on"]),
                                     evidence_link=row.get("evidence_link", ""), note=row.get("note", ""),
                                     uid=row["uid"]))
            added += 1
    return added


def load_communities(db) -> int:
    added = 0
    for row in sample_json("communities.json"):
        if get_community_by_uid(db, row["uid"]) is None:
            save_community(db, Community(row["name"], row["members"], _ids(db, row["materials"]), uid=row["uid"]))
            added += 1
    return added


def load_indicator_sample(db) -> int:
    """Load the agencies, sessions, channels and communities of the sample; returns how many were added."""
    add_agency(db, PHRA_KHANONG)
    return load_sessions(db) + load_channels(db) + load_communities(db)
