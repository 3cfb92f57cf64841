"""The Labels dialog: choose a sheet, the fields, which materials, where to start, copies; see the first
page live; then save a PDF, print at 100 % through the system dialog, or print a calibration page.

``install(window)`` adds the Labels menu entries (listed in ui/pages.py INSTALLERS).
"""
from __future__ import annotations

import threading

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDoubleSpinBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QSpinBox, QVBoxLayout)

from lo_desktop.i18n import _, tr
from lo_desktop.labels import history, thai_wrap
from lo_desktop.labels.calibration import offset_for
from lo_desktop.labels.geometry import MAX_COPIES, page_count
from lo_desktop.labels.layout import FIELDS
from lo_desktop.labels.render import Job, content_for
from lo_desktop.labels.sheets import all_sheets
from lo_desktop.ui.label_preview import SheetPreview
from lo_desktop.ui.labels_output import LabelsOutput

FIELD_NAMES = {"code": "Code (large)", "title": "Title", "location": "Shelf location", "agency": "Agency name"}
CHOICE_NAMES = {"selection": "Selected materials", "filter": "Materials in the current search",
                "unlabelled": "Not yet labelled", "all": "All materials"}


def install(window) -> None:
    # Load the Thai dictionary (about half a second) while the clerk looks at the catalog, not when she
    # first opens the Labels dialog. A plain daemon thread: nothing Qt, nothing to wait for at exit.
    threading.Thread(target=thai_wrap.words, args=("\u0e01\u0e32\u0e23",), daemon=True).start()
    entries = [
        (_("Print labels…"), "Ctrl+P", lambda: open_dialog(window)),  # Ctrl+L lends
        (_("Print labels for the selection…"), "Ctrl+Shift+P", lambda: open_dialog(window, "selection")),
        (_("Calibration page…"), "", lambda: open_dialog(window, calibrate=True)),
    ]
    window.labels_actions = []
    for text, shortcut, slot in entries:
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        window.labels_actions.append(action)
        window.add_menu_action("labels", action)


def window_selection(window) -> list[int]:
    """The ids the window has selected; the window offers them once its catalog page exists."""
    getter = getattr(window, "selected_material_ids", None)
    if callable(getter):
        return list(getter() or [])
    page = getattr(window, "_pages", {}).get("catalog")
    materials = page.selected_materials() if page is not None and hasattr(page, "selected_materials") else []
    return [m.id for m in materials]


def window_query(window):
    getter = getattr(window, "current_query", None)
    if callable(getter):
        return getter()
    page = getattr(window, "_pages", {}).get("catalog")
    return page.query() if page is not None and hasattr(page, "query") else None


def open_dialog(window, choice: str | None = None, calibrate: bool = False) -> "LabelsDialog":
    dialog = LabelsDialog(window.db, window.settings, window_selection(window), window_query(window), window)
    if choice:
        dialog.set_choice(choice)
    if calibrate:
        dialog.print_calibration()
        return dialog
    dialog.open()
    return dialog


