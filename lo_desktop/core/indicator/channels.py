"""Distribution channels of work manuals (ช่องทางการเผยแพร่คู่มือการปฏิบัติงาน), with their evidence."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from lo_desktop.core.catalog.materials import LINK_FORM, get_material_by_id, now
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.indicator.records import check_file, marks, rows, store_checked
from lo_desktop.core import vocab
from lo_desktop.core.records import new_uid
from lo_desktop.i18n import _, tr

FIELDS = ("material_id", "channel", "distributed_on", "evidence_link", "evidence_sha256", "evidence_name",
          "note", "id")


@dataclass
class Channel:
    material_id: int
    channel: str
    distributed_on: date | None
    evidence_link: str = ""
    evidence_sha256: str = ""
    evidence_name: str = ""
    note: str = ""
    id: int | None = None
    uid: str = ""

    @classmethod
    def from_row(cls, row: dict) -> "Channel":
        values = {k: row[k] for k in FIELDS + ("uid",)}
        if values["distributed_on"]:
            values["distributed_on"] = date.fromisoformat(values["distributed_on"])
        return cls(**values)


SELECT = "SELECT * FROM channels"
ORDER = " ORDER BY distributed_on, id"


def channels_of(db, material_id: int) -> list[Channel]:
    return [Channel.from_row(r) for r in rows(db, SELECT + " WHERE material_id = ?" + ORDER, [material_id])]


def channels_of_many(db, material_ids: list[int]) -> dict[int, list[Channel]]:
    """Channels for a block of materials in one query, keyed by material id."""
    result: dict[int, list[Channel]] = {i: [] for i in material_ids}
    if material_ids:
        for row in rows(db, SELECT + f" WHERE material_id IN ({marks(material_ids)})" + ORDER, material_ids):
            result[row["material_id"]].append(Channel.from_row(row))
    return result


def get_channel(db, channel_id: int) -> Channel | None:
    found = rows(db, SELECT + " WHERE id = ?", [channel_id])
    return Channel.from_row(found[0]) if found else None


def validate(db, channel: Channel) -> dict[str, str]:
    problems = {}
    if get_material_by_id(db, channel.material_id) is None:
        problems["material_id"] = _("This material no longer exists.")
    if channel.channel not in vocab.CHANNELS:
        problems["channel"] = tr("Unknown value “{value}”.", value=channel.channel)
    if channel.distributed_on is None:
        problems["distributed_on"] = _("Enter the date the manual was distributed through this channel.")
    if channel.evidence_link.strip() and not LINK_FORM.match(channel.evidence_link.strip()):
        problems["evidence_link"] = _("The link must be a web address (https://…) or a file path.")
    return problems


def save_channel(db, channel: Channel) -> Channel:
    c = replace(channel, evidence_link=channel.evidence_link.strip(), note=channel.note.strip(),
                uid=channel.uid or new_uid())
    problems = validate(db, c)
    if problems:
        raise ValidationError(problems)
    row = {k: getattr(c, k) for k in FIELDS if k != "id"} | {"uid": c.uid, "updated_at": now()}
    row["distributed_on"] = c.distributed_on.isoformat()
    with db.atomic():
        if c.id is None:
            c.id = db["channels"].insert(row | {"created_at": row["updated_at"]}).last_pk
        elif get_channel(db, c.id) is None:
            raise UserError(_("This distribution record no longer exists."))
        else:
            db["channels"].update(c.id, row)
    return get_channel(db, c.id)


def attach_evidence(db, channel: Channel, path) -> Channel:
    """Store a file or photo as the evidence of a channel (saved with the channel)."""
    sha, name = store_checked(db, check_file(path))
    return replace(channel, evidence_sha256=sha, evidence_name=name)


def delete_channel(db, channel_id: int) -> None:
    with db.atomic():
        db.execute("DELETE FROM channels WHERE id = ?", [channel_id])
