"""Printing labels through the command line and through the Labels dialog leaves the same corner behind.

Each test copies one corner (materials, a partly used sheet, an earlier print) twice, prints the same
labels with ``lo-desktop … labels`` on A and through the dialog (its PDF… or Print… button) on B, both
opened as they open a corner (core/corner.py: the day's backup too), and compares the print history,
the remembered sheet positions, the change history and the backups; then reads every QR of both PDFs.
"""
import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "labels"))

from labels_helpers import crop_cell, decode_zxing, make_materials, render_pages  # noqa: E402
from parity_helpers import copy_of  # noqa: E402
from lo_desktop.cli import main  # noqa: E402
from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import materials as catalog  # noqa: E402
from lo_desktop.core.corner import open_corner  # noqa: E402
from lo_desktop.core.db import open_database  # noqa: E402
from lo_desktop.labels import history, usage  # noqa: E402
from lo_desktop.labels.sheets import get_sheet  # noqa: E402

L7160 = "avery-l7160"


@pytest.fixture
def base(tmp_path):
    """Eight materials, the last one in the Trash; LB-0008 labelled before; labels 1, 2 and 4 of the
    L7160 sheet in the tray taken."""
    path = tmp_path / "base" / "corner.db"
    db = open_database(path)
    materials = make_materials(db, 8)
    catalog.delete_material(db, materials[-1].id)
    history.record_prints(db, [materials[6].id], L7160)
    usage.mark(db, L7160, [1, 2, 4], True)
    db.close()
    return path


def state(path: Path) -> dict:
    """What printing leaves: print history (without times), sheet positions, change history, backups."""
    conn = sqlite3.connect(path)
    try:
        return {
            "prints": conn.execute("SELECT m.code, p.sheet_id FROM label_prints p JOIN materials m "
                                   "ON m.id = p.material_id ORDER BY m.code, p.id").fetchall(),
            "sheets": [(s, json.loads(u)) for s, u in conn.execute("SELECT sheet_id, used FROM sheet_usage "
                                                                   "ORDER BY sheet_id")],
            "history": [(a, e, json.loads(c or "{}")) for a, e, c in conn.execute(
                "SELECT action, entity, changes FROM history ORDER BY id")],
            "backups": sorted(i.reason for i in backup.list_backups(path)),
        }
    finally:
        conn.close()


def read_codes(pdf: Path, sheet) -> list[list[str]]:
    """Each page's labels as read by a scanner, cell by cell ([] for an empty cell)."""
    return [[decode_zxing(crop_cell(page, sheet, cell, 150)) for cell in range(sheet.per_page)]
            for page in render_pages(pdf, 150)]


@pytest.fixture
def dialog_on(qtbot, monkeypatch):
    """The Labels dialog over a corner opened as the window opens one, with the selection given by code."""
    from lo_desktop.ui.common import tasks
    from lo_desktop.ui.labels.labels_dialog import LabelsDialog

    monkeypatch.setattr(tasks, "offer_output", lambda parent, path: None)
    corners = []

    def make(path: Path, codes=(), choice: str = "selection"):
        corner = open_corner(path)
        corners.append(corner)
        ids = [i for (i,) in corner.db.execute("SELECT id FROM materials ORDER BY code").fetchall()]
        by_code = dict(corner.db.execute("SELECT code, id FROM materials").fetchall())
        dialog = LabelsDialog(corner.db, corner.settings, [by_code[c] for c in codes] or ids[:1], None)
        qtbot.addWidget(dialog)
        dialog.set_choice(choice)
        dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findData(L7160))
        return dialog

    yield make
    for corner in corners:
        corner.close()


def cli(path: Path, *args) -> int:
    return main(["--db", str(path), *args])


