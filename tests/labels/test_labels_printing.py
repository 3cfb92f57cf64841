"""Printing through QPrinter: full page at 100 % (one mm drawn is one mm on paper), the offset and the scale
correction; the paper and the printable area checked before anything prints."""
from __future__ import annotations

import pytest

from labels_helpers import crop_cell, decode_zxing, make_materials, render_pages
from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.labels.calibration import offset_for, with_offset
from lo_desktop.labels.render import Job, content_for
from lo_desktop.labels.sheets import get_sheet
from lo_desktop.settings import Settings


def _pdf_printer(sheet, path):
    from PySide6.QtPrintSupport import QPrinter

    from lo_desktop.labels.printing import make_printer

    printer = make_printer(sheet)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printed_labels_sit_in_their_cells(qapp, db, tmp_path):
    from lo_desktop.labels.printing import print_job

    sheet = get_sheet(db, "avery-l7163")
    materials = make_materials(db, 3)
    out = tmp_path / "printed.pdf"
    pages = print_job(_pdf_printer(sheet, out),
                      Job(sheet, [content_for(m, Settings()) for m in materials], ["code", "title"], start=6))
    assert pages == 1
    image = render_pages(out, 200)[0]
    width, height = image.size  # A4 (595 × 842 pt), not scaled
    assert abs(width - 210 / 25.4 * 200) < 2 and abs(height - 297 / 25.4 * 200) < 2
    for cell, material in zip((5, 6, 7), materials):
        (text,) = decode_zxing(crop_cell(image, sheet, cell, 200))
        assert code_from_payload(db, text) == material.code


@pytest.mark.parametrize("offset", [(0.0, 0.0), (3.0, -2.0)])
def test_calibration_page_outlines_every_label_moved_by_the_offset(qapp, db, tmp_path, offset):
    from lo_desktop.labels.printing import print_calibration

    sheet = get_sheet(db, "avery-l7160")
    out = tmp_path / "calibration.pdf"
    print_calibration(_pdf_printer(sheet, out), sheet, offset)
    image = render_pages(out, 300)[0]
    dots = 300 / 25.4
    for cell in (0, sheet.per_page - 1):
        row, column = divmod(cell, sheet.columns)
        left = sheet.left_mm + column * sheet.h_pitch_mm + offset[0]
        middle = sheet.top_mm + row * sheet.v_pitch_mm + sheet.label_height_mm / 2 + offset[1]
        line = min(image.getpixel((round(left * dots) + d, round(middle * dots))) for d in (-2, -1, 0, 1, 2))
        assert line < 128, cell  # the label's left edge is drawn where the label is
        inside = image.getpixel((round((left + 5) * dots), round(middle * dots)))
        assert inside > 200


def test_offsets_are_kept_per_printer():
    calibration = with_offset({"x": 0.0, "y": 0.0}, "HP LaserJet", 1.5, -0.5)
    calibration = with_offset(calibration, "", 0.3, 0.0)
    assert offset_for(calibration, "HP LaserJet") == (1.5, -0.5)
    assert offset_for(calibration, "Canon") == (0.3, 0.0)
    assert offset_for(with_offset({}, "X", 99, "bad"), "X") == (15.0, 0.0)


@pytest.mark.parametrize("print_calibration_page", [False, True])
def test_letter_paper_for_an_a4_sheet_is_refused_before_printing(qapp, db, tmp_path, print_calibration_page):
    """Letter chosen in the print dialog would print the A4 layout and clip the bottom row."""
    from PySide6.QtGui import QPageSize

    from lo_desktop.core.errors import UserError
    from lo_desktop.i18n import language, set_language
    from lo_desktop.labels.printing import print_calibration, print_job
    from lo_desktop.labels.render import Job, content_for

    sheet = get_sheet(db, "avery-l7160")
    out = tmp_path / "letter.pdf"
    printer = _pdf_printer(sheet, out)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    before = language()
    set_language("th")
    try:
        with pytest.raises(UserError) as raised:
            if print_calibration_page:
                print_calibration(printer, sheet)
            else:
                print_job(printer, Job(sheet, [content_for(m, Settings()) for m in make_materials(db, 2)],
                                       ["code", "title"]))
    finally:
        set_language(before)
    assert "215.9 × 279.4" in str(raised.value) and "210 × 297" in str(raised.value)
    assert "กระดาษ" in str(raised.value)
    assert not out.exists()  # nothing printed