class LabelsDialog(LabelsOutput, QDialog):
    def __init__(self, db, settings, selection: list[int] | None = None, query=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Print labels"))
        self.db, self.settings = db, settings
        self.selection, self.query = list(selection or []), query
        self.sheets = all_sheets(db)
        self.preview = SheetPreview()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._build()
        self._load_choices()
        self.refresh()

    # --- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self._sheet_box())
        left.addWidget(self._fields_box())
        left.addWidget(self._materials_box())
        left.addWidget(self._position_box())
        left.addWidget(self.summary)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.preview, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(self._buttons())
        self.preview.start_chosen.connect(self.start.setValue)
        self.resize(900, 640)

    def _sheet_box(self) -> QGroupBox:
        box = QGroupBox(_("Sheet"))
        self.sheet_combo = QComboBox()
        self._fill_sheets(self.settings.default_sheet)
        self.sheet_combo.currentIndexChanged.connect(self.refresh)
        own = QPushButton(_("Your own sheet…"))
        own.clicked.connect(self.define_sheet)
        row = QHBoxLayout(box)
        row.addWidget(self.sheet_combo, 1)
        row.addWidget(own)
        return box

    def _fill_sheets(self, selected_id: str) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sheet in self.sheets:
            self.sheet_combo.addItem(sheet.display_name, sheet.id)
        index = max(0, self.sheet_combo.findData(selected_id))
        self.sheet_combo.setCurrentIndex(index)
        self.sheet_combo.blockSignals(False)

    def _fields_box(self) -> QGroupBox:
        box = QGroupBox(_("On each label"))
        row = QHBoxLayout(box)
        self.field_checks = {}
        for name in FIELDS:
            check = QCheckBox(_(FIELD_NAMES[name]))
            check.setChecked(name in self.settings.label_fields)
            check.toggled.connect(self.refresh)
            self.field_checks[name] = check
            row.addWidget(check)
        return box

    def _materials_box(self) -> QGroupBox:
        box = QGroupBox(_("Which materials"))
        column = QVBoxLayout(box)
        self.choice_group = QButtonGroup(self)
        self.choice_buttons = {}
        for name in history.CHOICES:
            button = QRadioButton()
            self.choice_group.addButton(button)
            self.choice_buttons[name] = button
            column.addWidget(button)
            button.toggled.connect(lambda on: on and self.refresh())
        return box

    def _position_box(self) -> QGroupBox:
        box = QGroupBox(_("Position, copies and printer offset"))
        form = QFormLayout(box)
        self.start = QSpinBox()
        self.start.setRange(1, 1)
        self.start.setToolTip(_("The first free label of a partly used sheet; or click it in the preview."))
        self.start.valueChanged.connect(self.refresh)
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.valueChanged.connect(self.refresh)
        from lo_desktop.labels.printing import default_printer_name

        self.printer_name = default_printer_name()
        x, y = offset_for(self.settings.calibration_mm, self.printer_name)
        self.offset_x, self.offset_y = self._offset_spin(x), self._offset_spin(y)
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(_("right")))
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel(_("down")))
        offsets.addWidget(self.offset_y)
        form.addRow(_("Start at label"), self.start)
        form.addRow(_("Copies of each"), self.copies)
        form.addRow(_("Printer offset"), offsets)
        self.offset_note = QLabel(self.printer_name)
        form.addRow("", self.offset_note)
        return box

    def _offset_spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-15, 15)
        spin.setDecimals(1)
        spin.setSingleStep(0.1)
        spin.setSuffix(_(" mm"))
        spin.setValue(value)
        spin.setToolTip(_("Print the calibration page; if the outlines sit off the labels, "
                          "enter how far to move them (mm)."))
        return spin

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        calibration = QPushButton(_("Calibration page…"))
        calibration.clicked.connect(self.print_calibration)
        self.pdf_button = QPushButton(_("PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_labels)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(calibration)
        row.addStretch(1)
        for button in (self.pdf_button, self.print_button, close):
            row.addWidget(button)
        return row

    # --- state ---------------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        self.ids = {name: history.chosen_ids(self.db, name, self.selection, self.query) for name in history.CHOICES}
        for name, button in self.choice_buttons.items():
            button.setText(tr("{what} ({count})", what=_(CHOICE_NAMES[name]), count=len(self.ids[name])))
            button.setEnabled(bool(self.ids[name]))
        first = next((n for n in history.CHOICES if self.ids[n]), "all")
        self.choice_buttons[first].setChecked(True)

    def set_choice(self, name: str) -> None:
        if self.choice_buttons[name].isEnabled():
            self.choice_buttons[name].setChecked(True)

    def choice(self) -> str:
        return next(n for n, b in self.choice_buttons.items() if b.isChecked())

    def sheet(self):
        return self.sheets[max(0, self.sheet_combo.currentIndex())]

    def fields(self) -> list[str]:
        return [name for name, check in self.field_checks.items() if check.isChecked()]

    def job(self, limit: int | None = None) -> Job:
        """The job as chosen; ``limit`` reads only the materials the first page needs (the preview)."""
        ids = self.ids[self.choice()]
        materials = history.materials(self.db, ids[:limit] if limit else ids)
        return Job(self.sheet(), [content_for(m, self.settings) for m in materials], self.fields(),
                   self.copies.value(), self.start.value(), (self.offset_x.value(), self.offset_y.value()))

    def refresh(self) -> None:
        if not hasattr(self, "copies"):
            return
        sheet = self.sheet()
        self.start.setMaximum(sheet.per_page)
        count = len(self.ids[self.choice()])
        labels = count * self.copies.value()
        pages = page_count(sheet, count, self.copies.value(), self.start.value()) if count else 0
        self.summary.setText(tr("{labels} labels on {pages} sheets.", labels=labels, pages=pages))
        first_page = sheet.per_page // self.copies.value() + 1
        self.preview.set_job(self.job(limit=first_page) if count else None, sheet)
        self.pdf_button.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0)

    def define_sheet(self) -> None:
        from lo_desktop.ui.sheet_dialog import SheetDialog

        dialog = SheetDialog(self.db, self.sheet(), self)
        if dialog.exec() and (dialog.saved is not None or dialog.deleted):
            self.sheets = all_sheets(self.db)
            self._fill_sheets(dialog.saved.id if dialog.saved else self.settings.default_sheet)
            self.refresh()
