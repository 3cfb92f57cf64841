"""Main window with 100,000 Thai materials: time to show, UI block per search keystroke, peak memory.

The search itself runs in the window's search worker thread; the UI block of a keystroke is the time the
window's thread spends asking and then showing each half of the answer (table, filter counts). The
times after which the table and the counts appear (the worker's latency) are printed for reference.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py [--count 100000] [--keep FILE]

Targets: window shown ≤ 1.5 s, one keystroke's debounced search ≤ 50 ms of UI block, peak RSS ≤ 250 MB.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

def generate_in_child(path: Path, count: int) -> None:
    """Fill the database in another process, so its lists do not count in this one's peak memory."""
    code = ("import sys; sys.path[:0] = [sys.argv[3], sys.argv[4]]; from generate import fill_database; "
            "from lo_desktop.core.db import open_database; db = open_database(sys.argv[1]); "
            "fill_database(db, int(sys.argv[2])); db.close()")
    here = Path(__file__).resolve().parent
    subprocess.run([sys.executable, "-c", code, str(path), str(count), str(here), str(here.parent)], check=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def measure_show(path: Path):
    from PySide6.QtWidgets import QApplication

    start = time.perf_counter()
    from lo_desktop.app import build_window, create_application
    from lo_desktop.core.db import open_database

    app = create_application()
    window = build_window(open_database(path))
    window.show()
    app.processEvents()
    shown = time.perf_counter() - start
    assert QApplication.instance() is app
    return app, window, shown


def measure_keystroke(app, window, fragment: str, kind=None) -> tuple[float, float, float, float, int]:
    """What the debounced search of one keystroke (or, with ``kind``, a click on that filter) costs the UI
    thread: asking the worker, then showing its answer (table reset, filter counts, repaint); and the
    worker's own time until the answer."""
    from PySide6.QtCore import QEventLoop

    page = window.page("catalog")
    blocks, ready = [], {}
    original = page._show_answer

    def timed(result):
        began = time.perf_counter()
        original(result)
        window.repaint()
        blocks.append(time.perf_counter() - began)
        ready["counts" if result.facets is not None else "rows"] = time.perf_counter() - start
        if result.facets is not None:
            loop.quit()

    page.worker.answered.disconnect(original)
    page.worker.answered.connect(timed)
    loop = QEventLoop()
    page.search_box.setText(fragment)
    page.filters.blockSignals(True)
    page.filters.set_filter("kind", kind)
    page.filters.blockSignals(False)
    start = time.perf_counter()
    page.apply_search()
    ask = time.perf_counter() - start
    loop.exec()
    page.worker.answered.disconnect(timed)
    page.worker.answered.connect(original)
    return ask, max(blocks), ready.get("rows", 0.0), ready["counts"], page.model.rowCount()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", help="keep (or reuse) the generated database at this path")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="lo-bench-")
    os.environ["LO_DESKTOP_DATA_DIR"] = folder
    path = Path(args.keep) if args.keep else Path(folder) / "bench.db"
    if not path.exists():
        start = time.perf_counter()
        generate_in_child(path, args.count)
        print(f"generated {args.count:,} materials in {time.perf_counter() - start:.1f} s")
    app, window, shown = measure_show(path)
    from PySide6.QtCore import QEventLoop

    page = window.page("catalog")
    if window.count_label.text() == "":  # let the first answer (filter counts) arrive
        loop = QEventLoop()
        page.counts_changed.connect(loop.quit)
        loop.exec()
    print(f"main window shown:           {ms(shown)}   (target ≤ 1500 ms)")
    worst = 0.0
    steps = [(fragment, None) for fragment in ("คู่มือ", "หาบเร่", "ขยะ", "กฎ", "เทศกิจ บางนา", "ไม่มีคำนี้", "")]
    steps += [("", "work_manual"), ("คู่มือ", None), ("คู่มือ", "law"), ("", None)]  # filter clicks, clearing
    for fragment, kind in steps:
        ask, answer, rows_ready, counts_ready, rows = measure_keystroke(app, window, fragment, kind)
        worst = max(worst, ask, answer)
        said = (fragment or "(cleared)") + (f" + {kind}" if kind else "")
        print(f"  search {said!r:24} {rows:>7,} rows: UI block ask {ms(ask):>5}, "
              f"show {ms(answer):>5}; table after {ms(rows_ready):>6}, counts after {ms(counts_ready):>6}")
    print(f"max UI block of a keystroke: {ms(worst)}   (target ≤ 50 ms)")
    window.page("catalog").table.scrollToBottom()
    app.processEvents()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS:                    {peak:.0f} MB   (target ≤ 250 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
