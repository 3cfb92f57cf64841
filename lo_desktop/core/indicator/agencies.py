"""Partner agencies of exchange sessions (other district offices and BMA agencies)."""
from __future__ import annotations

from dataclasses import dataclass

from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.history import record_change
from lo_desktop.core.indicator.records import rows
from lo_desktop.i18n import _, tr


@dataclass
class Agency:
    name: str
    short_name: str = ""
    id: int | None = None


def list_agencies(db) -> list[Agency]:
    return [Agency(**row) for row in rows(db, "SELECT name, short_name, id FROM agencies ORDER BY name")]


def agencies_with_use(db) -> list[tuple[Agency, int]]:
    """Every agency with how many sessions (the Trash included) name it, in one query."""
    found = rows(db, "SELECT a.name, a.short_name, a.id, COUNT(p.session_id) AS used FROM agencies a "
                     "LEFT JOIN session_partners p ON p.agency_id = a.id GROUP BY a.id ORDER BY a.name")
    return [(Agency(r["name"], r["short_name"], r["id"]), r["used"]) for r in found]


def find_agency(db, name: str) -> Agency | None:
    """The agency of that name, spaces tidied and Latin letter case ignored ("Phra Khanong  Office")."""
    found = rows(db, "SELECT name, short_name, id FROM agencies WHERE name = ? COLLATE NOCASE", [tidy(name)])
    return Agency(**found[0]) if found else None


def tidy(name: str) -> str:
    return " ".join(name.split())


def add_agency(db, name: str, short_name: str = "") -> Agency:
    """Add an agency, or return the one already of that name."""
    name = tidy(name)
    if not name:
        raise UserError(_("The name of the agency is required."))
    existing = find_agency(db, name)
    if existing:
        return existing
    with db.atomic():
        new_id = db["agencies"].insert({"name": name, "short_name": short_name.strip()}).last_pk
    return Agency(name, short_name.strip(), new_id)


def agency_ids(db, names: list[str]) -> list[int]:
    """Ids for agency names, adding the new ones. Call inside the caller's transaction."""
    ids = []
    for name in names:
        found = find_agency(db, name)
        ids.append(found.id if found else db["agencies"].insert({"name": tidy(name), "short_name": ""}).last_pk)
    return ids


def sessions_naming(db, agency_id: int) -> int:
    """How many sessions (the Trash included) name the agency as a partner."""
    return db.execute("SELECT COUNT(*) FROM session_partners WHERE agency_id = ?", [agency_id]).fetchone()[0]


def delete_agency(db, agency_id: int) -> None:
    """Remove an agency no session names; refused (nothing changed) while sessions refer to it."""
    found = rows(db, "SELECT name, short_name FROM agencies WHERE id = ?", [agency_id])
    if not found:
        raise UserError(_("This agency no longer exists."))
    used = sessions_naming(db, agency_id)
    if used:
        raise UserError(tr("“{name}” cannot be deleted: {count} exchange session(s) name it as a partner "
                           "(including any in the Trash). Change those sessions first.",
                           name=found[0]["name"], count=used))
    with db.atomic():
        db.execute("DELETE FROM agencies WHERE id = ?", [agency_id])
        record_change(db, "agency", agency_id, {name: [value, None] for name, value in found[0].items()}, "purged")
