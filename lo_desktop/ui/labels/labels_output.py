"""What the Labels dialog produces: a PDF or a print run at 100 % through the system print dialog (both
the one action labels/print_job.print_labels, run through run_task, which also keeps the print history
and the next free label), and a calibration page; and the printer's calibration fields (offset and scale,
per printer). Before anything prints, the paper chosen must be the sheet's, and a printer that cannot
print as close to the edge as the labels' ink comes is said. The dialog itself remembers only its
choices (settings). A mixin of LabelsDialog, which provides ``ids``, ``choice()``, ``sheet()``, ``job()``
and the spin boxes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.labels import print_job
from lo_desktop.labels.calibration import LIMIT_MM, SCALE_RANGE, offset_for, scale_for, with_offset
from lo_desktop.labels.print_job import LabelOrder
from lo_desktop.settings import save_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.state import window_settings
from lo_desktop.ui.common.tasks import run_task

FOLDER_KEY = "labels/folder"


class LabelsOutput:
    def _calibration_rows(self, form: QFormLayout) -> None:
        """The offset and scale fields; they show the calibration of the printer last chosen."""
        from lo_desktop.labels.printing import default_printer_name

        self.printer_name = default_printer_name()
        self.offset_x, self.offset_y = _offset_spin(), _offset_spin()
        self.scale_x, self.scale_y = _scale_spin(), _scale_spin()
        form.addRow(_("Printer offset"), _pair(_("right"), self.offset_x, _("down"), self.offset_y))
        form.addRow(_("Printer scale"), _pair(_("across"), self.scale_x, _("up and down"), self.scale_y))
        self.offset_note = QLabel(self.printer_name)
        form.addRow("", self.offset_note)
        self._show_calibration(self.printer_name)

    def _show_calibration(self, name: str) -> None:
        calibration = self.settings.calibration_mm
        for spin, value in zip((self.offset_x, self.offset_y, self.scale_x, self.scale_y),
                               offset_for(calibration, name) + scale_for(calibration, name)):
            spin.setValue(value)

    def use_printer(self, name: str) -> None:
        """The offset and scale fields belong to one printer: switching printers shows that printer's."""
        if name != self.printer_name:
            self.printer_name = name
            self.offset_note.setText(name)
            self._show_calibration(name)

    def printer_offset(self) -> tuple[float, float]:
        return self.offset_x.value(), self.offset_y.value()

    def printer_scale(self) -> tuple[float, float]:
        return self.scale_x.value(), self.scale_y.value()

    def remember(self) -> None:
        """Keep the choices for next time: sheet, fields and the printer's offset and scale."""
        self.settings.default_sheet = self.sheet().id
        self.settings.label_fields = self.fields()
        self.settings.calibration_mm = with_offset(self.settings.calibration_mm, self.printer_name,
                                                   *self.printer_offset(), scale=self.printer_scale())
        save_settings(self.db, self.settings)

    def order(self) -> LabelOrder:
        """What the dialog asks for, as the one print action (labels/print_job.py) takes it."""
        return LabelOrder(list(self.ids[self.choice()]), self.sheet(), self.fields(), self.copies.value(),
                          self.start.value(), self.printer_offset(), scale_pct=self.printer_scale())

    def _checked_order(self) -> LabelOrder | None:
        """The order, or None after saying why it cannot be printed (bad start, empty choice…): before the
        clerk is asked where to save or which printer."""
        order = self.order()
        try:
            print_job.prepare(self.db, self.settings, order)
        except UserError as exc:
            messages.show_error(self, exc)
            return None
        return order

    def save_pdf(self, path: str | None = None):
        order = self._checked_order()
        if order is None:
            return None
        path = path or self._ask_pdf_path()
        if not path:
            return None
        self.remember()
        return self._run(_("Writing labels"), order, Path(path), output_path=Path(path),
                         record=self.pdf_marks_used.isChecked())

    def _ask_pdf_path(self) -> str:
        state = window_settings()
        folder = state.value(FOLDER_KEY, str(Path.home()))
        name = str(Path(folder) / tr("Labels {sheet}.pdf", sheet=self.sheet().id))
        path, _filter = QFileDialog.getSaveFileName(self, _("Save labels as PDF"), name, _("PDF files (*.pdf)"))
        if path:
            state.setValue(FOLDER_KEY, str(Path(path).parent))
        return path

    def print_labels(self):
        if self._checked_order() is None:
            return None
        printer = self._ask_printer()
        if printer is None:
            return None
        self.use_printer(printer.printerName())
        if not self._paper_fits(printer) or not self._edges_printable(printer):
            return None
        self.remember()
        self._printer = printer  # alive until the work has finished
        # QPainter may paint a QPrinter from a worker thread: the window stays responsive, with Cancel.
        return self._run(_("Printing labels"), self.order(), printer)

    def _run(self, title: str, order: LabelOrder, target, output_path: Path | None = None, record: bool = True):
        def work(progress):
            return print_job.print_labels(self.db, self.settings, order, target, record=record, progress=progress)

        return run_task(self, title, work, lambda _printed: self._printed(), output_path=output_path)

    def _printed(self) -> None:
        """The print was remembered (labels/print_job.py): show the new counts and the next free label."""
        self._usage_for = None  # reloaded (and the start moved) by the refresh below
        self._load_choices_keeping()

    def _load_choices_keeping(self) -> None:
        choice = self.choice()
        self._load_choices()
        self.set_choice(choice)
        self.refresh()

    def print_calibration(self) -> None:
        printer = self._ask_printer()
        if printer is None:
            return
        self.use_printer(printer.printerName())
        self.remember()
        try:
            print_job.print_calibration(self.sheet(), printer, self.printer_offset(), self.printer_scale())
        except UserError as exc:
            messages.show_error(self, exc)

    def _paper_fits(self, printer) -> bool:
        """The paper chosen in the print dialog is the sheet's; else one sentence, and nothing prints."""
        from lo_desktop.labels.printing import check_paper

        try:
            check_paper(printer, self.sheet())
        except UserError as exc:
            messages.show_error(self, exc)
            return False
        return True

    def _edges_printable(self, printer) -> bool:
        """Asked when this printer's margins would cut into the ink of the outermost labels (those of
        the first page, calibrated as this printer prints them)."""
        from lo_desktop.labels.printing import printable_area_warning

        first_page = self.job(limit=self.sheet().per_page)
        warning = printable_area_warning(printer, self.sheet(), first_page.fields, first_page.contents,
                                         self.printer_offset(), self.printer_scale())
        return warning is None or messages.confirm(self, warning)

    def _ask_printer(self):
        from PySide6.QtPrintSupport import QPrintDialog

        from lo_desktop.labels.printing import make_printer

        printer = make_printer(self.sheet())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print labels"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def _offset_spin() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(-LIMIT_MM, LIMIT_MM)
    spin.setDecimals(1)
    spin.setSingleStep(0.1)
    spin.setSuffix(_(" mm"))
    spin.setToolTip(_("Print the calibration page; if the outlines sit off the labels, "
                      "enter how far to move them (mm)."))
    return spin


def _scale_spin() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(*SCALE_RANGE)
    spin.setDecimals(1)
    spin.setSingleStep(0.1)
    spin.setValue(100.0)
    spin.setSuffix(" %")
    spin.setToolTip(_("Print the calibration page and lay a real ruler along its rulers: if 100 mm of them "
                      "measure 98 mm, the printer shrinks the page (\"fit to page\"): enter 102 %. "
                      "Correct the scale first, then the offset."))
    return spin


def _pair(first: str, first_spin, second: str, second_spin) -> QHBoxLayout:
    row = QHBoxLayout()
    for text, spin in ((first, first_spin), (second, second_spin)):
        row.addWidget(QLabel(text))
        row.addWidget(spin)
    return row
