"""Soak of the fault suite (issue 20): N programs write one database at once for S seconds.

Each worker repeats, through the command line's main(): add a material, attach a file, import a
5-row list with blank codes, run a manual backup (rotation with backups_kept = 2). It counts what it was
told: succeeded, refused in one sentence, unexpected. Afterwards the database must hold exactly what the
workers were told was saved. Prints the figures docs/fault-tests.md quotes.

    python benchmarks/bench_faults.py [--workers 8] [--seconds 45]
"""
from __future__ import annotations

import argparse
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNEXPECTED = ("Traceback", "Unexpected error", "เกิดข้อผิดพลาดที่ไม่คาดคิด")


def worker(db: str, folder: str, n: int, seconds: float) -> dict:
    from lo_desktop.cli import main

    note = Path(folder) / f"note-{n}.txt"
    listed = Path(folder) / f"list-{n}.csv"
    tally = {"ops": 0, "ok": 0, "refused": 0, "unexpected": [], "materials": 0, "attachments": 0}
    deadline, i = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        i += 1
        note.write_text(f"บันทึก {n}-{i}\n" * 20, encoding="utf-8")
        listed.write_text("ชื่อเรื่อง\n" + "".join(f"รายการ {n}-{i}-{k}\n" for k in range(5)), encoding="utf-8")
        for args, adds in ((["add", "--title", f"สื่อ {n}-{i}"], ("materials", 1)),
                           (["attach", "BN-0001", str(note)], ("attachments", 1)),
                           (["import", str(listed)], ("materials", 5)),
                           (["backup"], None)):
            out, err = io.StringIO(), io.StringIO()
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(["--db", db, *args])
                except SystemExit as exc:
                    code = exc.code
            text = out.getvalue() + err.getvalue()
            tally["ops"] += 1
            if code not in (0, 1) or any(w in text for w in UNEXPECTED):
                tally["unexpected"].append(text.strip()[-200:])
            elif code == 0:
                tally["ok"] += 1
                if adds:
                    tally[adds[0]] += adds[1]
            else:
                tally["refused"] += 1
    return tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=45)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="lo-faults-")
    db = str(Path(folder) / "corner.db")
    from lo_desktop.cli import main as cli

    assert cli(["--db", db, "--create", "add", "--title", "คู่มือเทศกิจ"]) == 0
    conn = sqlite3.connect(db)
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('backups_kept', '2')")
    conn.commit()
    conn.close()
    code = f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); " \
           f"from bench_faults import worker; print(json.dumps(worker(*sys.argv[1:3], int(sys.argv[3]), float(sys.argv[4]))))"
    children = [subprocess.Popen([sys.executable, "-c", code, db, folder, str(n), str(args.seconds)],
                                 stdout=subprocess.PIPE, text=True) for n in range(args.workers)]
    tallies = [json.loads(c.communicate()[0].strip().splitlines()[-1]) for c in children]
    conn = sqlite3.connect(db)
    saved_m = conn.execute("SELECT COUNT(*) FROM materials").fetchone()[0] - 1
    saved_a = conn.execute("SELECT COUNT(*) FROM attachments").fetchone()[0]
    distinct = conn.execute("SELECT COUNT(DISTINCT code) FROM materials").fetchone()[0] - 1
    conn.close()
    told_m, told_a = sum(t["materials"] for t in tallies), sum(t["attachments"] for t in tallies)
    print(f"{args.workers} programs x {args.seconds:g} s on one database")
    print(f"operations {sum(t['ops'] for t in tallies)}: succeeded {sum(t['ok'] for t in tallies)}, "
          f"refused in one sentence {sum(t['refused'] for t in tallies)}, "
          f"unexpected {sum(len(t['unexpected']) for t in tallies)}")
    print(f"materials told saved {told_m}, in the database {saved_m} (distinct codes {distinct})")
    print(f"attachments told saved {told_a}, in the database {saved_a}")
    for t in tallies:
        for text in t["unexpected"][:3]:
            print("UNEXPECTED:", text)


if __name__ == "__main__":
    main()
