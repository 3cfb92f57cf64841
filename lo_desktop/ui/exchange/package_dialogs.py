"""File ▸ Export exchange package… / Import exchange package…

Export packs one exchange session or the materials selected in the catalog, with their files, into one
``.lopackage`` for a partner corner. Import reads the package (every file's fingerprint is checked) and
shows a preview — what is new, what is here already, which codes will change — before anything is
added. Both run through ui/tasks.run_task, calling core/exchange_actions like the command line.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QLabel, QRadioButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from lo_desktop.core.exchange import actions as exchange_actions
from lo_desktop.core.exchange import package
from lo_desktop.core.exchange.package_import import PackagePreview
from lo_desktop.core.indicator.sessions import list_sessions
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.state import window_settings
from lo_desktop.ui.common.tasks import run_task

FILTER = "lo-desktop exchange package (*.lopackage)"
FOLDER_KEY = "package/folder"


def install(window) -> None:
    window.package_actions = PackageActions(window)
    window.add_file_actions(window.package_actions.actions())


def _folder() -> str:
    return str(window_settings().value(FOLDER_KEY, str(Path.home())))


def _remember(path: str | Path) -> None:
    window_settings().setValue(FOLDER_KEY, str(Path(path).parent))


class PackageActions:
    def __init__(self, window):
        self.window = window
        self.export = QAction(_("Export exchange package…"), window)
        self.export.setObjectName("action_package_export")
        self.export.triggered.connect(lambda _checked=False: self.choose_export())
        self.import_ = QAction(_("Import exchange package…"), window)
        self.import_.setObjectName("action_package_import")
        self.import_.triggered.connect(lambda _checked=False: self.choose_import())
        self.task = None  # the last task started (tests wait on it)

    def actions(self) -> list[QAction]:
        return [self.export, self.import_]

    # --- export ---------------------------------------------------------------------------------
    def choose_export(self):
        dialog = ExportDialog(self.window.db, self._selected_codes(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        start = str(Path(_folder()) / f"{dialog.suggested_name()}{package.SUFFIX}")
        out, _filter = QFileDialog.getSaveFileName(self.window, _("Export exchange package"), start, FILTER)
        return self.export_to(dialog.session_id(), dialog.codes(), out) if out else None

    def export_to(self, session_id: int | None, codes: list[str], out: str | Path):
        db = self.window.db
        if session_id is not None:
            work = lambda p: exchange_actions.export_session_package(db, session_id, out, p)  # noqa: E731
        else:
            work = lambda p: exchange_actions.export_materials_package(db, codes, out, p)  # noqa: E731
        _remember(out)
        self.task = run_task(self.window, _("Packing the exchange package…"), work, output_path=Path(out))
        return self.task

    def _selected_codes(self) -> list[str]:
        try:
            return [m.code for m in self.window.page("catalog").selected_materials()]
        except (KeyError, AttributeError, ValueError):
            return []

    # --- import ---------------------------------------------------------------------------------
    def choose_import(self):
        path, _filter = QFileDialog.getOpenFileName(self.window, _("Import exchange package"), _folder(), FILTER)
        return self.preview(path) if path else None

    def preview(self, path: str | Path):
        db = self.window.db
        _remember(path)
        self.task = run_task(self.window, _("Reading the exchange package…"),
                             lambda p: exchange_actions.preview_exchange_package(db, path, p),
                             on_done=self._show_preview)
        return self.task

    def _show_preview(self, preview: PackagePreview) -> None:
        dialog = PreviewDialog(preview, self.window)
        self.preview_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.import_now(preview.path)

    def import_now(self, path: str | Path):
        db = self.window.db
        self.task = run_task(self.window, _("Importing the exchange package…"),
                             lambda p: exchange_actions.import_exchange_package(db, path, p),
                             on_done=self._imported)
        return self.task

    def _imported(self, result) -> None:
        for key in ("catalog", "sessions"):
            page = getattr(self.window, "_pages", {}).get(key)
            if page is not None and hasattr(page, "refresh"):
                page.refresh()
        if result.preview.nothing_new:
            text = _("Everything in this package is here already; importing adds nothing.")
        else:
            text = tr("Imported {count} materials marked “{origin}”.", count=result.added,
                      origin=result.preview.origin)
            if result.session_id is not None:
                text += " " + _("The exchange session was added.")
        messages.show_info(self.window, text)


class ExportDialog(QDialog):
    """Which to export: one exchange session, or the materials selected in the catalog."""

    def __init__(self, db, selected_codes: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Export exchange package"))
        self.selected = selected_codes
        self.by_session = QRadioButton(_("One exchange session, with its materials and photos:"))
        self.sessions = QComboBox()
        self.sessions.setObjectName("sessionChoice")
        for s in reversed(list_sessions(db)):
            self.sessions.addItem(f"{format_date(s.held_on)} · {s.topic}", s.id)
        self.by_materials = QRadioButton(tr("The {count} materials selected in the catalog",
                                            count=len(selected_codes)))
        self.by_materials.setEnabled(bool(selected_codes))
        self.by_session.setEnabled(self.sessions.count() > 0)
        (self.by_session if self.sessions.count() else self.by_materials).setChecked(True)
        self.by_session.toggled.connect(self.sessions.setEnabled)
        self.buttons = messages.dialog_buttons(self, "Ok", "Cancel", ok_text=_("Export…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.sessions.count() > 0 or bool(selected_codes))
        layout = QVBoxLayout(self)
        note = QLabel(_("The package holds the records, their attachments and photos, for another lo-desktop "
                        "to import."))
        note.setWordWrap(True)
        for widget in (note, self.by_session, self.sessions, self.by_materials, self.buttons):
            layout.addWidget(widget)
        self.resize(560, 220)

    def session_id(self) -> int | None:
        return self.sessions.currentData() if self.by_session.isChecked() else None

    def codes(self) -> list[str]:
        return [] if self.by_session.isChecked() else list(self.selected)

    def suggested_name(self) -> str:
        return _("exchange-package")


class PreviewDialog(QDialog):
    """What the package will add, what is here already and which codes change; nothing is added yet."""

    def __init__(self, preview: PackagePreview, parent=None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(_("Import exchange package"))
        self.summary = QLabel("\n".join(preview.lines()))
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("previewItems")
        self.tree.setHeaderLabels([_("Code here"), _("Title"), _("In the package")])
        self._fill()
        self.buttons = messages.dialog_buttons(self, "Ok", "Cancel", ok_text=_("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not preview.nothing_new)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def _fill(self) -> None:
        new = QTreeWidgetItem([tr("New ({count})", count=len(self.preview.new))])
        for item in self.preview.new:
            changed = tr("was {code}", code=item.code) if item.new_code != item.code else item.code
            new.addChild(QTreeWidgetItem([item.new_code, item.title, changed]))
        present = QTreeWidgetItem([tr("Already here ({count})", count=len(self.preview.present))])
        for item in self.preview.present:
            present.addChild(QTreeWidgetItem([item.code, item.title, _("left as it is")]))
        self.tree.addTopLevelItems([new, present])
        new.setExpanded(True)
        self.tree.setColumnWidth(0, 140)
        self.tree.setColumnWidth(1, 420)
