"""Label figures: 1,000 labels to a vector PDF and where their time goes, 10,000 labels' memory, and one
label from a cold start of the command line.

    python benchmarks/bench_labels.py [--count 1000] [--many 10000] [--sheet avery-l7160] [--no-cli]
Targets on a 2-core machine: 1,000 labels ≤ 3 s (warm: fonts loaded, as in the window after its first
preview), PDF ≤ 200 KB per page; 10,000 labels with memory that stays flat once the first pages are
out (Qt writes the PDF page by page, every cache is bounded, the lines for /ActualText wait in a
temporary file); one label from a cold start of ``lo-desktop labels`` ≤ 0.6 s. A third of the
materials have web links (URL payloads), the rest print the code-and-title text form, so both QR
sizes are measured. Figures vary by ~20 % on a shared machine: the 1,000 labels are timed three times,
every cache emptied before each run, and the median is the figure (gLabels, at ~18 s, runs once).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import glabels_side  # noqa: E402
from generate import material_rows  # noqa: E402

from lo_desktop.core.progress import Progress  # noqa: E402
from lo_desktop.core.records import Material  # noqa: E402
from lo_desktop.labels import qr, render, thai_wrap  # noqa: E402
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


def timed(sheet_id: str, items: list[Material], out: Path, progress=None) -> tuple[float, int]:
    settings = Settings()
    job = Job(get_sheet(None, sheet_id), [content_for(m, settings) for m in items], FIELDS)
    start, cpu = time.perf_counter(), time.process_time()
    pages = write_pdf(out, job, progress=progress)
    timed.cpu = time.process_time() - cpu
    return time.perf_counter() - start, pages


class Stopwatch:
    """Time spent in ``owner.name`` (a module's function or a class's method) while the block runs."""

    def __init__(self, owner, name: str):
        self.owner, self.name, self.seconds, self.calls = owner, name, 0.0, 0

    def __enter__(self):
        original = self.original = getattr(self.owner, self.name)

        def timed_call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        setattr(self.owner, self.name, timed_call)
        return self

    def __exit__(self, *exc):
        setattr(self.owner, self.name, self.original)


RUNS = 3  # the median of three: a shared machine's speed moves within the two seconds of one run


def forget() -> None:
    """Every cache the labels keep (layouts, words, codes, rectangles, measured text): each run lays out,
    segments, encodes and measures everything again, as for labels never printed in this process."""
    render._LAYOUTS.clear()
    render._QRECTS.clear()
    for cached in (render.metrics, render.qr_rects, render.qr_path, qr.matrix, thai_wrap.words,
                   thai_wrap.inner_words):
        cached.cache_clear()


def qr_cost(items: list[Material]) -> tuple[float, float]:
    """Seconds to encode the codes, and to turn them into the painter's rectangles (QRectF included)."""
    payloads = [content_for(m, Settings()).payload for m in items]
    start = time.perf_counter()
    matrices = [qr.matrix(p) for p in payloads]
    encoded = time.perf_counter()
    for modules in matrices:
        [render.QRectF(*rect) for rect in qr.rectangles(modules)]
    return encoded - start, time.perf_counter() - encoded


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class MemorySampler(Progress):
    """Resident memory each time another 1,000 labels are drawn."""

    def __init__(self):
        super().__init__()
        self.samples: list[tuple[int, float]] = []

    def reported(self, done: int, total: int, text: str) -> None:
        if done % 1000 == 0 and sys.platform.startswith("linux"):
            self.samples.append((done, resident_mb()))


