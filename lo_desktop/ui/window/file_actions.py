"""File and Help menus: new/open database, import, export, settings, quit, user guide, about.

Opening another database replaces the main window with a new one over that file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog

from lo_desktop.core.errors import NoDatabase, UserError
from lo_desktop.i18n import _, language, set_language
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.state import window_settings

DB_FILTER = "lo-desktop (*.db *.sqlite)"
LAST_DB_KEY = "database/last"


class FileActions:
    def __init__(self, window, open_window):
        self.window = window
        self._open_window = open_window  # ui/window/main_window.open_window, handed in: no import cycle

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def install(self) -> None:
        add = self.window.add_menu_action
        add("file", self._action(_("New database…"), self.new_database, name="new_database"))
        add("file", self._action(_("Open database…"), self.open_database, QKeySequence.StandardKey.Open,
                                 "open_database"))
        add("file", None)
        add("file", self._action(_("Import…"), self.import_materials, name="import"))
        add("file", self._action(_("Export…"), self.export_materials, name="export"))
        add("file", None)
        add("file", self._action(_("Settings…"), self.edit_settings, name="settings"))
        add("file", None)
        add("file", self._action(_("Quit"), self.window.close, QKeySequence.StandardKey.Quit, "quit"))

    def install_help(self) -> None:
        add = self.window.add_menu_action
        add("help", self._action(_("User guide"), self.show_guide, QKeySequence.StandardKey.HelpContents, "guide"))
        add("help", self._action(_("About lo-desktop"), self.show_about, name="about"))

    # --- databases ---------------------------------------------------------------------------------
    def new_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self.window, _("New database"), _start_folder(), DB_FILTER)
        if path:
            if not path.lower().endswith((".db", ".sqlite")):
                path += ".db"
            if Path(path).exists():
                messages.show_info(self.window, _("That file already exists; choose Open database to use it."))
                return
            self.switch_to(Path(path), create=True)

    def open_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window, _("Open database"), _start_folder(), DB_FILTER)
        if path:
            self.switch_to(Path(path))

    def switch_to(self, path: Path, create: bool = False):
        """Open ``path`` in a new main window and close this one; on a refusal keep this one.

        The new window is built after the corner's language is applied (core/corner.py), so a database
        whose settings say English opens in English. The new database's lock is taken before this one's
        is let go: one window per database holds across the switch (a database open in another window is
        refused and brought forward). Reopening this window's own database (after a restore) keeps its lock.
        """
        from lo_desktop.core.corner import open_corner
        from lo_desktop.ui.window.single_instance import guard

        spoken = language()
        try:
            corner = open_corner(path, create=create)  # an older database is backed up first
        except NoDatabase as exc:  # an empty or missing file never quietly becomes an empty catalog
            set_language(spoken)
            return self.switch_to(path, create=True) if confirm_create(self.window, exc) else None
        except UserError as exc:
            set_language(spoken)
            messages.show_error(self.window, exc)
            return None
        old = getattr(self.window, "instance", None)
        instance = old if old is not None and _same_file(old.db_file, corner.path) else guard(corner.db)
        if instance is None:
            corner.close()
            set_language(spoken)  # this window stays, in its own language
            return None
        remember_database(corner.path)
        window = self._open_window(corner, instance)
        if self.window.close():
            self.window.db.close()  # the old file is free again (Windows refuses to move or copy an open one)
        if old is not None and old is not instance:
            old.release()
        return window

    # --- other dialogs (lazy: only built when asked for) ------------------------------------------
    def import_materials(self) -> None:
        from lo_desktop.ui.catalog.transfer_dialogs import ImportDialog

        if ImportDialog(self.window.db, self.window.settings, self.window).exec() == QDialog.DialogCode.Accepted:
            self.window.page("catalog").refresh()

    def export_materials(self) -> None:
        from lo_desktop.ui.catalog.transfer_dialogs import export_materials

        export_materials(self.window, self.window.db, self.window.page("catalog").query())

    def edit_settings(self) -> None:
        from lo_desktop.ui.window.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.db, self.window.settings, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        apply_settings(self.window, dialog.settings)  # the dialog itself says when a new language applies

    def show_guide(self) -> None:
        from lo_desktop.ui.window.help_dialogs import GuideDialog

        GuideDialog(self.window).exec()

    def show_about(self) -> None:
        from lo_desktop.ui.window.help_dialogs import show_about

        show_about(self.window)


def _same_file(a: Path, b: Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def remember_database(path: Path) -> None:
    window_settings().setValue(LAST_DB_KEY, str(Path(path).resolve()))


def _start_folder() -> str:
    last = window_settings().value(LAST_DB_KEY)
    return str(Path(last).parent) if last else str(Path.home())


def apply_settings(window, chosen) -> None:
    """The window and every open page share one Settings object: it is changed in place (a new object
    left the open pages on the old agency type, code pattern and loan days until a restart), then the
    pages that show something the settings decide (the indicator, the session list) read again."""
    for name in vars(chosen):
        setattr(window.settings, name, getattr(chosen, name))
    sessions, dashboard = window.open_page("sessions"), window.open_page("dashboard")
    if sessions is not None:
        sessions.refresh(sessions.current_id())
    if dashboard is not None:
        dashboard.refresh()


def confirm_create(parent, exc: NoDatabase) -> bool:
    """Ask before a missing or empty file becomes a new, empty database (the command line wants --create)."""
    return messages.confirm(parent, f"{exc}\n\n" + _("Start a new, empty database there?"))
