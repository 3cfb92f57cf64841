"""`lo-desktop search TEXT --json` at 100,000 materials: what a search costs above start-up.

    python benchmarks/bench_search_cli.py [--count 100000] [--db FILE] [--runs 9] [--code DIR]

The database is made once (benchmarks/generate.py) and kept at --db for the next run. Each figure is
the median of --runs runs. "Start-up" is the same command finding nothing (interpreter, imports, the
corner opened); each search is shown above it, and `--version` (no database) for comparison. The
in-process figures run cli.main again in one process with the output thrown away: the same work without
the noise of starting Python, which on a shared 2-core machine varies by more than the search costs.
--code runs another checkout's lo_desktop (e.g. one exported from git) to compare before and after.
Target: ≤ 0.05 s above start-up for 1,000 hits.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTHING = "ไม่มีคำนี้แน่นอน"
# (what is searched, what it stands for): codes BN-001000…BN-001999 are exactly 1,000 materials.
SEARCHES = (
    (["bn-001", "--json"], "1,000 hits"),
    (["หาบเร่ จักรยาน", "--json"], "~2,100 hits, two Thai words"),
    (["หาบเร่", "--json", "--limit", "1000"], "--limit 1000 of ~14,700 hits"),
)


def ensure_database(path: Path, count: int, code: Path) -> None:
    """Fill a new database in a child process (its memory and imports stay out of this one)."""
    if path.exists():
        return
    script = ("import sys; sys.path[:0] = sys.argv[3:5]; from generate import fill_database; "
              "from lo_desktop.core.db import open_database; db = open_database(sys.argv[1]); "
              "fill_database(db, int(sys.argv[2])); db.execute('PRAGMA wal_checkpoint(TRUNCATE)'); db.close()")
    print(f"making {count:,} materials in {path} …", file=sys.stderr)
    subprocess.run([sys.executable, "-c", script, str(path), str(count), str(HERE), str(code)], check=True)


def run_once(code: Path, args: list[str]) -> tuple[float, float, int]:
    """Wall and CPU time (user + system) of one ``python -m lo_desktop ARGS`` run from ``code``, and its
    output's length; NaN when that checkout refuses the arguments (an older one has no --limit)."""
    before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lo_desktop", *args], cwd=code, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(code)}, check=False)
    wall = time.perf_counter() - start
    if done.returncode:
        return math.nan, math.nan, 0
    return wall, _children_cpu() - before, len(done.stdout)


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU figure
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_processes(code: Path, commands: dict[str, list[str]], runs: int) -> dict[str, dict]:
    """Each command run ``runs`` times, interleaved round by round so that a busy moment of the machine
    falls on all of them alike; per command the median wall and CPU time and, against the "start-up"
    command of the same round, the median difference."""
    rounds = [{name: run_once(code, args) for name, args in commands.items()} for _ in range(runs)]
    figures = {}
    for name in commands:
        figures[name] = {
            "wall": statistics.median(r[name][0] for r in rounds),
            "cpu": statistics.median(r[name][1] for r in rounds),
            "wall_above": statistics.median(r[name][0] - r["start-up"][0] for r in rounds),
            "cpu_above": statistics.median(r[name][1] - r["start-up"][1] for r in rounds),
            "size": rounds[-1][name][2],
        }
    return figures


def timed_in_process(db: Path, args: list[str], runs: int) -> float:
    """Median time of one more cli.main(ARGS) in this process (imports done, the corner opened anew)."""
    from lo_desktop.cli import main

    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                if main(["--db", str(db), "search", *args]):
                    return math.nan
            except SystemExit:  # arguments this checkout does not know
                return math.nan
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run imports the command's modules


def report(db: Path, code: Path, runs: int) -> None:
    run_once(code, ["--db", str(db), "search", NOTHING])  # the day's first opening makes its backup
    commands = {"--version": ["--version"], "start-up": ["--db", str(db), "search", NOTHING, "--json"]}
    commands.update({" ".join(args): ["--db", str(db), "search", *args] for args, _what in SEARCHES})
    figures = timed_processes(code, commands, runs)
    sys.path.insert(0, str(code))
    base = timed_in_process(db, [NOTHING, "--json"], runs)
    print(f"code: {code}   ({runs} runs each, medians; CPU = user + system time of the process)")
    for name in ("--version", "start-up"):
        f = figures[name]
        print(f"{name:<30} wall {f['wall']:.3f} s, CPU {f['cpu']:.3f} s")
    print("  (start-up: a search finding nothing, the corner opened)")
    for args, what in SEARCHES:
        f = figures[" ".join(args)]
        inside = timed_in_process(db, args, runs) - base
        print(f"search {' '.join(args):<23} above start-up: wall {f['wall_above'] * 1000:+.0f} ms, "
              f"CPU {f['cpu_above'] * 1000:+.0f} ms, in one process {inside * 1000:+.0f} ms   "
              f"({what}, {f['size'] / 1e6:.1f} MB of JSON)")
    print("target: ≤ 50 ms above start-up for 1,000 hits")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="the database to make once and reuse")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the checkout whose lo_desktop runs")
    options = parser.parse_args()
    code = options.code.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        db = (options.db or Path(tmp) / "bench.db").resolve()
        ensure_database(db, options.count, code)
        report(db, code, options.runs)


if __name__ == "__main__":
    main()
