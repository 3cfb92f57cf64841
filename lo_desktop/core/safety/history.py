"""History of every change to materials, exchange sessions (their child rows too), channels, partner agencies,
communities of practice and borrowers.

SQL triggers write the history, so no writer can forget it: the window, the command line, an import, even
someone editing the file with another SQLite tool. Each row says what changed (entity and id), how
(created, updated, deleted = moved to the Trash, restored, purged = gone for good), when (UTC) and, for
updates, each changed field as ``{field: [old, new]}``. A purged record keeps its last values in its
history, so nothing deleted for good is beyond recall.

Creation is not a trigger: every tracked row carries its own ``created_at``, and ``history_of`` shows it
as the first entry. An insert trigger cost 7 % of a 100,000-row import (import_rows 9.4 s → 10.1 s on
two shared cores), for nothing the row does not already say; an import adds one summary entry instead
(``record_import``).

A session's child rows (partners, participants, head counts, photos, stored materials) are rewritten whole
on every save, so a trigger on them would see a delete and an insert per row; the save compares them
before and after instead and writes one entry (``record_change``, in the same transaction), as do the
corrections of partner agencies and borrowers.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lo_desktop.core import vocab
from lo_desktop.core.field_labels import MATERIAL_LABELS
from lo_desktop.core.history_schema import NOW_SQL, TRACKED
from lo_desktop.i18n import _, tr

ACTIONS = ("created", "updated", "deleted", "restored", "purged", "imported", "merged")

TABLES = {entity: table for table, (entity, _fields) in TRACKED.items()}

# What no trigger sees, recorded by the program (``record_change``): a session's child rows (each kind as
# one short text, items joined by these separators), and partner agencies and borrowers.
LIST_SEPARATORS = {"partners": ", ", "participants": "; ", "headcounts": "; ", "photos": "; ", "materials": ", ",
                   "members": "; "}
CHANGE_LABELS = {
    "partners": "Partner agencies", "participants": "Participants", "headcounts": "Head count per agency",
    "photos": "Photos", "materials": "Stored materials", "name": "Name on record", "short_name": "Short name",
    "section": "Section", "phone": "Phone", "merged_into": "Merged into", "members": "Members",
}
# Every recorded field as a clerk reads it: the window's History tabs and the `history` command.
FIELD_LABELS = {
    **MATERIAL_LABELS, "deleted_at": "Moved to the Trash on",
    "held_on": "Date held", "start_time": "Start time", "end_time": "End time", "place": "Place", "host": "Host",
    "agenda": "Agenda", "learnings_ours": "What we learned", "learnings_theirs": "What they learned",
    "follow_up": "Follow-up", "attendance_sha256": "Attendance sheet (file)", "attendance_name": "Attendance sheet",
    "material_id": "Material", "channel": "Channel", "distributed_on": "Distributed on",
    "evidence_link": "Evidence link", "evidence_sha256": "Evidence (file)", "evidence_name": "Evidence file",
    "note": "Note",
    **CHANGE_LABELS,
}
# Recorded fields that hold a vocabulary key, and the vocabulary that gives their word.
WORDS = {**{("material", name): name for name in vocab.MATERIAL_FIELDS},
         ("session", "format"): "session_format", ("channel", "channel"): "channel"}
ENTITY_LABELS = {"material": "Material", "session": "Exchange activity", "channel": "Distribution channel",
                 "community": "Community of practice",
                 "agency": "Partner agency", "borrower": "Borrower", "import": "An import"}


@dataclass
class Change:
    id: int
    entity: str
    entity_id: int
    action: str
    changed_at: str  # ISO 8601, UTC
    changes: dict  # field -> [old, new]; for "imported": {"count": n, "file": name}


# ---------------------------------------------------------------- reading and writing

def history_of(db, entity: str, entity_id: int) -> list[Change]:
    """Every change of one record, newest first, ending with its creation while the record exists."""
    rows = db.execute(
        "SELECT id, entity, entity_id, action, changed_at, changes FROM history "
        "WHERE entity = ? AND entity_id = ? ORDER BY id DESC", [entity, entity_id]).fetchall()
    changes = [_change(row) for row in rows]
    table = TABLES.get(entity)
    created = db.execute(f"SELECT created_at FROM {table} WHERE id = ?", [entity_id]).fetchone() if table else None
    if created and not any(c.action == "created" for c in changes):
        changes.append(Change(0, entity, entity_id, "created", created[0], {}))
    return changes


def recent(db, limit: int = 200) -> list[Change]:
    rows = db.execute("SELECT id, entity, entity_id, action, changed_at, changes FROM history "
                      "ORDER BY id DESC LIMIT ?", [limit]).fetchall()
    return [_change(row) for row in rows]


def _change(row) -> Change:
    return Change(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]) if row[5] else {})


def record_import(db, count: int, file_name: str) -> None:
    """One summary entry for an import, naming the file and how many materials it added."""
    with db.atomic():
        db.execute(f"INSERT INTO history(entity, entity_id, action, changed_at, changes) "
                   f"VALUES ('import', 0, 'imported', {NOW_SQL}, ?)",
                   [json.dumps({"count": count, "file": file_name}, ensure_ascii=False)])


def record_change(db, entity: str, entity_id: int, changes: dict, action: str = "updated") -> None:
    """One entry of what no trigger sees, shaped as the triggers write them ({field: [old, new]}).

    Call it inside the caller's transaction: a save rolled back takes its entry with it. An update that
    changed nothing writes nothing.
    """
    if not changes and action == "updated":
        return
    with db.atomic():
        db.execute(f"INSERT INTO history(entity, entity_id, action, changed_at, changes) "
                   f"VALUES (?, ?, ?, {NOW_SQL}, ?)",
                   [entity, entity_id, action, json.dumps(changes, ensure_ascii=False)])


def action_label(action: str) -> str:
    labels = {"created": _("Created"), "updated": _("Changed"), "deleted": _("Moved to the Trash"),
              "restored": _("Restored from the Trash"), "purged": _("Deleted for good"),
              "imported": _("Imported"), "merged": _("Merged into another")}
    return labels.get(action, action)


def field_label(name: str) -> str:
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def entity_label(entity: str) -> str:
    return _(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def describe(change: Change, field_label=lambda name: name) -> list[str]:
    """The changed fields as lines a clerk reads: “Title: old → new”."""
    if change.action == "imported":
        return [tr("{count} materials from “{file}”", count=change.changes.get("count", 0),
                   file=change.changes.get("file", ""))]
    if change.action in ("created", "deleted", "restored"):
        return []
    lines = []
    for name, pair in change.changes.items():
        old, new = (list(pair) + [None, None])[:2]
        old, new = (_word_for(change.entity, name, value) for value in (old, new))
        if change.action == "purged":
            if old not in (None, ""):
                lines.append(f"{field_label(name)}: {_shown(old)}")
        elif name in LIST_SEPARATORS:
            lines += _list_change(field_label(name), old, new, LIST_SEPARATORS[name])
        else:
            lines.append(f"{field_label(name)}: {_shown(old)} → {_shown(new)}")
    return lines


def _word_for(entity: str, name: str, value):
    """A stored key as the clerk's word (on_loan → ยืมอยู่; a session's format: visit → ศึกษาดูงาน)."""
    if not isinstance(value, str) or not value:
        return value
    vocabulary = WORDS.get((entity, name))
    return vocab.word(vocabulary, value) if vocabulary else value


def _list_change(label: str, old: str, new: str, separator: str) -> list[str]:
    """A list said item by item: what left, what came, and an item that changed as “old” → “new”
    (a photo's caption, an agency's head count). Old → new whole when only the order changed."""
    before, after = (text.split(separator) if text else [] for text in (old, new))
    added = [item for item in after if item not in before]
    lines = []
    for item in (item for item in before if item not in after):
        twin = next((a for a in added if _item_key(a) == _item_key(item)), None)
        if twin is None:
            lines.append(tr("{field}: removed “{item}”", field=label, item=item))
        else:
            added.remove(twin)
            lines.append(f"{label}: “{item}” → “{twin}”")
    lines += [tr("{field}: added “{item}”", field=label, item=item) for item in added]
    return lines or [f"{label}: {old} → {new}"]


def _item_key(item: str) -> str:
    """What names a list item: a person's name, a photo's file, the agency of a head count."""
    return re.split(r", | \(|: ", item, maxsplit=1)[0]


def _shown(value) -> str:
    if value is None or value == "":
        return _("(empty)")
    return str(value)
