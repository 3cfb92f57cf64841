"""Registers from spreadsheets at 100,000 rows: import time and peak memory per format, export time.

    python benchmarks/bench_import_formats.py [--count 100000] [--shape register|plain] [--formats xlsx,csv]

Targets on a 2-core machine (issue 14): 100,000 rows from .xlsx imported in ≤ 10 s with ≤ 300 MB peak
memory (the whole process, as the clerk's PC sees it); 100,000 rows exported to .xlsx in ≤ 8 s.
The import is the clerk's action (core/catalog/actions.import_materials: read, check, backup, rows,
history entry) into a fresh database. Each figure is measured in its own process, so one step's memory
never counts in another's peak. ``--shape register`` writes the file the way district offices keep it
(a title row, a blank row, the column names on row 3, a sequence column, a totals row at the end);
``plain`` has the column names on row 1 (what the importer before issue 14 could read).
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import material_rows  # noqa: E402


def register_rows(count: int, shape: str):
    """The sheet's rows, first to last, as a clerk's register holds them."""
    rows = material_rows(count)
    first = next(rows)
    header = list(first)
    if shape == "register":
        yield ["ทะเบียนสื่อมุมความรู้ สำนักงานเขตบางนา ปีงบประมาณ 2556"]
        yield []
        yield ["ลำดับที่"] + header
    else:
        yield header
    for n, row in enumerate([first], 1):
        yield ([n] if shape == "register" else []) + list(row.values())
    for n, row in enumerate(rows, 2):
        yield ([n] if shape == "register" else []) + list(row.values())
    if shape == "register":
        yield ["", f"รวม {count:,} รายการ"]


def write_xlsx(path: Path, count: int, shape: str) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("ทะเบียน")
    for row in register_rows(count, shape):
        sheet.append(row)
    book.save(path)


def write_csv(path: Path, count: int, shape: str) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(register_rows(count, shape))


def measure_import(path: str, db_path: str) -> dict:
    from lo_desktop.core.catalog.actions import import_materials
    from lo_desktop.core.db import open_database

    db = open_database(db_path)
    start = time.perf_counter()
    result = import_materials(db, path)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "imported": result.imported, "peak_mb": _peak_mb()}


def measure_export(db_path: str, out: str) -> dict:
    from lo_desktop.core.catalog.actions import export_materials
    from lo_desktop.core.db import open_database

    db = open_database(db_path)
    start = time.perf_counter()
    exported = export_materials(db, out)
    return {"seconds": time.perf_counter() - start, "exported": exported, "peak_mb": _peak_mb()}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def in_child(step: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter and read back its figures."""
    done = subprocess.run([sys.executable, __file__, "--child", step, *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--shape", choices=("register", "plain"), default="register")
    parser.add_argument("--formats", default="xlsx,csv")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, *rest = args.child
        print(json.dumps(measure_import(*rest) if step == "import" else measure_export(*rest)))
        return
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        last_db = None
        for suffix in args.formats.split(","):
            source = folder / f"register.{suffix}"
            start = time.perf_counter()
            (write_xlsx if suffix == "xlsx" else write_csv)(source, args.count, args.shape)
            made = time.perf_counter() - start
            last_db = folder / f"{suffix}.db"
            got = in_child("import", str(source), str(last_db))
            print(f"import .{suffix} ({args.shape}, {source.stat().st_size / 1e6:.1f} MB, written in {made:.1f} s): "
                  f"{got['imported']:,} rows in {got['seconds']:.2f} s, peak {got['peak_mb']:.0f} MB")
        got = in_child("export", str(last_db), str(folder / "out.xlsx"))
        print(f"export .xlsx: {got['exported']:,} rows in {got['seconds']:.2f} s, peak {got['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
