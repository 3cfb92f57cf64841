"""What the Labels dialog produces: a PDF or a print run at 100 % through the system print dialog (both
the one action labels/print_job.print_labels, run through run_task, which also keeps the print history
and the next free label), and a calibration page. The dialog itself remembers only its choices
(settings). A mixin of LabelsDialog, which provides ``ids``, ``choice()``, ``sheet()``, the spin boxes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.labels import print_job
from lo_desktop.labels.calibration import offset_for, with_offset
from lo_desktop.labels.print_job import LabelOrder
from lo_desktop.settings import save_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.state import window_settings
from lo_desktop.ui.common.tasks import run_task

FOLDER_KEY = "labels/folder"


class LabelsOutput:
    def use_printer(self, name: str) -> None:
        """The offset fields belong to one printer: switching printers shows that printer's offset."""
        if name != self.printer_name:
            self.printer_name = name
            self.offset_note.setText(name)
            x, y = offset_for(self.settings.calibration_mm, name)
            self.offset_x.setValue(x)
            self.offset_y.setValue(y)

    def remember(self) -> None:
        """Keep the choices for next time: sheet, fields and the printer's offset."""
        self.settings.default_sheet = self.sheet().id
        self.settings.label_fields = self.fields()
        self.settings.calibration_mm = with_offset(self.settings.calibration_mm, self.printer_name,
                                                   self.offset_x.value(), self.offset_y.value())
        save_settings(self.db, self.settings)

    def order(self) -> LabelOrder:
        """What the dialog asks for, as the one print action (labels/print_job.py) takes it."""
        return LabelOrder(list(self.ids[self.choice()]), self.sheet(), self.fields(), self.copies.value(),
                          self.start.value(), (self.offset_x.value(), self.offset_y.value()))

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
        if printer is None or not self._edges_printable(printer):
            return None
        self.use_printer(printer.printerName())
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
            print_job.print_calibration(self.sheet(), printer, (self.offset_x.value(), self.offset_y.value()))
        except UserError as exc:
            messages.show_error(self, exc)

    def _edges_printable(self, printer) -> bool:
        from lo_desktop.labels.printing import printable_area_warning

        warning = printable_area_warning(printer, self.sheet())
        return warning is None or messages.confirm(self, warning)

    def _ask_printer(self):
        from PySide6.QtPrintSupport import QPrintDialog

        from lo_desktop.labels.printing import make_printer

        printer = make_printer(self.sheet())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print labels"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
