"""Attachments of a material: files copied into the managed folder and listed in the database."""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.catalog.materials import now
from lo_desktop.core.files import safe_name, store_file, stored_path
from lo_desktop.core.records import Attachment


def add_attachment(db, material_id: int, source: str | Path) -> Attachment:
    sha, size = store_file(db, source)
    attachment = Attachment(material_id, safe_name(Path(source).name), sha, size, now())
    with db.atomic():
        attachment.id = db["attachments"].insert(
            {k: v for k, v in vars(attachment).items() if k != "id"}).last_pk
    return attachment


def attachments_of(db, material_id: int) -> list[Attachment]:
    rows = db.execute(
        "SELECT material_id, name, sha256, size, added_at, id FROM attachments WHERE material_id = ? ORDER BY id",
        [material_id]).fetchall()
    return [Attachment(*row) for row in rows]


def remove_attachment(db, attachment_id: int) -> None:
    """Forget the attachment; the stored file stays until no record uses it (see the integrity check)."""
    with db.atomic():
        db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])


def attachment_path(db, attachment: Attachment) -> Path:
    return stored_path(db, attachment.sha256)