def test_a_pdf_of_chosen_materials_is_the_same_from_both(base, dialog_on, tmp_path):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    out_a, out_b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    codes = ["LB-0002", "LB-0003", "LB-0005"]
    assert cli(a, "labels", "--sheet", L7160, "--copies", "2", "--codes", ",".join(codes), "--out", str(out_a)) == 0
    dialog = dialog_on(b, codes)
    dialog.copies.setValue(2)
    assert dialog.start.value() == 3  # the first free label, as the command line's "auto"
    dialog.pdf_marks_used.setChecked(True)  # it goes on the sheet in the tray, as the CLI assumes
    dialog.save_pdf(str(out_b)).wait()
    assert state(a) == state(b)
    assert state(a)["sheets"] == [(L7160, list(range(1, 10)))]  # 1, 2, 4 before; 3, 5–9 now
    assert [c for c, _s in state(a)["prints"]] == ["LB-0002", "LB-0003", "LB-0005", "LB-0007"]
    assert state(a)["backups"] == ["daily"]
    sheet = get_sheet(None, L7160)
    read_a, read_b = read_codes(out_a, sheet), read_codes(out_b, sheet)
    assert read_a == read_b
    filled = [cell + 1 for cell, found in enumerate(read_a[0]) if found]
    assert filled == [3, 5, 6, 7, 8, 9]  # labels 1, 2 and 4 were taken: passed over
    expected = ["LB-0002", "LB-0002", "LB-0003", "LB-0003", "LB-0005", "LB-0005"]
    assert all(code in read_a[0][p - 1][0] for p, code in zip(filled, expected))


def test_not_yet_labelled_is_the_same_from_both_and_leaves_out_the_trash(base, dialog_on, tmp_path):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    out_a, out_b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert cli(a, "labels", "--sheet", L7160, "--unlabelled", "--out", str(out_a)) == 0
    dialog = dialog_on(b, choice="unlabelled")
    assert dialog.choice() == "unlabelled"
    dialog.pdf_marks_used.setChecked(True)  # it goes on the sheet in the tray, as the CLI assumes
    dialog.save_pdf(str(out_b)).wait()
    assert state(a) == state(b)
    printed = sorted({c for c, _s in state(a)["prints"]})
    assert printed == [f"LB-{i:04d}" for i in range(1, 8)]  # LB-0008 is in the Trash
    sheet = get_sheet(None, L7160)
    assert read_codes(out_a, sheet) == read_codes(out_b, sheet)


def test_a_trashed_material_in_the_selection_is_neither_printed_nor_remembered(base, dialog_on, tmp_path):
    """The window once recorded every selected id as printed, even one the Trash had taken meanwhile."""
    a, b = copy_of(base, "a"), copy_of(base, "b")
    assert cli(a, "labels", "--sheet", L7160, "--codes", "LB-0001", "--out", str(tmp_path / "a.pdf")) == 0
    dialog = dialog_on(b, ["LB-0001", "LB-0008"])
    dialog.pdf_marks_used.setChecked(True)  # it goes on the sheet in the tray, as the CLI assumes
    dialog.save_pdf(str(tmp_path / "b.pdf")).wait()
    assert state(a) == state(b)
    assert ("LB-0008", L7160) not in state(b)["prints"]


def test_printing_on_a_printer_keeps_the_same_books_as_a_pdf(base, dialog_on, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from lo_desktop.labels.printing import make_printer

    a, b = copy_of(base, "a"), copy_of(base, "b")
    out_a, out_b = tmp_path / "a.pdf", tmp_path / "printer.pdf"
    assert cli(a, "labels", "--sheet", L7160, "--codes", "LB-0004,LB-0006", "--out", str(out_a)) == 0
    dialog = dialog_on(b, ["LB-0004", "LB-0006"])

    def printer_to_file():
        printer = make_printer(dialog.sheet())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out_b))
        return printer

    monkeypatch.setattr(dialog, "_ask_printer", printer_to_file)
    dialog.print_labels().wait()
    assert state(a) == state(b)
    sheet = get_sheet(None, L7160)
    assert read_codes(out_a, sheet) == read_codes(out_b, sheet)
    assert dialog.start.value() == 6  # 1, 2, 4 taken before; 3 and 5 now


def test_without_record_the_command_line_remembers_nothing(base, tmp_path):
    a = copy_of(base, "a")
    before = state(a)
    assert cli(a, "labels", "--sheet", L7160, "--all", "--no-record", "--out", str(tmp_path / "a.pdf")) == 0
    after = state(a)
    assert (after["prints"], after["sheets"]) == (before["prints"], before["sheets"])
