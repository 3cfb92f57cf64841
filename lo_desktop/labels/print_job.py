"""Printing labels: the one action behind ``lo-desktop labels`` and the Labels dialog's PDF… and Print….

``print_labels`` does all of it: the checks (sheet, fields, materials, start, copies) before anything is
touched, painting to a PDF (written atomically) or to a printer, progress and cancel, and afterwards the
bookkeeping (history.record_printed: the print history and the positions the sheet in the tray has
taken). A cancelled or failed print leaves no file and remembers nothing. The command line passes a
path; the window a path or the QPrinter the system print dialog set up. Painting needs Qt; the
bookkeeping does not. This module never imports the window (lo_desktop.ui).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress
from lo_desktop.i18n import tr
from lo_desktop.labels import history, printing, usage
from lo_desktop.labels.geometry import first_free
from lo_desktop.labels.layout import FIELDS
from lo_desktop.labels.render import Job, content_for, write_pdf
from lo_desktop.labels.sheets import Sheet, check


@dataclass
class LabelOrder:
    """What the clerk asked for. ``start`` None is the first free label of the sheet in the tray;
    ``fresh_sheet`` prints on a new sheet (what was taken on the old one is not passed over)."""
    material_ids: list[int]
    sheet: Sheet
    fields: list[str]
    copies: int = 1
    start: int | None = None
    offset_mm: tuple[float, float] = (0.0, 0.0)
    fresh_sheet: bool = False
    scale_pct: tuple[float, float] = (100.0, 100.0)  # the printer's scale correction (labels/calibration.py)


@dataclass(frozen=True)
class Printed:
    """What a print did: its pages and labels, and the taken positions of the sheet left in the tray
    (None when the print was not recorded)."""
    pages: int
    labels: int
    sheet_left: frozenset[int] | None


def print_labels(db, settings, order: LabelOrder, target, record: bool = True,
                 progress: Progress | None = None) -> Printed:
    """Print the order to ``target`` — a PDF path, or a QPrinter — then, unless ``record`` is False,
    remember what was printed and where the sheet in the tray now starts. Raises UserError for bad input
    (before a file or printer is touched) and Cancelled when ``progress`` is cancelled."""
    job, ids = prepare(db, settings, order)
    pages = _paint(job, target, progress)
    left = history.record_printed(db, job.sheet, ids, job.copies, job.start, job.used) if record else None
    return Printed(pages, len(ids) * job.copies, left)


def prepare(db, settings, order: LabelOrder) -> tuple[Job, list[int]]:
    """The job to paint and the ids of its materials, checked: the window calls it to say what is wrong
    before it asks where to save."""
    check(order.sheet)
    fields = known_fields(order.fields)
    materials = history.materials(db, list(order.material_ids))
    used = frozenset() if order.fresh_sheet else frozenset(usage.used_positions(db, order.sheet))
    start = first_free(order.sheet, used) if order.start is None else order.start
    job = Job(order.sheet, [content_for(m, settings) for m in materials], fields, order.copies, start,
              tuple(order.offset_mm), used, tuple(order.scale_pct))
    job.placements()  # no materials, a bad start or copies: refused here
    return job, [m.id for m in materials]


def print_calibration(sheet: Sheet, target, offset_mm=(0.0, 0.0), scale_pct=(100.0, 100.0)) -> None:
    """Every label of ``sheet`` outlined and numbered, with millimetre rulers along two edges, moved by
    the printer's offset and scaled by its scale correction, to a PDF path or a QPrinter. Nothing is
    remembered."""
    if _is_path(target):
        printing.write_calibration(target, sheet, tuple(offset_mm), tuple(scale_pct))
    else:
        printing.print_calibration(target, sheet, tuple(offset_mm), tuple(scale_pct))


def known_fields(fields: list[str]) -> list[str]:
    names = [f.strip() for f in fields]
    unknown = [f for f in names if f not in FIELDS]
    if unknown:
        raise UserError(tr("Unknown label field “{field}”; choose from {known}.",
                           field=unknown[0], known=", ".join(FIELDS)))
    return names


def _paint(job: Job, target, progress: Progress | None) -> int:
    if _is_path(target):
        return write_pdf(target, job, progress)
    return printing.print_job(target, job, progress)


def _is_path(target) -> bool:
    return isinstance(target, (str, os.PathLike))
