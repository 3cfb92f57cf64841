"""The Labels dialog: choose a sheet, the fields, which materials, where to start, copies; see the first
page live (the labels already taken on the partly used sheet hatched: click one to mark it used or
free; "New sheet loaded" clears them); the printer's offset and scale correction; then save a PDF,
print at 100 % through the system dialog, or print a calibration page (with rulers).

``install(window)`` adds the Labels menu entries (listed in ui/pages.py INSTALLERS).
"""
from __future__ import annotations


from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QRadioButton, QSpinBox, QVBoxLayout)

from lo_desktop.i18n import _, tr
from lo_desktop.labels import history, usage
from lo_desktop.labels.geometry import MAX_COPIES, first_free, first_page_taken, page_count
from lo_desktop.labels.layout import FIELDS
from lo_desktop.labels.render import Job, content_for
from lo_desktop.labels.sheets import all_sheets
from lo_desktop.ui.labels.label_preview import SheetPreview, used_swatch
from lo_desktop.ui.labels.labels_output import LabelsOutput
from lo_desktop.ui.window.state import window_settings

FIELD_NAMES = {"code": "Code (large)", "title": "Title", "location": "Shelf location", "agency": "Agency name"}
PDF_MARKS_KEY = "labels/pdf_marks_used"
CHOICE_NAMES = {"selection": "Selected materials", "filter": "Materials in the current search",
                "unlabelled": "Not yet labelled", "all": "All materials"}


def install(window) -> None:
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
        self.used: set[int] = set()  # taken positions of the partly used sheet in the tray
        self._usage_for: str | None = None  # the sheet ``used`` belongs to
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
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addLayout(self._legend())
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(self._buttons())
        self.preview.position_clicked.connect(self.click_position)
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
        box = QGroupBox(_("Position, copies and printer calibration"))
        form = QFormLayout(box)
        self.start = QSpinBox()
        self.start.setRange(1, 1)
        self.start.setToolTip(_("The first free label of the sheet in the printer; it follows the labels "
                                "marked used in the preview."))
        self.start.valueChanged.connect(self.refresh)
        self.new_sheet_button = QPushButton(_("New sheet loaded"))
        self.new_sheet_button.setToolTip(_("You put a fresh sheet in the printer: every label on it is free."))
        self.new_sheet_button.clicked.connect(self.new_sheet)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addWidget(self.new_sheet_button)
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.valueChanged.connect(self.refresh)
        form.addRow(_("Start at label"), start_row)
        form.addRow(_("Copies of each"), self.copies)
        self._calibration_rows(form)
        return box

    def _legend(self) -> QHBoxLayout:
        swatch = QLabel()
        swatch.setPixmap(used_swatch())
        text = QLabel(_("Used (printed or peeled off). Click a label to mark it used or free; "
                        "Shift+click: every label before it is used."))
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(swatch)
        row.addWidget(text, 1)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        calibration = QPushButton(_("Calibration page…"))
        calibration.clicked.connect(self.print_calibration)
        self.pdf_button = QPushButton(_("PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        # A PDF may be printed later, elsewhere, or never: its labels count as used only when the clerk says
        # it goes on the sheet in the printer (Print… always counts them).
        self.pdf_marks_used = QCheckBox(_("The PDF goes on the sheet in the printer (mark its labels used)"))
        self.pdf_marks_used.setChecked(window_settings().value(PDF_MARKS_KEY, False, type=bool))
        self.pdf_marks_used.toggled.connect(lambda on: window_settings().setValue(PDF_MARKS_KEY, on))
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_labels)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(calibration)
        row.addStretch(1)
        row.addWidget(self.pdf_marks_used)
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
                   self.copies.value(), self.start.value(), self.printer_offset(), frozenset(self.used))

    def refresh(self) -> None:
        if not hasattr(self, "copies"):
            return
        sheet = self.sheet()
        if sheet.id != self._usage_for:
            self._load_usage(sheet)
        count = len(self.ids[self.choice()])
        labels = count * self.copies.value()
        pages = page_count(sheet, count, self.copies.value(), self.start.value(), self.used) if count else 0
        self.summary.setText(" ".join([tr("{labels} labels on {pages} sheets.", labels=labels, pages=pages),
                                       self._usage_note(sheet)]).strip())
        first_page = sheet.per_page // self.copies.value() + 1
        self.preview.set_job(self.job(limit=first_page) if count else None, sheet,
                             first_page_taken(sheet, self.used, self.start.value()))
        self.pdf_button.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0)

    # --- the partly used sheet ------------------------------------------------------------------------
    def _load_usage(self, sheet) -> None:
        self.used, self._usage_for = usage.used_positions(self.db, sheet), sheet.id
        self._follow_first_free(sheet)

    def _follow_first_free(self, sheet) -> None:
        """The start moves to the first free label whenever what is taken changes."""
        self.start.blockSignals(True)
        self.start.setMaximum(sheet.per_page)
        self.start.setValue(first_free(sheet, self.used))
        self.start.blockSignals(False)

    def _usage_note(self, sheet) -> str:
        if usage.is_full(sheet, self.used):
            return _("Every label of the sheet in the printer is used: the labels start on a fresh sheet.")
        if self.used:
            return tr("{used} of {total} labels of the sheet in the printer are used.",
                      used=len(self.used), total=sheet.per_page)
        return ""

    def click_position(self, position: int, before: bool = False) -> None:
        """A click in the preview: this label is used or free again; with Shift, every label before it
        is used (and this one free: printing starts there)."""
        sheet = self.sheet()
        if before:
            self.used = usage.start_at(self.db, sheet, position)
        else:
            self.used = usage.toggle(self.db, sheet, position)
        self._follow_first_free(sheet)
        self.refresh()

    def new_sheet(self) -> None:
        """A fresh sheet is in the printer: nothing on it is taken."""
        sheet = self.sheet()
        usage.new_sheet(self.db, sheet)
        self.used = set()
        self._follow_first_free(sheet)
        self.refresh()

    def define_sheet(self) -> None:
        from lo_desktop.ui.labels.sheet_dialog import SheetDialog

        dialog = SheetDialog(self.db, self.sheet(), self)
        if dialog.exec() and (dialog.saved is not None or dialog.deleted):
            self.sheets = all_sheets(self.db)
            self._usage_for = None  # a changed grid may have forgotten its taken labels
            self._fill_sheets(dialog.saved.id if dialog.saved else self.settings.default_sheet)
            self.refresh()
