"""Catalog figures at 100,000 materials: import time, Thai fragment search latency, CLI start-up, size.

    python benchmarks/bench_catalog.py [--count 100000]
Targets on a 2-core machine: import ≤ 10 s, `lo-desktop --version` ≤ 0.3 s. The import is the clerk's action
(core/catalog/actions.import_materials: backup, rows, history entry), timed by phase; a search is what the
window computes per keystroke (core/catalog/keystroke.py): the ids in order, then the filter counts.
"""
from __future__ import annotations

import argparse
import csv
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import material_rows  # noqa: E402

from lo_desktop.core.db import open_database  # noqa: E402
from lo_desktop.core.catalog.actions import import_materials  # noqa: E402
from lo_desktop.core.catalog.keystroke import CountsMemory, compute, rows_of  # noqa: E402
from lo_desktop.core.catalog.search import Query  # noqa: E402
from lo_desktop.core.catalog.transfer import check_rows, guess_mapping, read_table  # noqa: E402

FRAGMENTS = ("หาบเร่", "ผู้ค้า", "แผงลอย", "การคลัง", "พระโขนง", "ทะเบียน", "ขั้นตอน", "จุดผ่อน",
             "ผู", "กร", "bn-0123", "คู่มือ เทศกิจ", "ไม่มีคำนี้แน่นอน", "มาตรฐาน บริการ", "๒๕๕๖", "ชุมชน")


def write_csv(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        rows = material_rows(n)
        first = next(rows)
        out = csv.DictWriter(f, fieldnames=list(first))
        out.writeheader()
        out.writerow(first)
        out.writerows(rows)


def time_import(db, path: Path) -> dict[str, float]:
    marks = [time.perf_counter()]
    table = read_table(path)
    marks.append(time.perf_counter())
    check = check_rows(db, table, guess_mapping(table.headers))
    assert not check.problems, check.problems[:3]
    marks.append(time.perf_counter())
    import_materials(db, path, check=check)
    marks.append(time.perf_counter())
    return {"read": marks[1] - marks[0], "check": marks[2] - marks[1], "write": marks[3] - marks[2]}


def time_table(db, fragments, rounds: int = 5) -> list[float]:
    """The first half of a keystroke's answer: every matching id in code order, what the table shows
    (it reads the rows as they scroll into view)."""
    return _timed(lambda text: rows_of(db.conn, 0, Query(text=text), "code", False, True), fragments, rounds)


def time_keystroke(db, fragments, rounds: int = 3) -> list[float]:
    """The whole answer: the ids, the filter panel's counts and the catalog's total."""
    return _timed(lambda text: compute(db.conn, 0, Query(text=text), "code", False, True), fragments, rounds)


def time_clicks(db_path: Path, fragments, keep: bool = True) -> tuple[list[float], list[float]]:
    """What the window's search thread answers after a filter click (the same text, a kind chosen) and
    after the search is cleared: on its own read-only connection, which keeps the counts of recent
    texts (CountsMemory; ``keep`` False: as before it did). Each fragment is searched first, as the clerk
    would have."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    memory = CountsMemory() if keep else None
    clicks, clears = [], []
    for text in fragments:
        for query, timings in ((Query(text=text), None), (Query(text=text, filters={"kind": "work_manual"}), clicks),
                               (Query(), clears)):
            start = time.perf_counter()
            compute(conn, 0, query, "code", False, True, memory)
            if timings is not None:
                timings.append((time.perf_counter() - start) * 1000)
    conn.close()
    return sorted(clicks), sorted(clears)


def _timed(step, fragments, rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        for text in fragments:
            start = time.perf_counter()
            step(text)
            timings.append((time.perf_counter() - start) * 1000)
    return sorted(timings)


def summary(timings: list[float]) -> str:
    return f"median {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms"


def time_version() -> float:
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lo_desktop", "--version"], check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    n = parser.parse_args().count
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, db_path = Path(tmp) / "materials.csv", Path(tmp) / "bench.db"
        write_csv(csv_path, n)
        db = open_database(db_path)
        phases = time_import(db, csv_path)
        long_terms = [f for f in FRAGMENTS if min(len(t) for t in f.split()) >= 3]
        short_terms = [f for f in FRAGMENTS if f not in long_terms]
        table = time_table(db, long_terms)
        short_table = time_table(db, short_terms)
        keystroke = time_keystroke(db, long_terms)
        clicks, clears = time_clicks(db_path, long_terms)
        clicks_before, clears_before = time_clicks(db_path, long_terms, keep=False)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db_path.stat().st_size / 1e6
        db.close()
    print(f"materials:            {n:,}")
    detail = ", ".join(f"{k} {v:.1f} s" for k, v in phases.items())
    print(f"import (CSV → db):    {sum(phases.values()):.2f} s ({detail})   (target ≤ 10 s)")
    print(f"table, 3+ letters:    {summary(table)}   (every matching id in order: what the table shows first)")
    print(f"table, 1-2 letters:   {summary(short_table)}   (substring scan of every row)")
    print(f"keystroke, 3+ letters: {summary(keystroke)}   (ids, filter counts and total: the whole answer)")
    print(f"filter click:         {summary(clicks)}   (the same text, a kind chosen: its counts kept; "
          f"without: {summary(clicks_before)})")
    print(f"search cleared:       {summary(clears)}   (back to every material, counted before; "
          f"without: {summary(clears_before)})")
    print(f"lo-desktop --version: {time_version():.3f} s   (target ≤ 0.3 s)")
    print(f"database size:        {size:.1f} MB")


if __name__ == "__main__":
    main()
