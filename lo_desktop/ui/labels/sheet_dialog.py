"""The clerk's own label sheet: measures typed from a ruler, a live drawing, kept with the database."""
from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout)

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.labels.sheets import Sheet, custom_id, delete_custom_sheet, problems, save_custom_sheet
from lo_desktop.ui.common import messages
from lo_desktop.ui.labels.label_preview import SheetDrawing

# (field, English label, smallest, largest) of each measure in mm
MEASURES = (
    ("page_width_mm", "Page width", 10, 1000), ("page_height_mm", "Page height", 10, 1000),
    ("label_width_mm", "Label width", 5, 1000), ("label_height_mm", "Label height", 5, 1000),
    ("left_mm", "Left margin (to the first label)", 0, 500), ("top_mm", "Top margin (to the first label)", 0, 500),
    ("h_pitch_mm", "Across: from one label's left edge to the next", 5, 1000),
    ("v_pitch_mm", "Down: from one label's top edge to the next", 5, 1000),
    ("corner_radius_mm", "Corner radius", 0, 20),
)


class SheetDialog(QDialog):
    """Define (or change) a custom sheet. ``saved`` holds the stored sheet after Save."""

    def __init__(self, db, template: Sheet, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Your own label sheet"))
        self.db, self.template, self.saved, self.deleted = db, template, None, False
        self.name = QLineEdit(template.name if template.custom else "")
        self.name.setPlaceholderText(_("e.g. Shelf labels from the stationery shop"))
        self.spins: dict[str, QDoubleSpinBox | QSpinBox] = {}
        self.drawing = SheetDrawing()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self._build()
        self._changed()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(_("Sheet name"), self.name)
        for name, label, low, high in MEASURES:
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setSuffix(_(" mm"))
            spin.setValue(getattr(self.template, name))
            self._add(form, name, _(label), spin)
        for name, label in (("columns", _("Columns")), ("rows", _("Rows"))):
            spin = QSpinBox()
            spin.setRange(1, 50)
            spin.setValue(getattr(self.template, name))
            self._add(form, name, label, spin)
        hint = QLabel(_("Measure with a ruler on an unused sheet; the drawing turns red when labels leave the page."))
        hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(hint)
        left.addWidget(self.problem)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.drawing, 1)
        self.buttons = messages.dialog_buttons(self, "Save", "Cancel", accept=self.save)
        if self.template.custom:
            delete = self.buttons.addButton(_("Delete this sheet"), QDialogButtonBox.ButtonRole.DestructiveRole)
            delete.clicked.connect(self.delete)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.buttons)
        self.name.textChanged.connect(self._changed)

    def _add(self, form: QFormLayout, name: str, label: str, spin) -> None:
        spin.valueChanged.connect(self._changed)
        self.spins[name] = spin
        form.addRow(label, spin)

    def sheet(self) -> Sheet:
        values = {name: spin.value() for name, spin in self.spins.items()}
        sheet_id = self.template.id if self.template.custom else custom_id(self.name.text() or "sheet", self.db)
        return dataclasses.replace(self.template, id=sheet_id, name=self.name.text().strip(), name_th="",
                                   custom=True, **values)

    def _changed(self) -> None:
        sheet = self.sheet()
        self.drawing.set_sheet(sheet)
        found = problems(sheet)
        if not sheet.name:
            found.append(_("Give the sheet a name."))
        self.problem.setText("\n".join(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not found)

    def delete(self) -> None:
        if messages.confirm(self, tr("Delete the sheet “{name}”? Labels already printed are not affected.",
                                     name=self.template.name)):
            delete_custom_sheet(self.db, self.template.id)
            self.deleted = True
            self.accept()

    def save(self) -> None:
        try:
            self.saved = save_custom_sheet(self.db, self.sheet())
        except UserError as exc:
            messages.show_error(self, exc)
            return
        self.accept()
