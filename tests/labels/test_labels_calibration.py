"""The calibration page's rulers, measured in the PDF with poppler and Pillow, and the printer's scale
correction kept beside its offset."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from ink_measure import column, dark_runs, rasterise, row, words
from lo_desktop.labels import print_job
from lo_desktop.labels.calibration import RULER_LINE_MM, offset_for, ruler_ticks, scale_for, with_offset
from lo_desktop.labels.sheets import Sheet, check

DPI = 400
# Labels well inside the page, so that nothing but the rulers lies along the page's top and left edge.
CLEAR = Sheet(id="clear", name="Clear", page_width_mm=210.0, page_height_mm=297.0, label_width_mm=50.0,
              label_height_mm=30.0, columns=3, rows=8, left_mm=30.0, top_mm=30.0, h_pitch_mm=55.0,
              v_pitch_mm=32.0)


def _printed_at(position: float, offset: float, scale: float) -> float:
    return offset + scale / 100 * position


@pytest.mark.parametrize("offset, scale", [((0.0, 0.0), (100.0, 100.0)), ((3.0, -2.0), (100.0, 100.0)),
                                           ((0.0, 0.0), (98.0, 97.0))])
def test_the_rulers_tick_every_millimetre_where_the_printer_is_told(qapp, tmp_path, offset, scale):
    check(CLEAR)
    out = tmp_path / "calibration.pdf"
    print_job.print_calibration(CLEAR, out, offset, scale)
    page = rasterise(out, DPI)
    (dx, dy), (sx, sy) = offset, scale
    # Across the top: a row 1 mm past the ruler's line crosses every tick (the shortest are 1.5 mm).
    across = row(page, _printed_at(RULER_LINE_MM + 1, dy, sy), DPI, from_mm=15, to_mm=208)
    wanted = [_printed_at(t, dx, sx) for t in range(20, 206)]
    found = dark_runs(across, DPI)
    assert len(found) == len(wanted)
    assert max(abs(a - b) for a, b in zip(found, wanted)) < 0.1  # mm
    # Down the left edge, the same for every millimetre from 20 to 292.
    down = column(page, _printed_at(RULER_LINE_MM + 1, dx, sx), DPI, from_mm=15, to_mm=295)
    wanted = [_printed_at(t, dy, sy) for t in range(20, 293)]
    found = dark_runs(down, DPI)
    assert len(found) == len(wanted)
    assert max(abs(a - b) for a, b in zip(found, wanted)) < 0.1
    # Only every tenth tick reaches 3 mm past the line: the numbered ones.
    long_ticks = dark_runs(row(page, _printed_at(RULER_LINE_MM + 3, dy, sy), DPI, from_mm=15, to_mm=208), DPI)
    assert [round((x - dx) / (sx / 100)) for x in long_ticks] == list(range(20, 201, 10))


def test_the_ruler_numbers_are_text_beside_their_ticks(qapp, tmp_path):
    out = tmp_path / "calibration.pdf"
    print_job.print_calibration(CLEAR, out)
    found = words(out)
    top = {text: x for text, x, y in found if RULER_LINE_MM < y < RULER_LINE_MM + 8 and x > 15}
    left = {text: y for text, x, y in found if RULER_LINE_MM < x < RULER_LINE_MM + 10 and y > 15}
    for number in range(20, 201, 10):
        assert abs(top[str(number)] - number) < 0.5, number
    for number in range(20, 291, 10):
        assert abs(left[str(number)] - number) < 0.5, number


def test_the_calibration_page_still_outlines_every_label_when_scaled(qapp, tmp_path):
    out = tmp_path / "calibration.pdf"
    print_job.print_calibration(CLEAR, out, (0.0, 0.0), (98.0, 98.0))
    page = rasterise(out, DPI)
    inside = CLEAR.top_mm + 5  # through the first row of labels, above their numbers
    edges = dark_runs(row(page, 0.98 * inside, DPI, from_mm=20), DPI)
    wanted = [0.98 * (CLEAR.left_mm + c * CLEAR.h_pitch_mm + d) for c in range(3) for d in (0, CLEAR.label_width_mm)]
    assert len(edges) == len(wanted) and max(abs(a - b) for a, b in zip(edges, wanted)) < 0.15


def test_ticks_are_numbered_every_ten_millimetres():
    ticks = ruler_ticks(210.0)
    assert ticks[0].at_mm == 20 and ticks[-1].at_mm == 205
    assert [t.number for t in ticks if t.number] == list(range(20, 201, 10))
    assert min(t.length_mm for t in ticks if t.number) > max(t.length_mm for t in ticks if not t.number)


def test_the_scale_is_kept_per_printer_beside_its_offset():
    calibration = {"x": 0.5, "y": 0.0}  # settings from before the scale existed
    assert scale_for(calibration, "HP") == (100.0, 100.0)
    calibration = with_offset(calibration, "HP", 1.0, -1.0, scale=(98.0, 97.5))
    calibration = with_offset(calibration, "HP", 1.5, -1.0)  # the offset alone: the scale stays
    assert offset_for(calibration, "HP") == (1.5, -1.0) and scale_for(calibration, "HP") == (98.0, 97.5)
    assert scale_for(calibration, "Canon") == (100.0, 100.0) and offset_for(calibration, "Canon") == (0.5, 0.0)
    calibration = with_offset(calibration, "", 0.0, 0.0, scale=(101.0, 101.0))
    assert scale_for(calibration, "Canon") == (101.0, 101.0)  # a printer without its own: the default
    assert scale_for({"scale_x": "bad", "scale_y": 500}) == (100.0, 120.0)  # typing slips are bounded


def test_the_dialog_keeps_the_scale_of_the_printer_and_prints_with_it(qtbot, db, tmp_path, monkeypatch):
    from labels_helpers import make_materials

    from lo_desktop.settings import load_settings
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    make_materials(db, 2)
    dialog = LabelsDialog(db, load_settings(db), [], None)
    qtbot.addWidget(dialog)
    assert (dialog.scale_x.value(), dialog.scale_y.value()) == (100.0, 100.0)
    dialog.scale_x.setValue(98.0)
    dialog.scale_y.setValue(97.0)
    assert dialog.order().scale_pct == (98.0, 97.0)
    dialog.remember()
    stored = load_settings(db).calibration_mm
    assert scale_for(stored, dialog.printer_name) == (98.0, 97.0)
    dialog.use_printer("another printer")  # its own calibration: none yet, so the default one
    assert (dialog.scale_x.value(), dialog.scale_y.value()) == scale_for(stored, "another printer")
    calls = []
    monkeypatch.setattr(print_job, "print_calibration", lambda *args: calls.append(args))
    chosen = SimpleNamespace(printerName=lambda: "another printer")  # what the print dialog gives back
    monkeypatch.setattr(dialog, "_ask_printer", lambda: chosen)
    dialog.scale_x.setValue(99.0)
    dialog.print_calibration()
    assert calls and calls[0][3] == (99.0, scale_for(stored, "another printer")[1])

