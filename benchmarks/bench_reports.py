"""How long the Word reports take, and how large they get, with phone-sized photos.

    python benchmarks/bench_reports.py [--sessions 20] [--photos 4] [--side 4000]

Builds a corner through the core API (sessions × photos, each photo a distinct 12-megapixel JPEG, every
other one stored sideways with an EXIF orientation mark), then times the indicator report for the
fiscal year, one session memo and the catalog register. Target: the FY report with 20 sessions × 4
photos in 5 s or less; 40 photos under 10 MB. Photos are cached in the temp folder between runs.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reports")]
os.environ.setdefault("LO_DESKTOP_DATA_DIR", tempfile.mkdtemp())

from report_data import FY, build_corner, phone_photo  # noqa: E402

from lo_desktop.core.db import open_database  # noqa: E402
from lo_desktop.reports.catalog_register import build_catalog_register  # noqa: E402
from lo_desktop.reports.indicator_report import build_indicator_report  # noqa: E402
from lo_desktop.reports.session_memo import build_session_memo  # noqa: E402
from lo_desktop.settings import Settings  # noqa: E402


def photos(count: int, side: int) -> list[Path]:
    cache = Path(tempfile.gettempdir()) / f"lo-bench-photos-{side}"
    cache.mkdir(exist_ok=True)
    size = (side, side * 3 // 4)
    made = []
    for index in range(count):
        path = cache / f"photo{index:03d}.jpg"
        if not path.exists():
            phone_photo(path, index, size, sideways=index % 2 == 1)
        made.append(path)
    return made


def timed(label: str, build) -> Path:
    start = time.perf_counter()
    path = build()
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:6.2f} s  {path.stat().st_size / 1e6:6.2f} MB")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument("--side", type=int, default=4000)
    args = parser.parse_args()
    files = photos(args.sessions * args.photos, args.side)
    work = Path(tempfile.mkdtemp())
    db = open_database(work / "bench.db")
    corner = build_corner(db, work / "photos", args.sessions, args.photos, photo_files=files)
    settings = Settings(thai_digits=True)
    total = args.sessions * args.photos
    print(f"{args.sessions} sessions × {args.photos} photos ({total} photos, {args.side} px), "
          f"{os.cpu_count()} CPUs")
    timed(f"indicator report FY {FY}", lambda: build_indicator_report(db, settings, FY, work / "kpi.docx"))
    first = corner["sessions"][0].id
    timed("session memo", lambda: build_session_memo(db, settings, first, work / "memo.docx"))
    timed("catalog register with QR", lambda: build_catalog_register(db, settings, work / "reg.docx",
                                                                     with_qr=True))
    if args.sessions >= 10:
        sub = Settings(thai_digits=True)
        db40 = open_database(work / "forty.db")
        build_corner(db40, work / "p40", 10, 4, photo_files=files[:40])
        timed("indicator report, 40 photos", lambda: build_indicator_report(db40, sub, FY, work / "kpi40.docx"))


if __name__ == "__main__":
    main()
