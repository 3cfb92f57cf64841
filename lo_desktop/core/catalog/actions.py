"""Every catalog action a clerk takes, each as one function that does all of it.

The command line and the window call these, and nothing else, to change the catalog: each function
checks, backs the database up before a change that touches many rows or cannot be undone (an import, a
purge), writes, and leaves the history entry. The triggers of history.py record edits, moves to the
Trash, restores and purges by themselves; an import adds its one summary entry here. Anything the user
can cause raises UserError with one translated sentence.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.catalog import attachments
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog import transfer
from lo_desktop.core.safety.backup import backup_before
from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.history import record_import
from lo_desktop.core.progress import Progress
from lo_desktop.core.records import Attachment, Material
from lo_desktop.core.catalog.search import Query
from lo_desktop.i18n import _, tr

PURGE_BACKUP = "purge"  # the reason in the backup's file name


def code_pattern(db) -> str:
    """The pattern new codes follow, from the database's settings."""
    from lo_desktop.settings import load_settings

    return load_settings(db).code_pattern


def material_by_code(db, code: str, in_trash: bool = False) -> Material:
    """The material with ``code`` (outside the Trash, or in it when ``in_trash``); UserError otherwise."""
    material = catalog.get_material(db, code, include_deleted=in_trash)
    if material is None:
        raise UserError(tr("There is no material with the code {code}.", code=code))
    if in_trash and material.deleted_at is None:
        raise UserError(tr("{code} is not in the Trash.", code=material.code))
    return material


# ---------------------------------------------------------------- import and export

@dataclass
class ImportResult:
    check: transfer.ImportCheck
    imported: int = 0
    backup: Path | None = None  # taken before writing; None for a dry run or an in-memory database


class ImportRefused(UserError):
    """Rows have problems and the clerk did not ask to skip them; nothing was written (``check`` lists them)."""

    def __init__(self, check: transfer.ImportCheck):
        self.check = check
        super().__init__(tr("{count} rows have problems; nothing was imported.", count=len(check.problems)))


@dataclass(frozen=True)
class ImportChoices:
    """What the clerk chose about a file, else found: the sheet (name or 1-based number), the row of
    column names (1-based), and columns by name ("หัวคอลัมน์" → field) over the recognised ones."""
    sheet: str | None = None
    header_row: int | None = None
    columns: dict[str, str] | None = None


def check_import(db, path: str | Path, mapping: dict[int, str] | None = None,
                 progress: Progress | None = None, choices: ImportChoices = ImportChoices()) -> transfer.ImportCheck:
    """Read a register (Excel, LibreOffice, CSV or Unicode text) and check every row against the
    catalog; writes nothing. Columns are recognised by their names unless ``mapping`` (column index →
    field) says otherwise; ``choices`` names the sheet, the row of column names and columns by name."""
    table = transfer.read_table(path, choices.sheet, choices.header_row)
    chosen = mapping if mapping is not None else transfer.guess_mapping(table.headers)
    if choices.columns:
        chosen = transfer.mapping_by_names(table.headers, choices.columns, chosen)
    return transfer.check_rows(db, table, chosen, progress)


def import_materials(db, path: str | Path, *, check: transfer.ImportCheck | None = None,
                     skip_invalid: bool = False, dry_run: bool = False, pattern: str | None = None,
                     choices: ImportChoices = ImportChoices(), progress: Progress | None = None) -> ImportResult:
    """Import a register end to end.

    Reads and checks every row (or takes ``check``: the window's check of this file, with the sheet,
    row and columns the clerk chose; else ``choices`` says them). Rows that are not materials (totals,
    notes, signatures, blank rows) are skipped and listed in the check. A dry run stops there.
    Otherwise a row with a problem refuses the whole import (ImportRefused) unless ``skip_invalid``;
    then the database is backed up, and the good rows and one history entry naming the file are
    written in one transaction, so cancelling leaves neither.
    """
    if check is None:
        check = check_import(db, path, progress=progress, choices=choices)
    if dry_run:
        return ImportResult(check)
    if check.problems and not skip_invalid:
        raise ImportRefused(check)
    if not check.good:
        raise UserError(_("No row of the file can be imported: nothing was written."))
    backup = backup_before(db, "import")
    pattern = pattern or code_pattern(db)
    try:
        with db.atomic():  # the blank codes are numbered in here, under the write lock
            count = transfer.import_rows(db, check, skip_invalid=True, pattern=pattern, progress=progress)
            record_import(db, count, Path(path).name)
    except sqlite3.IntegrityError as exc:
        # The list's own codes were free when checked; another program took one before this write.
        raise UserError(_("Another program added a material with one of this list's codes meanwhile; "
                          "nothing was imported. Import the list again to see which.")) from exc
    return ImportResult(check, count, backup)


def export_materials(db, path: str | Path, query: Query | None = None, progress: Progress | None = None) -> int:
    """Write the materials ``query`` finds (every one outside the Trash by default) to a .csv or .xlsx
    file, whole or not at all; returns how many."""
    return transfer.export_materials(db, query or Query(), path, progress)