def test_printable_area_warning_when_labels_come_closer_than_the_printer_prints(qapp, db, tmp_path):
    from lo_desktop.labels.printing import edge_warning, printable_area_warning

    sheet = get_sheet(db, "avery-l7160")  # labels 7.2 mm from the side, 15.1 mm from the top
    assert edge_warning(sheet, (4.2, 4.2, 4.2, 4.2)) is None
    warning = edge_warning(sheet, (8.0, 4.2, 4.2, 4.2))
    assert warning and "8.0" in warning
    assert printable_area_warning(_pdf_printer(sheet, tmp_path / "x.pdf"), sheet) is None  # PDF: no margins


def _grid(db, pdf, pages: int, dpi: int = 300) -> dict[str, tuple[float, float]]:
    """The centre (mm) of every QR code on every page, by page and the material's code it reads as."""
    from ink_measure import qr_centres, rasterise

    return {f"{page}:{code_from_payload(db, text)}": centre for page in range(1, pages + 1)
            for text, centre in qr_centres(rasterise(pdf, dpi, page), dpi).items()}


@pytest.mark.parametrize("through", ["pdf", "printer"])
def test_a_98_percent_scale_shrinks_the_label_grid(qapp, db, tmp_path, through):
    """Two pages (the painter's transform must hold across a new page), each QR where the same label at
    100 % is, times 0.98 from the paper's corner."""
    from lo_desktop.labels import print_job
    from lo_desktop.labels.print_job import LabelOrder
    from lo_desktop.labels.printing import print_job as print_on

    sheet = get_sheet(db, "avery-l7160")
    materials = make_materials(db, sheet.per_page + 4, link_every=0)
    centres = {}
    for scale in ((100.0, 100.0), (98.0, 98.0)):
        out = tmp_path / f"{through}-{scale[0]}.pdf"
        if through == "pdf":
            order = LabelOrder([m.id for m in materials], sheet, ["code"], start=1, scale_pct=scale)
            assert print_job.print_labels(db, Settings(), order, out, record=False).pages == 2
        else:
            job = Job(sheet, [content_for(m, Settings()) for m in materials], ["code"], scale_pct=scale)
            assert print_on(_pdf_printer(sheet, out), job) == 2
        centres[scale] = _grid(db, out, 2)
    full, small = centres[(100.0, 100.0)], centres[(98.0, 98.0)]
    assert len(full) == len(materials) and set(small) == set(full)
    for key, (x, y) in full.items():
        assert abs(small[key][0] - 0.98 * x) < 0.25 and abs(small[key][1] - 0.98 * y) < 0.25, key
    first, last = full["1:" + materials[0].code], full["1:" + materials[sheet.per_page - 1].code]
    assert last[0] - first[0] == pytest.approx(2 * sheet.h_pitch_mm, abs=0.25)  # the grid itself, at 100 %


