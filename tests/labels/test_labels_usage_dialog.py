"""The partly used sheet in the Labels dialog, driven as the clerk would: clicks in the preview mark labels
used or free, "New sheet loaded" clears them, the start follows the first free label, a PDF remembers."""
from __future__ import annotations

import pytest

from labels_helpers import crop_cell, decode_zxing, make_materials, render_pages
from lo_desktop.labels import usage
from lo_desktop.labels.sheets import get_sheet
from lo_desktop.settings import load_settings

L7160 = "avery-l7160"


@pytest.fixture
def dialog(qtbot, db):
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    make_materials(db, 4)
    settings = load_settings(db)
    settings.default_sheet = L7160
    shown = LabelsDialog(db, settings, [], None)
    qtbot.addWidget(shown)
    shown.resize(900, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def click(qtbot, dialog, position: int, shift: bool = False) -> None:
    from PySide6.QtCore import QPointF, Qt

    preview, sheet = dialog.preview, dialog.sheet()
    page = preview.page_rect()
    scale = page.width() / sheet.page_width_mm
    row, column = divmod(position - 1, sheet.columns)
    x = sheet.left_mm + column * sheet.h_pitch_mm + sheet.label_width_mm / 2
    y = sheet.top_mm + row * sheet.v_pitch_mm + sheet.label_height_mm / 2
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, modifier,
                     pos=QPointF(page.x() + x * scale, page.y() + y * scale).toPoint())


def preview_grey(dialog, position: int) -> int:
    """The preview's darkest grey near the top-left corner of a label (hatching lines are dark)."""
    from PySide6.QtGui import QColor

    image = dialog.preview.grab().toImage()
    page = dialog.preview.page_rect()
    sheet = dialog.sheet()
    scale = page.width() / sheet.page_width_mm
    row, column = divmod(position - 1, sheet.columns)
    x0 = page.x() + (sheet.left_mm + column * sheet.h_pitch_mm + 3) * scale
    y0 = page.y() + (sheet.top_mm + row * sheet.v_pitch_mm + 3) * scale
    return min(QColor(image.pixel(round(x0) + dx, round(y0) + dy)).lightness() for dx in range(8) for dy in range(8))


def test_clicks_mark_labels_used_and_free_and_the_start_follows(qtbot, dialog, db):
    click(qtbot, dialog, 1)
    click(qtbot, dialog, 2)
    assert usage.used_positions(db, L7160) == {1, 2} and dialog.start.value() == 3
    click(qtbot, dialog, 5)  # a sticker peeled off in the middle: the start stays
    assert dialog.start.value() == 3
    click(qtbot, dialog, 1)  # put back: free again
    assert usage.used_positions(db, L7160) == {2, 5} and dialog.start.value() == 1
    assert "2" in dialog.summary.text() and "21" in dialog.summary.text()


def test_used_labels_are_drawn_hatched_and_free_ones_white(qtbot, dialog):
    click(qtbot, dialog, 7)
    assert preview_grey(dialog, 7) < 200  # hatched grey
    assert preview_grey(dialog, 20) > 240  # free and no label printed there (4 labels from 1)


def test_new_sheet_loaded_clears(qtbot, dialog, db):
    from PySide6.QtCore import Qt

    click(qtbot, dialog, 10, shift=True)
    assert dialog.start.value() == 10 and usage.used_positions(db, L7160) == set(range(1, 10))
    assert preview_grey(dialog, 9) < 200
    qtbot.mouseClick(dialog.new_sheet_button, Qt.MouseButton.LeftButton)
    assert usage.used_positions(db, L7160) == set() and dialog.start.value() == 1
    assert preview_grey(dialog, 9) > 240  # white again: the 4 labels now sit on 1–4
    assert [p.cell + 1 for p in dialog.job().placements()] == [1, 2, 3, 4]


def test_the_remembered_sheet_is_shown_when_the_dialog_opens_and_per_sheet_type(qtbot, db):
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    make_materials(db, 2)
    usage.mark(db, L7160, [1, 2, 3, 5], True)
    settings = load_settings(db)
    settings.default_sheet = L7160
    shown = LabelsDialog(db, settings, [], None)
    qtbot.addWidget(shown)
    assert shown.start.value() == 4 and shown.used == {1, 2, 3, 5}
    assert [p.cell + 1 for p in shown.job().placements()] == [4, 6]
    shown.sheet_combo.setCurrentIndex(shown.sheet_combo.findData("avery-l7651"))
    assert shown.start.value() == 1 and shown.used == set()
    shown.sheet_combo.setCurrentIndex(shown.sheet_combo.findData(L7160))
    assert shown.start.value() == 4


def test_a_pdf_from_the_dialog_fills_the_free_cells_and_remembers(qtbot, dialog, db, tmp_path, monkeypatch):
    from lo_desktop.ui.common import tasks

    monkeypatch.setattr(tasks, "offer_output", lambda parent, path: None, raising=False)
    for position in (1, 2, 4):
        click(qtbot, dialog, position)
    out = tmp_path / "holes.pdf"
    dialog.pdf_marks_used.setChecked(True)
    dialog.save_pdf(str(out))
    # the print is recorded by the worker; the dialog moves its start when the result reaches it
    qtbot.waitUntil(lambda: out.exists() and usage.used_positions(db, L7160) == set(range(1, 8))
                    and dialog.start.value() == 8, timeout=20000)
    sheet = get_sheet(db, L7160)
    page = render_pages(out, 150)[0]
    read = {c + 1: decode_zxing(crop_cell(page, sheet, c, 150)) for c in range(sheet.per_page)}
    assert [p for p, found in read.items() if found] == [3, 5, 6, 7]
    assert all(read[p][0].startswith(f"LB-{i:04d}") or f"LB-{i:04d}" in read[p][0]
               for p, i in zip((3, 5, 6, 7), range(1, 5)))
    assert dialog.start.value() == 8


def test_a_pdf_not_meant_for_the_sheet_in_the_printer_leaves_the_sheet_and_history_alone(qtbot, dialog, db,
                                                                                          tmp_path, monkeypatch):
    from lo_desktop.labels import history
    from lo_desktop.ui.common import tasks

    monkeypatch.setattr(tasks, "offer_output", lambda parent, path: None, raising=False)
    click(qtbot, dialog, 2)
    before = usage.used_positions(db, L7160)
    dialog.pdf_marks_used.setChecked(False)
    out = tmp_path / "later.pdf"
    dialog.save_pdf(str(out)).wait()
    assert out.exists() and render_pages(out, 50)
    assert usage.used_positions(db, L7160) == before == {2}
    assert history.labelled_ids(db) == set()