# ---------------------------------------------------------------- one material

def add_material(db, material: Material, files: Iterable[str | Path] = (), pattern: str | None = None) -> Material:
    """Check and add a new material with its files, in one transaction: a file that cannot be stored
    leaves no material behind. An empty code takes the next code of the pattern (the settings' by
    default). The files' text is read afterwards by attachment_index.index_pending."""
    with db.atomic():
        saved = catalog.add_material(db, material, pattern or code_pattern(db))
        _store_files(db, saved.id, files)
    return saved


def edit_material(db, material: Material, files: Iterable[str | Path] = (), removed_attachments: Iterable[int] = (),
                  pattern: str | None = None) -> Material:
    """Check and save a stored material's values, with files added and attachments removed, in one
    transaction. An emptied code takes the next code of the pattern. The history trigger records every
    changed field (old and new)."""
    with db.atomic():  # the next code is taken under the write lock: two programs never get the same one
        code = material.code.strip() or catalog.next_code(db, pattern or code_pattern(db))
        saved = catalog.update_material(db, replace(material, code=code))
        _store_files(db, saved.id, files)
        for attachment_id in removed_attachments:
            attachments.remove_attachment(db, attachment_id)
    return saved


def _store_files(db, material_id: int, files: Iterable[str | Path]) -> None:
    for path in files:
        attachments.add_attachment(db, material_id, path)


def delete_materials(db, material_ids: Iterable[int]) -> int:
    """Move materials to the Trash in one transaction (restore_materials brings them back); returns how
    many moved. Nothing is lost until the Trash is emptied, so no backup."""
    with db.atomic():
        return sum(catalog.delete_material(db, material_id) for material_id in material_ids)


def restore_materials(db, material_ids: Iterable[int]) -> int:
    """Bring materials back from the Trash in one transaction; returns how many came back."""
    with db.atomic():
        return sum(catalog.restore_material(db, material_id) for material_id in material_ids)


def purge_materials(db, material_ids: Iterable[int]) -> int:
    """Delete materials in the Trash for good, after one backup, in one transaction: their attachments,
    loans and channels go with them (their last values stay in the history). Refused, with nothing
    deleted, when one of them is not in the Trash. Returns how many."""
    ids = list(material_ids)
    for material_id in ids:
        material = catalog.get_material_by_id(db, material_id)
        if material is None:
            raise UserError(_("This material no longer exists."))
        if material.deleted_at is None:
            raise UserError(tr("{code} is not in the Trash: only a material in the Trash can be deleted "
                               "for good.", code=material.code))
    if not ids:
        return 0
    backup_before(db, PURGE_BACKUP)
    with db.atomic():
        return sum(catalog.purge_material(db, material_id) for material_id in ids)


def empty_trash(db) -> int:
    """Delete for good every material in the Trash, after one backup; returns how many (an empty Trash
    changes nothing and is not backed up)."""
    if db.execute("SELECT 1 FROM materials WHERE deleted_at IS NOT NULL LIMIT 1").fetchone() is None:
        return 0
    backup_before(db, PURGE_BACKUP)
    return catalog.empty_trash(db)


# ---------------------------------------------------------------- attachments

@dataclass
class Attached:
    attachment: Attachment
    status: str = "pending"  # once read: ok, empty (no text layer) or failed
    error: str = ""


def attach_file(db, material_id: int, path: str | Path, read_text: bool = True) -> Attached:
    """Copy a file into the corner's file store and list it under the material; then, when ``read_text``,
    read its text so searches find it (after the write, outside any transaction, as index_pending does).
    The window passes read_text=False: its background reader runs index_pending, which ends the same."""
    material = catalog.get_material_by_id(db, material_id)
    if material is None or material.deleted_at is not None:
        raise UserError(_("This material no longer exists."))
    attachment = attachments.add_attachment(db, material_id, path)
    if not read_text:
        return Attached(attachment)
    try:
        status, error = attachment_index.index_attachment(db, attachment)
    except (sqlite3.Error, RecursionError, MemoryError):
        # The file is attached (saved above): failing now would make a clerk attach it twice. Its text
        # stays "pending" for the window's background reader or `index-files` to read later.
        return Attached(attachment, "pending")
    return Attached(attachment, status, error)


def remove_attachment(db, attachment_id: int) -> None:
    """Take a file off its material and out of the search; the stored file stays until no record uses
    it (the integrity check removes it)."""
    with db.atomic():
        if db.execute("SELECT 1 FROM attachments WHERE id = ?", [attachment_id]).fetchone() is None:
            raise UserError(_("This file is no longer attached."))
        attachments.remove_attachment(db, attachment_id)


def attachment_named(db, material: Material, name: str) -> Attachment:
    """The material's attachment called ``name`` (the last one attached, if several); UserError otherwise."""
    found = [a for a in attachments.attachments_of(db, material.id) if a.name.casefold() == name.casefold()]
    if not found:
        raise UserError(tr("{code} has no file named “{name}”.", code=material.code, name=name))
    return found[-1]
