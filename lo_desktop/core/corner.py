"""Opening a corner: the one way the command line, the window's start and File ▸ Open get a database.

``open_corner(path)`` opens (or creates) the database, backing an older one up before its schema is
upgraded, makes the day's first backup, loads the sample for the demo corner, reads the settings and
applies their language, so whatever is printed or built afterwards speaks the corner's language. A
failed daily backup does not stop the work: it is kept in ``Corner.warnings`` for the caller to show.

Nothing here takes the one-window lock (ui/single_instance.py): the command line may run beside an open
window, and restore takes the lock itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lo_desktop.core.leftovers import remove_stale_parts
from lo_desktop.core.safety.backup import backups_dir, before_migrate, daily_backup
from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.errors import UserError
from lo_desktop.i18n import set_language, tr
from lo_desktop.paths import files_dir
from lo_desktop.settings import Settings, load_settings


@dataclass
class Corner:
    """An open database with its settings; ``warnings`` are sentences to show, nothing failed."""

    path: Path
    db: object  # sqlite_utils.Database
    settings: Settings
    warnings: list[str] = field(default_factory=list)

    def reload_settings(self) -> Settings:
        """Read the settings again (after a change) and apply their language."""
        self.settings = load_settings(self.db)
        set_language(self.settings.language)
        return self.settings

    def close(self) -> None:
        self.db.close()


def open_corner(path: str | Path, *, demo: bool = False, create: bool = True) -> Corner:
    """Open (or, when ``create``, create) the database at ``path`` with its settings and language applied.
    Without ``create`` a missing or empty file is refused (errors.NoDatabase) and nothing is made.

    An older database is backed up before it is upgraded, the first opening of the day backs it up, and
    ``demo`` fills in the sample corner.
    """
    path = Path(path).expanduser()
    db = open_database(path, before_migrate=before_migrate, create=create)
    try:
        corner = Corner(path, db, load_settings(db))
        set_language(corner.settings.language)  # first, so the backup's warning is in the corner's language
        corner.warnings += _daily_backup(path, corner.settings.backups_kept)
        corner.warnings += _clean_leftovers(path)
        if demo:
            from lo_desktop.core.sample.corner import load_demo

            load_demo(db)
            corner.reload_settings()
    except BaseException:
        db.close()
        raise
    return corner


def adopt(db) -> Corner:
    """A Corner over a database opened elsewhere (tests, benchmarks): settings read, language applied."""
    corner = Corner(db_path(db) or Path(":memory:"), db, load_settings(db))
    set_language(corner.settings.language)
    return corner


def _clean_leftovers(path: Path) -> list[str]:
    """Part files a program killed halfway left beside this database (core/leftovers.py): removed, and said."""
    cleaned = remove_stale_parts(files_dir(path), backups_dir(path))
    if not cleaned.files:
        return []
    return [tr("Removed {count} unfinished copies ({size} MB) left when lo-desktop was stopped.",
               count=cleaned.files, size=f"{cleaned.size / 1024 / 1024:,.1f}")]


def _daily_backup(path: Path, keep: int) -> list[str]:
    try:
        daily_backup(path, keep=keep)
    except UserError as exc:  # no backup today is worth a warning, never a refusal to open
        return [str(exc)]
    return []
