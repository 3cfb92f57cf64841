"""Sheets that remember, as the clerk meets them: `lo-desktop labels` with the remembered sheet, the PDF
rasterised and every label cut out at its cell and read with zxing — codes exactly in the free cells."""
from __future__ import annotations

import json

import pytest

from labels_helpers import crop_cell, decode_zxing, render_pages, run
from lo_desktop.labels.sheets import get_sheet

DPI = 150
SHEET = get_sheet(None, "avery-l7160")  # 3 × 7 = 21 a sheet


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.db"
    run("demo", db=path)
    return path


def usage_of(db) -> dict:
    return json.loads(run("sheets", "--usage", SHEET.id, "--json", db=db).stdout)


def codes(n: int, first: int = 1) -> str:
    return ",".join(f"BN-{i:04d}" for i in range(first, first + n))


def cells(pdf) -> list[dict[int, str]]:
    """Per page: position (1-based) → the code read there; positions that read nothing are absent."""
    found = []
    for page in render_pages(pdf, DPI):
        here = {}
        for cell in range(SHEET.per_page):
            decoded = decode_zxing(crop_cell(page, SHEET, cell, DPI))
            assert len(decoded) <= 1
            if decoded:
                here[cell + 1] = decoded[0].split("\n")[0].split("#")[-1].rsplit("/", 1)[-1]
        found.append(here)
    return found


def labels(db, out, *args, ok=True):
    return run("labels", "--sheet", SHEET.id, *args, "--out", str(out), db=db, ok=ok)


def test_the_next_print_fills_exactly_the_free_cells_of_the_remembered_sheet(demo, tmp_path, qapp):
    labels(demo, tmp_path / "first.pdf", "--codes", codes(5))
    assert usage_of(demo)["used"] == [1, 2, 3, 4, 5] and usage_of(demo)["first_free"] == 6
    assert cells(tmp_path / "first.pdf") == [{p: f"BN-{p:04d}" for p in range(1, 6)}]
    run("sheets", "--new-sheet", SHEET.id, db=demo)
    labels(demo, tmp_path / "again.pdf", "--codes", codes(5))  # 1–5 again on the fresh sheet
    # two stickers were peeled off by hand in the middle, and label 2 was put back unused
    from lo_desktop.core.db import open_database
    from lo_desktop.labels import usage

    db = open_database(demo)
    usage.mark(db, SHEET.id, [8, 9], True)
    usage.mark(db, SHEET.id, [2], False)
    db.close()
    labels(demo, tmp_path / "holes.pdf", "--codes", codes(6, first=11))
    expected = dict(zip([2, 6, 7, 10, 11, 12], [f"BN-{i:04d}" for i in range(11, 17)]))
    assert cells(tmp_path / "holes.pdf") == [expected]  # nothing on 1, 3–5, 8, 9, 13–21
    assert usage_of(demo)["used"] == list(range(1, 13))


def test_a_print_that_spills_over_remembers_only_the_last_sheet(demo, tmp_path, qapp):
    labels(demo, tmp_path / "a.pdf", "--codes", codes(18))
    out = tmp_path / "b.pdf"
    labels(demo, out, "--codes", codes(5, first=30))
    assert cells(out) == [{19: "BN-0030", 20: "BN-0031", 21: "BN-0032"}, {1: "BN-0033", 2: "BN-0034"}]
    assert usage_of(demo) == {"sheet_id": SHEET.id, "per_page": 21, "used": [1, 2], "first_free": 3}


def test_an_explicit_start_overrides_auto_and_new_sheet_forgets(demo, tmp_path, qapp):
    labels(demo, tmp_path / "a.pdf", "--codes", codes(3))
    out = tmp_path / "b.pdf"
    labels(demo, out, "--codes", codes(2, first=40), "--start", "10")
    assert cells(out) == [{10: "BN-0040", 11: "BN-0041"}]
    assert usage_of(demo)["used"] == list(range(1, 12))
    fresh = tmp_path / "c.pdf"
    labels(demo, fresh, "--codes", codes(1, first=44), "--new-sheet")
    assert cells(fresh) == [{1: "BN-0044"}]
    assert usage_of(demo)["used"] == [1]


def test_no_record_leaves_the_sheet_as_it_was(demo, tmp_path):
    labels(demo, tmp_path / "a.pdf", "--codes", codes(4))
    labels(demo, tmp_path / "b.pdf", "--codes", codes(4), "--no-record")
    assert usage_of(demo)["used"] == [1, 2, 3, 4]


def test_usage_is_said_in_thai_and_bad_start_is_one_sentence(demo, tmp_path):
    labels(demo, tmp_path / "a.pdf", "--codes", codes(5))
    said = run("sheets", "--usage", SHEET.id, db=demo).stdout
    assert "1–5" in said and "6" in said and "ดวง" in said
    assert "1–5" in run("sheets", db=demo).stdout  # the list shows the partly used sheet too
    bad = labels(demo, tmp_path / "bad.pdf", "--codes", codes(1), "--start", "first", ok=False)
    assert "first" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "bad.pdf").exists() and usage_of(demo)["used"] == [1, 2, 3, 4, 5]
    assert "ดวงที่ 1" in run("sheets", "--new-sheet", SHEET.id, db=demo).stdout
