"""`lo-desktop sheets` and `lo-desktop labels` as a script uses them: real processes, exit codes, no tracebacks."""
from __future__ import annotations

import json

import pytest

from labels_helpers import crop_cell, decode_zxing, render_pages, run

KEYS = {"id", "name", "page_width_mm", "page_height_mm", "label_width_mm", "label_height_mm", "columns", "rows",
        "left_mm", "top_mm", "h_pitch_mm", "v_pitch_mm"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("labels") / "demo.db"
    run("demo", db=path)
    return path


def test_sheets_json_lists_every_sheet_with_its_measures(demo):
    sheets = json.loads(run("sheets", "--json", db=demo).stdout)
    assert {"avery-l7160", "avery-l7163", "avery-l7159", "avery-l7651"} <= {s["id"] for s in sheets}
    for sheet in sheets:
        assert KEYS <= set(sheet)
    l7160 = next(s for s in sheets if s["id"] == "avery-l7160")
    assert (l7160["columns"], l7160["rows"], l7160["label_width_mm"]) == (3, 7, 63.5)


def test_labels_by_code_land_in_the_right_cells(demo, tmp_path, qapp):
    out = tmp_path / "some.pdf"
    result = run("labels", "--sheet", "avery-l7160", "--start", "20", "--copies", "2",
                 "--codes", "BN-0001,BN-0002", "--out", str(out), db=demo)
    assert "4" in result.stdout and out.exists()
    from lo_desktop.labels.sheets import get_sheet

    sheet = get_sheet(None, "avery-l7160")
    pages = render_pages(out, 200)
    assert len(pages) == 2
    found = [decode_zxing(crop_cell(pages[p], sheet, c, 200)) for p, c in ((0, 19), (0, 20), (1, 0), (1, 1))]
    assert [f[0].split("\n")[0].split("#")[-1] for f in found] == ["BN-0001", "BN-0001", "BN-0002", "BN-0002"]


def test_all_then_unlabelled_remembers_what_was_printed(demo, tmp_path):
    run("labels", "--all", "--sheet", "avery-l7651", "--out", str(tmp_path / "all.pdf"), db=demo)
    result = run("labels", "--unlabelled", "--out", str(tmp_path / "none.pdf"), db=demo, ok=False)
    assert result.stderr.strip() and not (tmp_path / "none.pdf").exists()


@pytest.mark.parametrize("args, words", [
    (["--sheet", "avery-0000", "--all"], "avery-0000"),
    (["--sheet", "avery-l7160", "--start", "22", "--all"], "21"),
    (["--codes", "XX-9999"], "XX-9999"),
    (["--all", "--copies", "0"], "500"),
    (["--all", "--fields", "code,barcode"], "barcode"),
])
def test_bad_input_is_one_clear_sentence_and_no_file(demo, tmp_path, args, words):
    out = tmp_path / "bad.pdf"
    result = run("labels", *args, "--out", str(out), db=demo, ok=False)
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob(".~lo-*"))  # no temporary file left


def test_calibration_page(demo, tmp_path):
    out = tmp_path / "cal.pdf"
    run("labels", "--calibration", "--sheet", "avery-l7163", "--out", str(out), db=demo)
    page = render_pages(out, 100)[0]
    assert page.getpixel((round(4.67 / 25.4 * 100), round(30 / 25.4 * 100))) < 160  # the first outline


def test_the_command_line_prints_with_the_saved_scale_correction(demo, tmp_path, qapp):
    """A clerk who measured 98 % on the calibration page gets PDFs at that scale from the command line too."""
    import shutil
    from dataclasses import replace

    from ink_measure import qr_centres, rasterise

    from lo_desktop.core.db import open_database
    from lo_desktop.labels.calibration import with_offset
    from lo_desktop.settings import load_settings, save_settings

    scaled = tmp_path / "scaled.db"
    shutil.copy(demo, scaled)
    db = open_database(scaled)
    settings = load_settings(db)
    save_settings(db, replace(settings, calibration_mm=with_offset(settings.calibration_mm, "", 0, 0, (98.0, 98.0))))
    db.close()
    centres = {}
    for name, path in (("full", demo), ("scaled", scaled)):
        out = tmp_path / f"{name}.pdf"
        run("labels", "--sheet", "avery-l7160", "--start", "21", "--no-record", "--codes", "BN-0001",
            "--fields", "code", "--out", str(out), db=path)
        centres[name] = list(qr_centres(rasterise(out, 300), 300).values())
    (x, y), (sx, sy) = centres["full"][0], centres["scaled"][0]
    assert abs(sx - 0.98 * x) < 0.25 and abs(sy - 0.98 * y) < 0.25
