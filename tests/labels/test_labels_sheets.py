"""Sheet templates, custom sheets and cell geometry."""
from __future__ import annotations

import dataclasses

import pytest

from lo_desktop.core.errors import UserError
from lo_desktop.labels.geometry import cell_at, cell_rect, page_count, placements
from lo_desktop.labels.sheets import (
    Sheet, all_sheets, builtin_sheets, custom_id, delete_custom_sheet, get_sheet, problems,
    save_custom_sheet,
)

REQUIRED = {"avery-l7160", "avery-l7163", "avery-l7159", "avery-l7651"}


def test_bundled_sheets_include_the_required_layouts_and_all_fit():
    sheets = {s.id: s for s in builtin_sheets()}
    assert REQUIRED <= set(sheets)
    assert any(s.columns == 4 and s.rows == 10 and s.page_width_mm == 210 for s in sheets.values())
    assert any(s.per_page == 1 and s.page_width_mm < 100 for s in sheets.values())  # a label printer
    for sheet in sheets.values():
        assert problems(sheet) == [], sheet.id


@pytest.mark.parametrize("sheet_id, label, grid, corner, pitch", [
    ("avery-l7160", (63.5, 38.1), (3, 7), (7.2, 15.15), (66.04, 38.1)),
    ("avery-l7163", (99.06, 38.1), (2, 7), (4.67, 15.15), (101.6, 38.1)),
    ("avery-l7159", (63.5, 33.9), (3, 8), (7.2, 12.9), (66.0, 33.9)),
    ("avery-l7651", (38.1, 21.2), (5, 13), (4.75, 10.7), (40.6, 21.2)),
])
def test_avery_geometry_as_published(sheet_id, label, grid, corner, pitch):
    s = get_sheet(None, sheet_id)
    assert (s.label_width_mm, s.label_height_mm) == pytest.approx(label, abs=0.05)
    assert (s.columns, s.rows) == grid
    assert (s.left_mm, s.top_mm) == pytest.approx(corner, abs=0.05)
    assert (s.h_pitch_mm, s.v_pitch_mm) == pytest.approx(pitch, abs=0.05)
    # The published sheets are symmetric: the right and bottom margins equal the left and top.
    right = s.page_width_mm - cell_rect(s, s.columns - 1).right
    bottom = s.page_height_mm - cell_rect(s, s.per_page - 1).bottom
    assert right == pytest.approx(s.left_mm, abs=0.15) and bottom == pytest.approx(s.top_mm, abs=0.15)


def test_unknown_sheet_names_the_known_ones():
    with pytest.raises(UserError) as caught:
        get_sheet(None, "avery-9999")
    assert "avery-9999" in str(caught.value) and "avery-l7160" in str(caught.value)


def _custom(**changes) -> Sheet:
    base = Sheet("custom-shelf", "Shelf strip", 210, 297, 70, 30, 3, 9, 0, 13.5, 70, 30)
    return dataclasses.replace(base, **changes)


def test_custom_sheet_whose_labels_do_not_fit_is_refused_with_the_reason(db):
    too_wide = _custom(left_mm=5)  # 5 + 3 × 70 = 215 mm on a 210 mm page
    assert any("215.0" in p and "210.0" in p for p in problems(too_wide))
    with pytest.raises(UserError):
        save_custom_sheet(db, too_wide)
    assert problems(_custom(rows=10))  # 13.5 + 300 > 297
    assert problems(_custom(h_pitch_mm=60))  # overlapping labels
    assert problems(_custom(columns=0))
    assert get_sheet(db, "avery-l7160")  # nothing was stored
    assert [s.id for s in all_sheets(db) if s.custom] == []


def test_custom_sheet_is_kept_with_the_database_and_can_be_removed(db, tmp_path):
    from lo_desktop.core.db import open_database

    sheet = _custom(id=custom_id("Shelf strip", db))
    assert sheet.id == "custom-shelf-strip"
    save_custom_sheet(db, sheet)
    reopened = open_database(tmp_path / "corner.db")
    stored = get_sheet(reopened, "custom-shelf-strip")
    assert stored.custom and stored.per_page == 27 and stored.label_width_mm == 70
    assert custom_id("Shelf strip", reopened) == "custom-shelf-strip-2"
    delete_custom_sheet(reopened, stored.id)
    with pytest.raises(UserError):
        get_sheet(reopened, stored.id)


def test_bundled_sheets_cannot_be_overwritten(db):
    with pytest.raises(UserError):
        save_custom_sheet(db, get_sheet(db, "avery-l7160"))


def test_cells_run_along_rows_then_down():
    s = get_sheet(None, "avery-l7160")
    assert cell_rect(s, 0).x == pytest.approx(7.2) and cell_rect(s, 0).y == pytest.approx(15.15)
    assert cell_rect(s, 2).x == pytest.approx(7.2 + 2 * 66.04)
    assert cell_rect(s, 3).y == pytest.approx(15.15 + 38.1) and cell_rect(s, 3).x == pytest.approx(7.2)
    assert cell_at(s, 7.2 + 66.04 + 10, 15.15 + 38.1 + 10) == 4
    assert cell_at(s, 1, 1) is None  # the margin


def test_placements_start_on_a_used_sheet_and_keep_copies_together():
    s = get_sheet(None, "avery-l7160")
    result = placements(s, 3, copies=4, start=20)
    assert [(p.page, p.cell, p.item) for p in result[:4]] == [(0, 19, 0), (0, 20, 0), (1, 0, 0), (1, 1, 0)]
    assert [p.item for p in result] == [0] * 4 + [1] * 4 + [2] * 4
    assert result[-1] == type(result[-1])(1, 9, 2)
    assert page_count(s, 3, 4, 20) == 2


@pytest.mark.parametrize("start", [0, 22, -1])
def test_start_beyond_the_sheet_is_refused(start):
    with pytest.raises(UserError) as caught:
        placements(get_sheet(None, "avery-l7160"), 1, start=start)
    assert "21" in str(caught.value)


def test_empty_selection_and_bad_copies_are_refused():
    s = get_sheet(None, "avery-l7160")
    with pytest.raises(UserError):
        placements(s, 0)
    with pytest.raises(UserError):
        placements(s, 1, copies=0)
