"""Exchange-package actions: export a session or chosen materials, preview a package, import it.

The command line (commands/package.py) and the window (ui/package_dialogs.py) call these and nothing
else. Export writes one file atomically and changes nothing here; import is the action that changes the
catalog: a backup first (only when something is new), the files stored, then the materials, the session
and one history entry in one transaction. Each takes an optional ``progress`` that reports and cancels.
"""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.exchange import package
from lo_desktop.core.safety.backup import backup_before
from lo_desktop.core.safety.history import record_import
from lo_desktop.core.exchange.package_import import (
    ImportResult, PackagePreview, add_package_records, open_package, plan_import, preview_package,
    store_package_files)
from lo_desktop.core.progress import Progress


def export_session_package(db, session_id: int, out: str | Path, progress: Progress | None = None) -> Path:
    """Pack one exchange session (not in the Trash) with its materials, attachments and photos into ``out``."""
    return package.export_session(db, session_id, out, progress)


def export_materials_package(db, codes: list[str], out: str | Path, progress: Progress | None = None) -> Path:
    """Pack the materials of these codes with their attachments into ``out``; an unknown code refuses."""
    return package.export_materials(db, codes, out, progress)


def preview_exchange_package(db, path: str | Path, progress: Progress | None = None) -> PackagePreview:
    """What importing the package would add, keep and renumber; the package is verified, nothing changes."""
    return preview_package(db, path, progress)


def import_exchange_package(db, path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Add what is new in the package: backup, files, then records and history in one transaction.

    A package holding nothing new changes nothing (no backup, no history entry).
    """
    with open_package(path, progress) as archive:
        plan = plan_import(db, archive)
        if plan.nothing_new:
            return ImportResult(plan)
        backup = backup_before(db, "import")
        store_package_files(db, archive, plan, progress)
        if progress is not None:
            progress.check()  # the last moment a Cancel leaves the catalog as it was
        with db.atomic():
            result = add_package_records(db, archive)
            record_import(db, result.added, Path(path).name)
    result.backup = backup
    return result
