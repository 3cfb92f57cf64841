"""Build the one-folder bundle a clerk installs without Python, and prove it runs.

    python scripts/build_bundle.py            # dist/lo-desktop/lo-desktop (lo-desktop.exe on Windows)
    python scripts/build_bundle.py --smoke    # build, then run it in an empty environment and check
    python scripts/build_bundle.py --smoke --no-build   # check the bundle built last time

Needs the ``bundle`` extra (``pip install -e .[bundle]``: PyInstaller 6 and its contrib hooks). The recipe
is packaging/lo-desktop.spec; what goes in and what stays out is packaging/bundle_plan.py. Prints the
bundle's size and start-up times; the smoke run (packaging/smoke.py) exits non-zero on any failed check.
The same commands run on a Windows runner in .github/workflows/windows.yml.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_plan  # noqa: E402
import smoke  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "bundle"


def executable(name: str = bundle_plan.APP) -> Path:
    return DIST / bundle_plan.APP / (name + (".exe" if os.name == "nt" else ""))


def build() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "packaging" / "lo-desktop.spec")],
                   check=True, cwd=ROOT)
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def print_figures(built_in: float | None) -> None:
    size, count = folder_size(DIST / bundle_plan.APP)
    if built_in is not None:
        print(f"built in {built_in:.0f} s")
    print(f"bundle: {DIST / bundle_plan.APP}  {size / 1024 / 1024:.0f} MB in {count} files")
    env = smoke.empty_environment(Path(tempfile.mkdtemp(prefix="lo-bundle-")))
    print(f"start-up, --version: {_best_of(3, lambda: smoke.run([str(executable()), '--version'], env)):.2f} s")


def _best_of(times: int, work) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def compare_window_start(scratch: Path) -> None:
    """Seconds to the first visible window: the bundle, and the installed program in this environment."""
    if not smoke.can_show_windows():
        print("window start-up: skipped (needs Xvfb and xdotool)")
        return
    db = smoke.demo_database(executable(), scratch)
    installed = [sys.executable, "-m", "lo_desktop"]
    for label, command, env in (("bundle", [str(executable())], smoke.empty_environment(scratch)),
                                ("installed", installed, smoke.installed_environment(scratch))):
        seconds = sorted(smoke.time_to_window(command + ["--db", str(db)], env) for _ in range(3))
        print(f"window start-up, {label}: {seconds[1]:.2f} s (median of 3)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the built bundle and check what it does")
    parser.add_argument("--no-build", action="store_true", help="use the bundle already in dist/")
    args = parser.parse_args(argv)
    built_in = None if args.no_build else build()
    if not executable().is_file():
        print(f"no bundle at {executable()}", file=sys.stderr)
        return 1
    print_figures(built_in)
    if not args.smoke:
        return 0
    with tempfile.TemporaryDirectory(prefix="lo-smoke-") as scratch:
        failures = smoke.run_all(executable(), Path(scratch))
        compare_window_start(Path(scratch))
    print("smoke: all checks passed" if not failures else f"smoke: {failures} check(s) FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
