"""A ``.lobackup`` or ``.lopackage`` handed to the program: a double-click in Explorer (the installer's file
associations, packaging/lo-desktop.iss) starts ``lo-desktop FILE`` (cli.split_file_argument).

The window does what the File menu would do with that file: offers to restore the backup (the same
question as File ▸ Restore) or previews the package before importing it. When the database is open in
a running window already, the file is passed to that window (ui/window/single_instance.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import tr
from lo_desktop.ui.common import messages


def open_file(window, path: str | Path):
    """Offer to restore a full backup, or preview an exchange package; anything else is said plainly."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        messages.show_error(window, UserError(tr("The file “{path}” was not found.", path=path)))
        return None
    if suffix == ".lobackup":
        return window.safety_actions.restore_from(path)  # asks first; the current database is backed up
    if suffix == ".lopackage":
        return window.package_actions.preview(path)  # shows what is new before anything is added
    messages.show_error(window, UserError(tr("lo-desktop cannot open “{name}”.", name=path.name)))
    return None


def open_file_later(window, path: str | Path) -> None:
    """Once the window is on screen and the event loop runs (the restore and preview run as tasks)."""
    QTimer.singleShot(0, lambda: open_file(window, path))
