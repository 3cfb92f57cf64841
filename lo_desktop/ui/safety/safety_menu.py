"""File-menu entries for data safety: back up now, save a backup copy, restore, test-restore, check the database.

Each long step runs through ui/tasks.run_task (progress, cancel, errors as one sentence). After a restore
the window is rebuilt over the restored database, so every page shows what is now in it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout)

from lo_desktop.core.safety import backup
from lo_desktop.core.safety import integrity
from lo_desktop.core.safety import actions as safety
from lo_desktop.core.db import db_path
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, size_text, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.tasks import run_task, show_status

BACKUP_FILTER = "lo-desktop backup (*.lobackup *.db)"  # English source; shown through _()
FULL_BACKUP_FILTER = "lo-desktop full backup (*.lobackup)"


def install(window) -> None:
    window.safety_actions = SafetyActions(window)
    window.add_file_actions(window.safety_actions.actions())


class SafetyActions:
    def __init__(self, window):
        self.window = window
        self.backup = self._action(_("Back up now"), self.backup_now, "backup")
        self.save_copy = self._action(_("Save a full backup (with attachments and photos) as…"),
                                      self.save_backup_copy, "backup_copy")
        self.restore = self._action(_("Restore from a backup…"), self.choose_restore, "restore")
        self.test_restore = self._action(_("Test-restore a backup…"), self.choose_test_restore, "test_restore")
        self.check = self._action(_("Check the database…"), self.check_database, "check")

    def actions(self) -> list[QAction]:
        return [self.backup, self.save_copy, self.restore, self.test_restore, self.check]

    def _action(self, text: str, slot, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def path(self) -> Path:
        return db_path(self.window.db)

    # --- backup ---------------------------------------------------------------------------------
    def backup_now(self):
        db = self.window.db
        return run_task(self.window, _("Backing up…"), lambda _p: safety.back_up(db), on_done=self._backed_up)

    def _backed_up(self, path: Path) -> None:
        show_status(self.window, tr("Backed up to {path}.", path=path))

    def save_backup_copy(self):
        from lo_desktop.core.safety.full_backup import SUFFIX

        start = str(Path.home() / f"{self.path.stem}-backup{SUFFIX}")
        out, _filter = QFileDialog.getSaveFileName(self.window, _("Save a backup copy"), start, _(FULL_BACKUP_FILTER))
        if not out:
            return None
        db = self.window.db
        return run_task(self.window, _("Backing up…"), lambda p: safety.save_full_backup(db, out, p),
                        on_done=self._full_backed_up, output_path=None)

    def _full_backed_up(self, result) -> None:
        text = tr("Backed up the database and {count} files to {path} ({size} MB).", count=result.files,
                  path=result.path, size=f"{result.size / 1024 / 1024:,.1f}")
        if result.skipped:
            text += " " + tr("Not in the backup (missing or changed in the files folder): {names}.",
                             names=", ".join(result.skipped))
            messages.show_info(self.window, text)
        show_status(self.window, text)

    # --- restore --------------------------------------------------------------------------------
    def choose_restore(self):
        dialog = RestoreDialog(self.path, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        return self.restore_from(dialog.chosen)

    def restore_from(self, candidate: Path, ask: bool = True):
        question = tr("Replace the current database with “{name}”? The current database is backed up first, "
                      "so this can be undone by restoring that backup.", name=candidate.name)
        if ask and not messages.confirm(self.window, question):
            return None
        # This window holds the database's lock (ui/single_instance.py); no other program has it open.
        restore = lambda p: safety.restore_backup(self.path, candidate, p, lock_held=True)  # noqa: E731
        return run_task(self.window, _("Restoring…"), restore, on_done=self._restored)

    def _restored(self, saved: Path | None) -> None:
        window = self.window.file_actions.switch_to(self.path) or self.window
        text = _("The backup was restored.")
        if saved is not None:
            text += " " + tr("The database as it was before is kept in {path}.", path=saved)
        messages.show_info(window, text)

    # --- test restore: prove a backup is good, leaving the database alone ---------------------------
    def choose_test_restore(self):
        folder = backup.backups_dir(self.path)
        start = folder if folder.is_dir() else Path.home()
        chosen, _filter = QFileDialog.getOpenFileName(self.window, _("Test-restore a backup"), str(start),
                                                      _(BACKUP_FILTER))
        return self.test_restore_from(Path(chosen)) if chosen else None

    def test_restore_from(self, candidate: Path):
        return run_task(self.window, _("Test-restoring the backup…"),
                        lambda p: safety.run_restore_drill(candidate, self.path, progress=p),
                        on_done=self._test_restored)

    def _test_restored(self, result) -> None:
        show = messages.show_info if result.ok else messages.show_warning
        show(self.window, result.message(), _("Test-restore a backup"))

    # --- check ----------------------------------------------------------------------------------
    def check_database(self):
        db = self.window.db
        return run_task(self.window, _("Checking the database…"), lambda p: safety.check_database(db, p),
                        on_done=self._show_report)

    def _show_report(self, report: integrity.Report) -> None:
        CheckDialog(self, report).exec()


class RestoreDialog(QDialog):
    """The backups of this database, newest first, or another file the clerk picks."""

    def __init__(self, db_file: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Restore from a backup"))
        self.db_file, self.chosen = db_file, None
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for info in backup.list_backups(db_file):
            item = QListWidgetItem(backup_text(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = messages.dialog_buttons(self, "Ok", "Cancel", ok_text=_("Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.count() > 0)
        other = buttons.addButton(_("Another file…"), QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self.choose_file)
        folder = buttons.addButton(_("Open the backups folder"), QDialogButtonBox.ButtonRole.HelpRole)
        folder.clicked.connect(self.open_folder)
        layout = QVBoxLayout(self)
        note = _("Choose the backup to bring back. The current database is backed up first.")
        layout.addWidget(QLabel(note if self.list.count() else _("There are no backups of this database yet.")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def accept(self) -> None:
        item = self.list.currentItem()
        if self.chosen is None and item is not None:
            self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        super().accept()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Restore from a backup"),
                                                    str(backup.backups_dir(self.db_file)), _(BACKUP_FILTER))
        if path:
            self.chosen = Path(path)
            super().accept()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup.backups_dir(self.db_file))))


def backup_text(info: backup.BackupInfo) -> str:
    when = f"{format_date(info.taken_at.date())} {info.taken_at:%H:%M}"
    reason = backup.reason_label(info.reason)
    return f"{when}  ·  {reason}  ·  {size_text(info.size)}"


class CheckDialog(QDialog):
    """The result of the check in plain sentences, with the repairs that apply."""

    def __init__(self, actions: SafetyActions, report: integrity.Report):
        super().__init__(actions.window)
        self.actions, self.report = actions, report
        self.setWindowTitle(_("Check the database"))
        self.summary = QLabel(report.summary())
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("problemList")
        self.problems.addItems([p.text for p in report.problems])
        self.problems.setVisible(not report.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        self.buttons = messages.dialog_buttons(self, "Close")
        self.repair_buttons = {}
        self._add_repair("relink", _("Find the missing files in a folder…"), self.relink)
        self._add_repair("remove_orphan", _("Remove the orphaned files…"), self.remove_orphans)
        self._add_repair("rebuild_search", _("Rebuild the search index"), self.rebuild_search)
        self._add_repair("restore_backup", _("Restore from a backup…"), self.restore)
        layout.addWidget(self.buttons)
        self.resize(640, 420 if not report.ok else 160)

    def _add_repair(self, repair: str, text: str, slot) -> None:
        if any(p.repair == repair for p in self.report.problems):
            button = QPushButton(text)
            button.setObjectName(f"repair_{repair}")
            button.clicked.connect(lambda _checked=False: slot())
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self.repair_buttons[repair] = button

    def _after(self, title: str, work, done_text) -> None:
        def finished(result) -> None:
            messages.show_info(self, done_text(result))
            self.accept()
            self.actions.check_database()

        run_task(self, title, work, on_done=finished)

    def relink(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Where are the missing files?"), str(Path.home()))
        if folder:
            db = self.actions.window.db
            self._after(_("Looking for the missing files…"), lambda p: safety.relink_missing_files(db, folder, p),
                        lambda n: tr("{count} missing files found and put back.", count=n))

    def remove_orphans(self) -> None:
        count = len(self.report.of_kind("orphan"))
        if messages.confirm(self, tr("Delete {count} files that no record uses? Older backups may still name "
                                     "them.", count=count)):
            db = self.actions.window.db
            self._after(_("Removing orphaned files…"), lambda _p: safety.remove_orphaned_files(db),
                        lambda n: tr("{count} orphaned files removed.", count=n))

    def rebuild_search(self) -> None:
        db = self.actions.window.db
        self._after(_("Rebuilding the search index…"), lambda _p: safety.rebuild_search_index(db),
                    lambda _r: _("The search index was rebuilt."))

    def restore(self) -> None:
        self.accept()
        self.actions.choose_restore()
