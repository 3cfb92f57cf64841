"""The one print action (labels/print_job.py): checks first, a PDF all at once or not at all, bookkeeping
only after a print that finished; and the layering the label modules promise."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from labels_helpers import make_materials
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled, Progress
from lo_desktop.labels import history, print_job, usage
from lo_desktop.labels.sheets import get_sheet
from lo_desktop.settings import Settings

L7160 = "avery-l7160"
LABELS = Path(print_job.__file__).parent
QT_FREE = ("calibration", "geometry", "history", "layout", "payload", "qr", "sheets", "thai_wrap", "usage")


def _order(db, materials, **kw):
    return print_job.LabelOrder([m.id for m in materials], get_sheet(db, L7160), ["code", "title"], **kw)


def test_a_print_is_remembered_and_starts_where_the_sheet_left_off(qapp, db, tmp_path):
    materials = make_materials(db, 3)
    usage.mark(db, L7160, [2], True)
    printed = print_job.print_labels(db, Settings(), _order(db, materials, copies=2), tmp_path / "a.pdf")
    assert (printed.pages, printed.labels) == (1, 6)
    assert printed.sheet_left == frozenset(range(1, 8)) == frozenset(usage.used_positions(db, L7160))
    assert history.labelled_ids(db) == {m.id for m in materials}


def test_a_cancelled_print_leaves_the_old_pdf_and_remembers_nothing(qapp, db, tmp_path):
    materials = make_materials(db, 3)
    out = tmp_path / "labels.pdf"
    out.write_bytes(b"%PDF-1.4 the earlier labels")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        print_job.print_labels(db, Settings(), _order(db, materials), out, progress=progress)
    assert out.read_bytes() == b"%PDF-1.4 the earlier labels"
    assert not list(tmp_path.glob(".~lo-*"))
    assert history.labelled_ids(db) == set() and usage.used_positions(db, L7160) == set()


@pytest.mark.parametrize("change, words", [
    (dict(fields=["code", "barcode"]), "barcode"),
    (dict(start=22), "21"),
    (dict(copies=0), "500"),
])
def test_bad_orders_are_refused_before_anything_is_written(qapp, db, tmp_path, change, words):
    materials = make_materials(db, 2)
    order = _order(db, materials)
    for name, value in change.items():
        setattr(order, name, value)
    with pytest.raises(UserError, match=words):
        print_job.print_labels(db, Settings(), order, tmp_path / "bad.pdf")
    assert not (tmp_path / "bad.pdf").exists() and history.labelled_ids(db) == set()


def test_a_fresh_sheet_does_not_pass_over_what_the_old_one_had_taken(qapp, db, tmp_path):
    materials = make_materials(db, 2)
    usage.mark(db, L7160, [1, 2, 3], True)
    printed = print_job.print_labels(db, Settings(), _order(db, materials, fresh_sheet=True), tmp_path / "a.pdf")
    assert printed.sheet_left == {1, 2}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_label_modules_never_import_the_window():
    offenders = {p.name for p in LABELS.glob("*.py") if any(n.startswith("lo_desktop.ui") for n in _imports(p))}
    assert offenders == set()


def test_the_bookkeeping_and_the_qr_and_font_names_load_no_qt():
    for name in QT_FREE:
        assert not {n for n in _imports(LABELS / f"{name}.py") if n.startswith("PySide6")}, name
    code = ("import sys, lo_desktop.fonts, lo_desktop.reports.thai_fonts, "
            + ", ".join(f"lo_desktop.labels.{n}" for n in QT_FREE)
            + "; print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
