"""The Labels dialog and the custom-sheet dialog, driven as the clerk would (offscreen)."""
from __future__ import annotations

import pytest

from labels_helpers import crop_cell, decode_zxing, make_materials, render_pages
from lo_desktop.labels import history
from lo_desktop.labels.sheets import get_sheet
from lo_desktop.settings import load_settings


@pytest.fixture
def corner(db):
    materials = make_materials(db, 8)
    return db, load_settings(db), materials


def _dialog(qtbot, corner, selection=None):
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    db, settings, materials = corner
    dialog = LabelsDialog(db, settings, selection or [], None)
    qtbot.addWidget(dialog)
    return dialog


def test_choices_show_their_counts_and_selection_comes_first(qtbot, corner):
    _, _, materials = corner
    dialog = _dialog(qtbot, corner, [materials[0].id, materials[1].id])
    assert dialog.choice() == "selection"
    assert "(2)" in dialog.choice_buttons["selection"].text()
    assert "(8)" in dialog.choice_buttons["unlabelled"].text()
    empty = _dialog(qtbot, corner)
    assert not empty.choice_buttons["selection"].isEnabled() and empty.choice() == "filter"


def test_shift_click_on_a_label_in_the_preview_starts_there(qtbot, corner):
    from PySide6.QtCore import QPointF, Qt

    dialog = _dialog(qtbot, corner)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview, sheet = dialog.preview, dialog.sheet()
    page = preview.page_rect()
    scale = page.width() / sheet.page_width_mm
    # the middle of label 5 (second row, second column)
    x = sheet.left_mm + sheet.h_pitch_mm + sheet.label_width_mm / 2
    y = sheet.top_mm + sheet.v_pitch_mm + sheet.label_height_mm / 2
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     pos=QPointF(page.x() + x * scale, page.y() + y * scale).toPoint())
    assert dialog.start.value() == sheet.columns + 2
    assert dialog.used == set(range(1, sheet.columns + 2))  # the labels before it are taken


def test_pdf_from_the_dialog_prints_and_remembers(qtbot, corner, tmp_path, monkeypatch):
    from lo_desktop.ui.common import tasks

    monkeypatch.setattr(tasks, "offer_output", lambda parent, path: None, raising=False)
    db, settings, materials = corner
    dialog = _dialog(qtbot, corner)
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findData("avery-l7159"))
    dialog.start.setValue(3)
    dialog.copies.setValue(2)
    dialog.field_checks["agency"].setChecked(False)
    dialog.offset_x.setValue(0.5)
    out = tmp_path / "from-dialog.pdf"
    dialog.pdf_marks_used.setChecked(True)
    dialog.save_pdf(str(out))
    # The print is recorded in the worker; the dialog shows it when the result reaches the main thread.
    qtbot.waitUntil(lambda: out.exists() and not dialog.choice_buttons["unlabelled"].isEnabled(), timeout=20000)
    sheet = get_sheet(db, "avery-l7159")
    image = render_pages(out, 150)[0]
    (text,) = decode_zxing(crop_cell(image, sheet, 2, 150))
    assert text.startswith(materials[0].code)
    stored = load_settings(db)
    assert stored.default_sheet == "avery-l7159" and "agency" not in stored.label_fields
    assert stored.calibration_mm["printers" if dialog.printer_name else "x"] is not None
    assert set(history.labelled_ids(db)) == {m.id for m in materials}
    assert dialog.start.value() == 3 + 8 * 2  # the next free label of the same sheet (24 a sheet)


def test_custom_sheet_dialog_refuses_a_sheet_that_does_not_fit(qtbot, db):
    from PySide6.QtWidgets import QDialogButtonBox

    from lo_desktop.ui.labels.sheet_dialog import SheetDialog

    dialog = SheetDialog(db, get_sheet(db, "avery-l7160"))
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.name.setText("ร้านเครื่องเขียน")
    assert save.isEnabled()
    dialog.spins["left_mm"].setValue(20)  # 20 + 2 × 66.04 + 63.5 > 210
    assert not save.isEnabled() and "mm" in dialog.problem.text().replace("มม.", "mm")
    dialog.spins["left_mm"].setValue(5)
    dialog.save()
    assert dialog.saved is not None and get_sheet(db, dialog.saved.id).left_mm == 5


def test_labels_menu_is_installed_in_the_main_window(qtbot, corner, monkeypatch):
    main_window = pytest.importorskip("lo_desktop.ui.window.main_window")
    db, settings, _ = corner
    window = main_window.MainWindow(db, settings)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["labels"].actions()]
    assert "พิมพ์ป้าย QR…" in texts and window.menus["labels"].menuAction().isVisible()
    opened = []
    monkeypatch.setattr("lo_desktop.ui.labels.labels_dialog.LabelsDialog.open", lambda self: opened.append(self))
    window.labels_actions[0].trigger()
    assert opened and opened[0].ids["all"]


def test_a_custom_sheet_can_be_changed_and_deleted(qtbot, db, monkeypatch):
    from lo_desktop.core.errors import UserError
    from lo_desktop.labels.sheets import Sheet, save_custom_sheet
    from lo_desktop.ui.common import messages
    from lo_desktop.ui.labels.sheet_dialog import SheetDialog

    own = save_custom_sheet(db, Sheet("custom-shop", "Shop", 210, 297, 70, 37, 3, 8, 0, 0.5, 70, 37))
    dialog = SheetDialog(db, own)
    qtbot.addWidget(dialog)
    assert dialog.spins["rows"].value() == 8 and dialog.name.text() == "Shop"
    dialog.spins["top_mm"].setValue(1.0)
    dialog.save()
    assert get_sheet(db, "custom-shop").top_mm == 1.0  # changed in place, same id
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    again = SheetDialog(db, get_sheet(db, "custom-shop"))
    qtbot.addWidget(again)
    again.delete()
    assert again.deleted
    with pytest.raises(UserError):
        get_sheet(db, "custom-shop")
