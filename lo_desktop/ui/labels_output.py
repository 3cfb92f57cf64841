"""What the Labels dialog produces: a PDF (through run_task), a print run at 100 % through the system
print dialog, a calibration page; and what it remembers afterwards (settings, print history, the next
free label). A mixin of LabelsDialog, which provides ``job()``, ``ids``, ``choice()``, the spin boxes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.labels import history, usage
from lo_desktop.labels.calibration import offset_for, with_offset
from lo_desktop.labels.render import Job
from lo_desktop.settings import save_settings
from lo_desktop.ui import messages
from lo_desktop.ui.state import window_settings

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

    def _checked_job(self) -> Job | None:
        """The job as chosen, or None after saying why it cannot be placed (bad start, empty choice…)."""
        try:
            job = self.job()
            job.placements()
        except UserError as exc:
            messages.show_error(self, exc)
            return None
        return job

    def save_pdf(self, path: str | None = None) -> None:
        job = self._checked_job()
        if job is None:
            return
        path = path or self._ask_pdf_path()
        if not path:
            return
        self.remember()
        ids = list(self.ids[self.choice()])
        self._write_pdf(Path(path), job, ids)

    def _ask_pdf_path(self) -> str:
        state = window_settings()
        folder = state.value(FOLDER_KEY, str(Path.home()))
        name = str(Path(folder) / tr("Labels {sheet}.pdf", sheet=self.sheet().id))
        path, _filter = QFileDialog.getSaveFileName(self, _("Save labels as PDF"), name, _("PDF files (*.pdf)"))
        if path:
            state.setValue(FOLDER_KEY, str(Path(path).parent))
        return path

    def _write_pdf(self, path: Path, job: Job, ids: list[int]):
        from lo_desktop.labels.render import write_pdf

        def done(_pages):
            self._printed(job, ids)

        try:
            from lo_desktop.ui.tasks import run_task
        except ImportError:
            done(write_pdf(path, job))
            return None
        return run_task(self, _("Writing labels"), lambda progress: write_pdf(path, job, progress=progress),
                        done, output_path=path)

    def _printed(self, job: Job, ids: list[int]) -> None:
        """Remember what got labels and which labels the sheet left in the tray has taken; the next print
        starts at its first free label."""
        history.record_prints(self.db, ids, job.sheet.id)
        usage.record_print(self.db, job.sheet, len(job.contents), job.copies, job.start, job.used)
        self._usage_for = None  # reloaded (and the start moved) by the refresh below
        self._load_choices_keeping()

    def _load_choices_keeping(self) -> None:
        choice = self.choice()
        self._load_choices()
        self.set_choice(choice)
        self.refresh()

    def print_labels(self) -> None:
        job = self._checked_job()
        if job is None:
            return
        printer = self._ask_printer()
        if printer is None:
            return
        self.use_printer(printer.printerName())
        job.offset_mm = (self.offset_x.value(), self.offset_y.value())
        self.remember()
        self._print(printer, job, list(self.ids[self.choice()]))

    def _print(self, printer, job: Job, ids: list[int]):
        """Paint off the window's thread (QPainter may paint a QPrinter from a worker), with Cancel."""
        from lo_desktop.labels.printing import print_job

        self._printer = printer  # alive until the work has finished

        def done(_pages):
            self._printed(job, ids)

        try:
            from lo_desktop.ui.tasks import run_task
        except ImportError:
            try:
                done(print_job(printer, job))
            except UserError as exc:
                messages.show_error(self, exc)
            return None
        return run_task(self, _("Printing labels"), lambda progress: print_job(printer, job, progress), done)

    def print_calibration(self) -> None:
        printer = self._ask_printer()
        if printer is None:
            return
        from lo_desktop.labels.printing import print_calibration

        self.use_printer(printer.printerName())
        self.remember()
        print_calibration(printer, self.sheet(), (self.offset_x.value(), self.offset_y.value()))

    def _ask_printer(self):
        from PySide6.QtPrintSupport import QPrintDialog

        from lo_desktop.labels.printing import make_printer

        printer = make_printer(self.sheet())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print labels"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
