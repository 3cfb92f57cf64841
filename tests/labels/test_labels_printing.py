"""Printing through QPrinter: full page at 100 % (one mm drawn is one mm on paper), and the offset."""
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
