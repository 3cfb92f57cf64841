"""The material editor: every field, checked as the clerk types, saved whole or not at all.

Problems come from lo_desktop.core.catalog.materials.validate (the same rules the CLI and the import use) and are
shown in red under their field once the clerk has touched it; OK stays disabled while any remain. An
empty code means "the next code of the pattern", shown as the placeholder. Files dropped on the dialog
are attached when it is saved, in the same transaction as the material (catalog_actions.add_material /
edit_material, the same the command line's ``add`` and ``edit`` call).
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout,
                               QWidget)

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.field_labels import MATERIAL_LABELS
from lo_desktop.core.records import Material
from lo_desktop.core.thaidate import BE_OFFSET
from lo_desktop.core.vocab import choices
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.date_edit import BuddhistDateEdit
from lo_desktop.ui.catalog.material_fields import AttachmentList, LinkField, YearSpin

ERROR_STYLE = "color: #c62828;"
VOCABULARY_FIELDS = ("kind", "format", "source", "status")
TEXT_FIELDS = ("code", "title", "topic", "tags", "author")


class MaterialDialog(QDialog):
    def __init__(self, db, settings, material: Material | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.original = material or Material()
        self.saved: Material | None = None
        self.problems: dict[str, str] = {}
        self._touched: set[str] = set()
        self._build()
        self._fill(self.original)
        self._initial = self.material_from_form()
        self._connect()
        self.revalidate()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        new = self.original.id is None
        self.setWindowTitle(_("New material") if new else tr("Edit material {code}", code=self.original.code))
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._make_widgets()
        left, right = QFormLayout(), QFormLayout()
        for name in ("code", "title", "kind", "format", "source", "status", "topic", "tags", "author"):
            self._add_row(left, name)
        for name in ("year", "received_on", "location", "copies", "link", "attachments"):
            self._add_row(right, name)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        summary = QFormLayout()
        self._add_row(summary, "summary")
        self.buttons = messages.dialog_buttons(self, "Ok", "Cancel", ok_text=_("Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(summary)
        layout.addWidget(self.buttons)
        self.setAcceptDrops(True)
        self.resize(920, 560)
        self._set_tab_order()

    def _make_widgets(self) -> None:
        for name in TEXT_FIELDS:
            self.fields[name] = QLineEdit()
        self.fields["code"].setPlaceholderText(
            tr("Empty: {code}", code=catalog.next_code(self.db, self.settings.code_pattern)))
        self.fields["tags"].setPlaceholderText(_("Words separated by commas"))
        for name in VOCABULARY_FIELDS:
            box = QComboBox()
            for key, text in choices(name):
                box.addItem(text, key)
            self.fields[name] = box
        self.fields["year"] = YearSpin()
        self.fields["received_on"] = BuddhistDateEdit()
        location = QComboBox()
        location.setEditable(True)
        location.addItems([""] + catalog.locations(self.db))
        self.fields["location"] = location
        copies = QSpinBox()
        copies.setRange(0, 99999)
        self.fields["copies"] = copies
        self.fields["link"] = LinkField()
        self.fields["attachments"] = AttachmentList(self.db, self.original.id)
        summary = QPlainTextEdit()
        summary.setTabChangesFocus(True)
        summary.setFixedHeight(90)
        self.fields["summary"] = summary

    def _add_row(self, form: QFormLayout, name: str) -> None:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[name] = error
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.fields[name])
        box.addWidget(error)
        form.addRow(field_label(name), cell)

    def _set_tab_order(self) -> None:
        # The order the clerk sees, left column then right, then the summary: Tab never jumps back up.
        # The dialog opens on the title (the code may stay empty); Shift+Tab reaches the code above it.
        order = ["code", "title", "kind", "format", "source", "status", "topic", "tags", "author", "year",
                 "received_on", "location", "copies", "link", "attachments", "summary"]
        widgets = [self.fields[name] for name in order] + [self.buttons]
        for first, second in zip(widgets, widgets[1:]):
            QWidget.setTabOrder(first, second)
        self.fields["title"].setFocus()

    def _connect(self) -> None:
        for name, widget in self.fields.items():
            signal = changed_signal(widget)
            signal.connect(lambda *_args, name=name: self._changed(name))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    # ------------------------------------------------------------ form ⇄ material
    def _fill(self, m: Material) -> None:
        for name in TEXT_FIELDS:
            self.fields[name].setText(getattr(m, name))
            self.fields[name].setCursorPosition(0)  # show the start of a long title, not its end
        for name in VOCABULARY_FIELDS:
            select_key(self.fields[name], getattr(m, name))
        self.fields["year"].set_year(m.year)
        self.fields["received_on"].set_date_value(m.received_on)
        self.fields["location"].setCurrentText(m.location)
        self.fields["copies"].setValue(max(0, m.copies or 0))
        self.fields["link"].setText(m.link)
        self.fields["summary"].setPlainText(m.summary)

    def material_from_form(self) -> Material:
        f = self.fields
        values = {name: f[name].text().strip() for name in TEXT_FIELDS}
        values.update({name: f[name].currentData() for name in VOCABULARY_FIELDS})
        return replace(self.original, **values, year=f["year"].year(),
                       received_on=f["received_on"].date_value(), location=f["location"].currentText().strip(),
                       copies=f["copies"].value(), link=f["link"].text().strip(),
                       summary=f["summary"].toPlainText().strip())

    # ------------------------------------------------------------ checking
    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self.revalidate()

    def revalidate(self) -> dict[str, str]:
        self.problems = self._problems(self.material_from_form())
        self._show_problems()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.problems)
        ok.setToolTip(" ".join(self.problems.values()))
        return self.problems

    def _problems(self, m: Material) -> dict[str, str]:
        problems = catalog.validate(self.db, m)
        low, high = catalog.YEAR_RANGE
        if "year" in problems and m.year and low <= m.year + BE_OFFSET <= high:
            problems["year"] += " " + tr("Did you mean {year}?", year=m.year + BE_OFFSET)
        return problems

    def _show_problems(self) -> None:
        for name, label in self.errors.items():
            text = self.problems.get(name, "") if name in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))

    def show_all_problems(self, problems: dict[str, str] | None = None) -> None:
        if problems is not None:
            self.problems = problems
        self._touched.update(self.fields)
        self._show_problems()

    def is_modified(self) -> bool:
        attachments = self.fields["attachments"]
        return (self.material_from_form() != self._initial
                or bool(attachments.pending) or bool(attachments.removed))

    # ------------------------------------------------------------ closing
    def accept(self) -> None:
        self.fields["received_on"].interpretText()
        if self.revalidate():
            self.show_all_problems()
            return
        try:
            saved = self._save(self.material_from_form())
        except ValidationError as exc:
            self.show_all_problems(exc.problems)
            return
        except UserError as exc:
            messages.show_error(self, exc, self.windowTitle())
            return
        self.saved = saved
        super().accept()

    def _save(self, m: Material) -> Material:
        """The material and its attachment changes in one transaction: all of it or none of it."""
        attachments, pattern = self.fields["attachments"], self.settings.code_pattern
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if m.id is None:
                saved = catalog_actions.add_material(self.db, m, attachments.pending, pattern)
            else:
                saved = catalog_actions.edit_material(self.db, m, attachments.pending, attachments.removed, pattern)
        finally:
            QApplication.restoreOverrideCursor()
        return saved

    def reject(self) -> None:
        """Escape and Cancel: ask before throwing away what the clerk typed."""
        self.fields["received_on"].interpretText()
        if self.is_modified() and not messages.confirm(self, _("Discard the changes to this material?")):
            return
        super().reject()

    # ------------------------------------------------------------ dropping files
    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if self.fields["attachments"].add_files(paths):
            event.acceptProposedAction()


FIELD_LABELS = {**MATERIAL_LABELS, "attachments": "Attachments"}


def field_label(name: str) -> str:
    text = _(FIELD_LABELS[name])
    return text + " *" if name == "title" else text


def select_key(box: QComboBox, key: str) -> None:
    """Select a stored key; an unknown one (an old import) is kept visible so validation can name it."""
    index = box.findData(key)
    if index < 0:
        box.addItem(key, key)
        index = box.count() - 1
    box.setCurrentIndex(index)


def changed_signal(widget: QWidget):
    for name in ("textChanged", "currentTextChanged", "valueChanged", "dateChanged", "changed"):
        signal = getattr(widget, name, None)
        if signal is not None:
            return signal
    raise TypeError(widget)
