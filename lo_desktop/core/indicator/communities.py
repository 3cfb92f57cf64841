"""Communities of practice (ชุมชนนักปฏิบัติ, CoP): their members and the materials they produced."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from lo_desktop.core.catalog.materials import now
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.indicator.records import missing_material_ids, rows
from lo_desktop.core.records import new_uid
from lo_desktop.i18n import _


@dataclass
class Community:
    name: str
    members: list[str] = field(default_factory=list)
    material_ids: list[int] = field(default_factory=list)
    id: int | None = None
    uid: str = ""


def list_communities(db) -> list[Community]:
    return [_load(db, row) for row in rows(db, "SELECT id, uid, name FROM communities ORDER BY name, id")]


def get_community(db, community_id: int) -> Community | None:
    found = rows(db, "SELECT id, uid, name FROM communities WHERE id = ?", [community_id])
    return _load(db, found[0]) if found else None


def get_community_by_uid(db, uid: str) -> Community | None:
    found = rows(db, "SELECT id, uid, name FROM communities WHERE uid = ?", [uid])
    return _load(db, found[0]) if found else None


def _load(db, row: dict) -> Community:
    members = [r[0] for r in db.execute(
        "SELECT name FROM community_members WHERE community_id = ? ORDER BY sort_order", [row["id"]]).fetchall()]
    ids = [r[0] for r in db.execute(
        "SELECT material_id FROM community_materials WHERE community_id = ?", [row["id"]]).fetchall()]
    return Community(row["name"], members, ids, row["id"], row["uid"])


def validate(db, community: Community) -> dict[str, str]:
    problems = {}
    if not community.name.strip():
        problems["name"] = _("The name of the community of practice is required.")
    if missing_material_ids(db, community.material_ids):
        problems["material_ids"] = _("A linked material no longer exists; remove it from the community.")
    return problems


def save_community(db, community: Community) -> Community:
    c = replace(community, name=" ".join(community.name.split()),
                members=[m.strip() for m in community.members if m.strip()],
                material_ids=list(dict.fromkeys(int(i) for i in community.material_ids)),
                uid=community.uid or new_uid())
    problems = validate(db, c)
    if problems:
        raise ValidationError(problems)
    stamp = now()
    with db.atomic():
        if c.id is None:
            c.id = db["communities"].insert({"uid": c.uid, "name": c.name, "created_at": stamp,
                                             "updated_at": stamp}).last_pk
        elif get_community(db, c.id) is None:
            raise UserError(_("This community of practice no longer exists."))
        else:
            db["communities"].update(c.id, {"name": c.name, "updated_at": stamp})
        _write_children(db, c)
    return get_community(db, c.id)


def _write_children(db, c: Community) -> None:
    db.execute("DELETE FROM community_members WHERE community_id = ?", [c.id])
    db.execute("DELETE FROM community_materials WHERE community_id = ?", [c.id])
    if c.members:
        db["community_members"].insert_all(
            [{"community_id": c.id, "sort_order": n, "name": m} for n, m in enumerate(c.members)])
    if c.material_ids:
        db["community_materials"].insert_all([{"community_id": c.id, "material_id": m} for m in c.material_ids])


def delete_community(db, community_id: int) -> None:
    """Forget the community; its materials stay in the catalog."""
    with db.atomic():
        db.execute("DELETE FROM communities WHERE id = ?", [community_id])
