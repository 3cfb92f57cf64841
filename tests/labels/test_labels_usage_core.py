"""Sheets that remember (no Qt): what is taken on the partly used sheet, where the next print starts,
what a print leaves in the tray, and that it all survives closing the database."""
from __future__ import annotations

import pytest

from lo_desktop.core.db import open_database
from lo_desktop.core.errors import UserError
from lo_desktop.labels import usage
from lo_desktop.labels.geometry import page_count, placements
from lo_desktop.labels.sheets import Sheet, delete_custom_sheet, get_sheet, save_custom_sheet

L7160 = "avery-l7160"  # 3 × 7 = 21 a sheet


def _print(db, count, copies=1, start=None, sheet_id=L7160):
    """What the CLI and the dialog do: place on the remembered sheet, then remember what is left."""
    sheet = get_sheet(db, sheet_id)
    taken = frozenset(usage.used_positions(db, sheet))
    start = start or 1
    placed = placements(sheet, count, copies, start, taken)
    usage.record_print(db, sheet, count, copies, start, taken)
    return placed


def test_a_fresh_sheet_starts_at_one(db):
    assert usage.used_positions(db, L7160) == set()
    assert usage.first_free(db, L7160) == 1


def test_five_labels_from_one_take_one_to_five_and_the_next_print_starts_at_six(db):
    placed = _print(db, 5)
    assert [(p.page, p.cell + 1) for p in placed] == [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]
    assert usage.used_positions(db, L7160) == {1, 2, 3, 4, 5}
    assert usage.first_free(db, L7160) == 6
    again = _print(db, 2)
    assert [p.cell + 1 for p in again] == [6, 7]
    assert usage.used_positions(db, L7160) == set(range(1, 8))


def test_usage_survives_closing_and_reopening_the_database(tmp_path):
    path = tmp_path / "corner.db"
    first = open_database(path)
    _print(first, 5)
    usage.mark(first, L7160, [9], True)
    first.close()
    reopened = open_database(path)
    assert usage.used_positions(reopened, L7160) == {1, 2, 3, 4, 5, 9}
    assert usage.first_free(reopened, L7160) == 6
    reopened.close()


def test_each_sheet_type_remembers_its_own_sheet(db):
    _print(db, 5)
    assert usage.used_positions(db, "avery-l7651") == set()
    _print(db, 3, sheet_id="avery-l7651")
    assert usage.used_positions(db, "avery-l7651") == {1, 2, 3}
    assert usage.used_positions(db, L7160) == {1, 2, 3, 4, 5}


def test_a_print_that_spills_onto_a_second_sheet_remembers_only_that_sheet(db):
    _print(db, 18)  # 1–18 taken, 3 free
    placed = _print(db, 7)  # 19–21 on this sheet, then 1–4 of a fresh one
    assert [(p.page, p.cell + 1) for p in placed] == [(0, 19), (0, 20), (0, 21), (1, 1), (1, 2), (1, 3), (1, 4)]
    assert usage.used_positions(db, L7160) == {1, 2, 3, 4}
    assert usage.first_free(db, L7160) == 5


def test_a_print_that_fills_the_sheet_exactly_leaves_a_fresh_sheet(db):
    _print(db, 10)
    _print(db, 11)  # 11–21: the sheet is gone
    assert usage.used_positions(db, L7160) == set()
    _print(db, 21 * 2)  # two whole sheets from a fresh one
    assert usage.used_positions(db, L7160) == set() and usage.first_free(db, L7160) == 1


def test_copies_count_as_labels(db):
    _print(db, 3, copies=2)
    assert usage.used_positions(db, L7160) == {1, 2, 3, 4, 5, 6}


def test_a_freed_hole_is_used_by_the_next_print_and_taken_ones_are_passed_over(db):
    _print(db, 8)
    usage.mark(db, L7160, [3], False)  # that sticker was never used after all
    usage.mark(db, L7160, [10, 11], True)  # two peeled off by hand
    assert usage.first_free(db, L7160) == 3
    placed = _print(db, 3)
    assert [p.cell + 1 for p in placed] == [3, 9, 12]
    assert usage.used_positions(db, L7160) == set(range(1, 13))


def test_toggle_marks_and_frees(db):
    assert usage.toggle(db, L7160, 4) == {4}
    assert usage.first_free(db, L7160) == 1  # a hole after a free label does not move the start
    assert usage.toggle(db, L7160, 4) == set()


def test_new_sheet_clears(db):
    _print(db, 7)
    usage.new_sheet(db, L7160)
    assert usage.used_positions(db, L7160) == set() and usage.first_free(db, L7160) == 1
    assert [p.cell + 1 for p in _print(db, 2)] == [1, 2]


def test_an_explicit_start_counts_the_labels_before_it_as_taken_and_still_passes_over_holes(db):
    usage.mark(db, L7160, [12], True)
    placed = _print(db, 3, start=11)
    assert [p.cell + 1 for p in placed] == [11, 13, 14]
    assert usage.used_positions(db, L7160) == set(range(1, 15))


def test_a_sheet_with_every_label_taken_is_gone_and_printing_starts_on_a_fresh_one(db):
    sheet = get_sheet(db, L7160)
    usage.mark(db, L7160, range(1, 22), True)
    assert usage.is_full(sheet, usage.used_positions(db, L7160))
    assert usage.first_free(db, L7160) == 1
    placed = _print(db, 2)
    assert [(p.page, p.cell + 1) for p in placed] == [(0, 1), (0, 2)]  # no blank page first
    assert page_count(sheet, 2, used=set(range(1, 22))) == 1
    assert usage.used_positions(db, L7160) == {1, 2}


def test_page_count_counts_the_free_labels_of_the_first_sheet(db):
    sheet = get_sheet(db, L7160)
    assert page_count(sheet, 3, used={1, 2, 4, 5, 6}) == 1
    assert page_count(sheet, 17, used={1, 2, 4, 5, 6}) == 2  # 16 free on the first sheet
    assert page_count(sheet, 16, used={1, 2, 4, 5, 6}) == 1


def test_a_position_the_sheet_does_not_have_is_one_clear_sentence(db):
    with pytest.raises(UserError, match="21"):
        usage.mark(db, L7160, [22], True)
    with pytest.raises(UserError):
        usage.used_positions(db, "avery-0000")
    assert usage.used_positions(db, L7160) == set()


def test_a_custom_sheet_forgets_its_usage_when_its_grid_changes_or_it_is_deleted(db):
    own = save_custom_sheet(db, Sheet("custom-shop", "Shop", 210, 297, 70, 37, 3, 8, 0, 0.5, 70, 37))
    usage.mark(db, own, [1, 2, 20], True)
    moved = save_custom_sheet(db, Sheet("custom-shop", "Shop", 210, 297, 70, 37, 3, 8, 0, 1.0, 70, 37))
    assert usage.used_positions(db, moved) == {1, 2, 20}  # a margin changed, the labels are the same
    regrid = save_custom_sheet(db, Sheet("custom-shop", "Shop", 210, 297, 70, 37, 2, 8, 0, 1.0, 100, 37))
    assert usage.used_positions(db, regrid) == set()
    usage.mark(db, regrid, [1], True)
    delete_custom_sheet(db, "custom-shop")
    assert db.execute("SELECT COUNT(*) FROM sheet_usage").fetchone()[0] == 0
