"""Label figures: 1,000 labels to a vector PDF, and the PDF's size per page.

    python benchmarks/bench_labels.py [--count 1000] [--sheet avery-l7160]
Targets on a 2-core machine: 1,000 labels ≤ 3 s (warm: fonts and the Thai dictionary loaded, as in the
window after its first preview), PDF ≤ 200 KB per page. A third of the materials have web links (URL
payloads), the rest print the code-and-title text form, so both QR sizes are measured. The cold time
(first use in a fresh process: Thai dictionary, fonts) is printed too.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import material_rows  # noqa: E402

from lo_desktop.core.records import Material  # noqa: E402
from lo_desktop.labels.render import Job, content_for, write_pdf  # noqa: E402
from lo_desktop.labels.sheets import get_sheet  # noqa: E402
from lo_desktop.settings import Settings  # noqa: E402

FIELDS = ["code", "title", "location", "agency"]


def materials(count: int, offset: int = 0) -> list[Material]:
    found = []
    for n, row in enumerate(material_rows(count + offset)):
        if n < offset:
            continue
        link = f"https://km.bangna.go.th/doc/{n}" if n % 3 == 0 else ""
        found.append(Material(code=row["code"], title=row["title"], location=row["location"], link=link))
    return found


def timed(sheet_id: str, items: list[Material], out: Path) -> tuple[float, int]:
    settings = Settings()
    job = Job(get_sheet(None, sheet_id), [content_for(m, settings) for m in items], FIELDS)
    start, cpu = time.perf_counter(), time.process_time()
    pages = write_pdf(out, job)
    timed.cpu = time.process_time() - cpu
    return time.perf_counter() - start, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--sheet", default="avery-l7160")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cold, _ = timed(args.sheet, materials(21, offset=10**6), Path(folder) / "cold.pdf")
        seconds, pages = timed(args.sheet, materials(args.count), Path(folder) / "labels.pdf")
        size = (Path(folder) / "labels.pdf").stat().st_size
        print(f"first page in a fresh process: {cold:.2f} s")
        print(f"{args.count} labels on {args.sheet}: {seconds:.2f} s, CPU {timed.cpu:.2f} s "
              f"({seconds / args.count * 1000:.2f} ms a label),"
              f" {pages} pages, {size / pages / 1024:.0f} KB a page")
        for sheet_id in ("avery-l7651", "avery-l7163"):
            items = materials(get_sheet(None, sheet_id).per_page * 2, offset=5000)
            out = Path(folder) / f"{sheet_id}.pdf"
            seconds, pages = timed(sheet_id, items, out)
            print(f"{sheet_id}: {len(items)} labels, {out.stat().st_size / pages / 1024:.0f} KB a page")


if __name__ == "__main__":
    main()