def cold_cli(folder: Path, runs: int = 5) -> list[float]:
    """``lo-desktop labels --codes BN-0001`` in a fresh process on the demo database, wall seconds."""
    db = folder / "demo.db"
    command = [sys.executable, "-m", "lo_desktop", "--db", str(db)]
    subprocess.run(command + ["demo"], check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command + ["labels", "--codes", "BN-0001", "--no-record", "--out", str(folder / "x.pdf")],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--many", type=int, default=10000, help="labels for the memory run (0: skip)")
    parser.add_argument("--sheet", default="avery-l7160")
    parser.add_argument("--no-cli", action="store_true", help="skip the cold command-line runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if not args.no_cli:
            runs = cold_cli(folder)
            print(f"one label from a cold start (lo-desktop labels, demo database): median "
                  f"{statistics.median(runs):.2f} s, best {min(runs):.2f} s of {len(runs)}")
        cold, _ = timed(args.sheet, materials(21, offset=10**6), folder / "cold.pdf")
        print(f"first page in a fresh process (Thai dictionary, fonts): {cold:.2f} s")
        items = materials(args.count)
        from PySide6.QtGui import QPdfWriter

        runs = []
        for _ in range(RUNS):
            forget()
            with Stopwatch(QPdfWriter, "newPage") as pages_timer, Stopwatch(render, "add_actual_text") as spans:
                runs.append(timed(args.sheet, items, folder / "labels.pdf")[0])
        seconds, pages = statistics.median(runs), pages_timer.calls + 1
        size = (folder / "labels.pdf").stat().st_size
        print(f"{args.count} labels on {args.sheet}: median {seconds:.2f} s of {RUNS} runs "
              f"({', '.join(f'{run:.2f}' for run in runs)}; every cache emptied before each), "
              f"{seconds / args.count * 1000:.2f} ms a label, {pages} pages, {size / pages / 1024:.0f} KB a page,"
              f" {size / 2**20:.2f} MB")
        print(f"  QPdfWriter.newPage: {pages_timer.seconds:.2f} s for {pages_timer.calls} pages; "
              f"/ActualText pass over the finished PDF: {spans.seconds:.2f} s")
        if glabels_side.available():
            side_by_side(args.sheet, items, folder, seconds, size)
        else:
            print("  (glabels-3-batch is not installed: no side-by-side figure)")
        encode, rectangles = qr_cost(items)
        print(f"  QR codes: encoding {encode:.2f} s, rectangles {rectangles:.2f} s per {len(items)}")
        for sheet_id in ("avery-l7651", "avery-l7163"):
            sheet_items = materials(get_sheet(None, sheet_id).per_page * 2, offset=5000)
            out = folder / f"{sheet_id}.pdf"
            seconds, pages = timed(sheet_id, sheet_items, out)
            print(f"{sheet_id}: {len(sheet_items)} labels, {out.stat().st_size / pages / 1024:.0f} KB a page")
        if args.many:
            many(args.sheet, args.many, folder)


def side_by_side(sheet_id: str, items: list[Material], folder: Path, ours: float, our_size: int) -> None:
    """gLabels given exactly the QR payloads and texts lo-desktop printed, in the same run."""
    settings = Settings()
    contents = [content_for(m, settings) for m in items]
    theirs, out = glabels_side.run(get_sheet(None, sheet_id), contents, folder)
    size = out.stat().st_size
    print(f"  glabels-3-batch, the same {len(items)} labels: {theirs:.2f} s, {size / 2**20:.2f} MB: lo-desktop is "
          f"{theirs / ours:.1f}x faster and its PDF {our_size / size:.2f}x the size")


def many(sheet_id: str, count: int, folder: Path) -> None:
    sampler = MemorySampler()
    seconds, pages = timed(sheet_id, materials(count, offset=20000), folder / "many.pdf", sampler)
    print(f"{count} labels: {seconds:.1f} s, {pages} pages, "
          f"{(folder / 'many.pdf').stat().st_size / 2**20:.1f} MB")
    if sampler.samples:
        shown = ", ".join(f"{done}: {mb:.0f}" for done, mb in sampler.samples[1::max(1, len(sampler.samples) // 5)])
        print(f"  resident memory (MB) after n labels drawn: {shown}; "
              f"from {sampler.samples[1][0]} to {sampler.samples[-1][0]}: "
              f"{sampler.samples[-1][1] - sampler.samples[1][1]:+.0f} MB")


if __name__ == "__main__":
    main()