def test_the_printable_area_warning_names_the_ink_it_would_cut(qapp, db, tmp_path):
    """The millimetres the warning names are the ink poppler finds in the labels' PDF, not the labels'
    paper edges: L7160's labels start 7.2 mm from the side, their ink farther in."""
    import re

    from ink_measure import ink_extent, rasterise
    from lo_desktop.labels.calibration import ink_box
    from lo_desktop.labels.layout import FIELDS
    from lo_desktop.labels.printing import edge_warning
    from lo_desktop.labels.render import metrics
    from lo_desktop.labels.render import write_pdf

    sheet = get_sheet(db, "avery-l7160")
    contents = [content_for(m, Settings()) for m in make_materials(db, sheet.per_page)]
    out = tmp_path / "labels.pdf"
    write_pdf(out, Job(sheet, contents, list(FIELDS)))
    left, top, right, bottom = ink_extent(rasterise(out, 600), 600)
    gaps = (left, top, sheet.page_width_mm - right, sheet.page_height_mm - bottom)
    assert gaps[0] > sheet.left_mm + 1  # the QR's quiet zone is blank paper
    ink = ink_box(sheet, list(FIELDS), contents, metrics())
    for side, gap in enumerate(gaps):
        margins = [0.0] * 4
        margins[side] = gap + 2.0
        warning = edge_warning(sheet, margins, ink)
        margin, cut = (float(n) for n in re.findall(r"\d+\.\d", warning))
        assert margin == pytest.approx(gap + 2.0, abs=0.06) and cut == pytest.approx(2.0, abs=0.3), side
        margins[side] = gap - 0.4
        assert edge_warning(sheet, margins, ink) is None, side


def _printer_with_margins(sheet, path, margin_mm: float):
    """A PDF printer that, like a real one, cannot print within ``margin_mm`` of the paper's edge."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout

    printer = _pdf_printer(sheet, path)
    layout = printer.pageLayout()
    printer.setPageLayout(QPageLayout(layout.pageSize(), layout.orientation(), QMarginsF(0, 0, 0, 0),
                                      QPageLayout.Unit.Millimeter, QMarginsF(*[margin_mm] * 4)))
    return printer


def test_the_printable_area_warning_is_per_printer_with_its_offset(qapp, db, tmp_path):
    from lo_desktop.labels.printing import printable_area_warning

    materials = make_materials(db, 3)
    l7160, edge_to_edge = get_sheet(db, "avery-l7160"), get_sheet(db, "avery-3651")
    printer = _printer_with_margins(l7160, tmp_path / "x.pdf", 5.0)
    contents = [content_for(m, Settings()) for m in materials]
    assert printable_area_warning(printer, l7160, ["code", "title"], contents) is None
    moved = printable_area_warning(printer, l7160, ["code", "title"], contents, offset_mm=(-9.0, 0.0))
    assert moved and "5.0" in moved  # this printer's offset moves the ink into its margin
    warning = printable_area_warning(printer, edge_to_edge, ["code", "title"], contents)
    assert warning and "5.0" in warning and "มม." in warning


def test_letter_paper_chosen_in_the_dialog_is_said_and_nothing_prints(qtbot, db, tmp_path, monkeypatch, boxes):
    from PySide6.QtGui import QPageSize

    from lo_desktop.labels import history
    from lo_desktop.settings import load_settings
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    make_materials(db, 3)
    dialog = LabelsDialog(db, load_settings(db), [], None)
    qtbot.addWidget(dialog)
    out = tmp_path / "letter.pdf"
    printer = _pdf_printer(dialog.sheet(), out)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    monkeypatch.setattr(dialog, "_ask_printer", lambda: printer)
    assert dialog.print_labels() is None
    assert len(boxes) == 1 and "กระดาษ" in boxes[0] and "215.9 × 279.4" in boxes[0]
    assert "\n" not in boxes[0]
    assert not out.exists() and not history.labelled_ids(db)


def test_the_clerk_is_asked_before_a_printer_cuts_into_the_labels(qtbot, db, tmp_path, monkeypatch, boxes):
    from lo_desktop.labels import history
    from lo_desktop.settings import load_settings
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    make_materials(db, 3)
    dialog = LabelsDialog(db, load_settings(db), [], None)
    qtbot.addWidget(dialog)
    out = tmp_path / "margins.pdf"
    monkeypatch.setattr(dialog, "_ask_printer", lambda: _printer_with_margins(dialog.sheet(), out, 12.0))
    assert dialog.print_labels() is None  # the question's safe answer is No
    assert len(boxes) == 1 and "12.0" in boxes[0]
    assert not out.exists() and not history.labelled_ids(db)
