"""Which materials get labels, and what was printed before ("not yet labelled"). No Qt here."""
from __future__ import annotations

from datetime import datetime, timezone

from lo_desktop.core.errors import UserError
from lo_desktop.core.catalog.search import Query, fetch_by_ids, search_ids
from lo_desktop.i18n import _, tr
from lo_desktop.labels import usage

CHOICES = ("selection", "filter", "unlabelled", "all")
CHUNK = 900  # stay under SQLite's limit on bound parameters


def record_prints(db, material_ids: list[int], sheet_id: str) -> None:
    """Remember that these materials got a label now (each once, however many copies)."""
    when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = [{"material_id": i, "printed_at": when, "sheet_id": sheet_id} for i in dict.fromkeys(material_ids)]
    with db.atomic():
        db["label_prints"].insert_all(rows)


def record_printed(db, sheet, material_ids: list[int], copies: int, start: int, used=()) -> frozenset[int]:
    """The bookkeeping after a print or PDF succeeded, in one transaction: these materials got labels
    (``material_ids`` as placed, one per label run: a code asked twice took two runs) and the sheet left
    in the tray has the positions returned taken (see usage.py). ``start`` and ``used`` are the job's."""
    with db.atomic():
        record_prints(db, material_ids, sheet.id)
        return frozenset(usage.record_print(db, sheet, len(material_ids), copies, start, used))


def labelled_ids(db) -> set[int]:
    return {r[0] for r in db.execute("SELECT DISTINCT material_id FROM label_prints").fetchall()}


def unlabelled_ids(db, query: Query | None = None) -> list[int]:
    done = labelled_ids(db)
    return [i for i in search_ids(db, query or Query()) if i not in done]


def chosen_ids(db, choice: str, selection: list[int] | None = None, query: Query | None = None) -> list[int]:
    """The material ids of a choice in the labels dialog, in catalog order."""
    if choice == "selection":
        return list(selection or [])
    if choice == "filter":
        return search_ids(db, query or Query())
    if choice == "unlabelled":
        return unlabelled_ids(db)
    return search_ids(db, Query())


def materials(db, ids: list[int]) -> list:
    """The materials of ``ids``, in that order; ids that no longer exist are left out."""
    found = {}
    for start in range(0, len(ids), CHUNK):
        found.update(fetch_by_ids(db, ids[start:start + CHUNK]))
    return [found[i] for i in ids if i in found and not found[i].deleted_at]


def by_codes(db, codes: list[str]) -> list:
    """Materials by code, in the order given; an unknown code is an error naming it."""
    from lo_desktop.core.catalog.materials import get_material

    result, missing = [], []
    for code in [c.strip() for c in codes if c.strip()]:
        material = get_material(db, code)
        (result.append(material) if material else missing.append(code))
    if missing:
        raise UserError(tr("No material has the code {codes}.", codes=", ".join(missing)))
    if not result:
        raise UserError(_("No materials to print labels for: choose at least one."))
    return result
