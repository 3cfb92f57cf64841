"""Helpers of the fault suite: start several lo-desktop processes at once and tally what they said.

Each run counts the operations, the failures the processes reported (exit code and one sentence) and,
from the database, the changes that were saved: the two must agree, and no output may hold an
"unexpected error" or a traceback. benchmarks/bench_faults.py runs the same attacks bigger.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNEXPECTED = ("Traceback", "Unexpected error", "เกิดข้อผิดพลาดที่ไม่คาดคิด")
TIMEOUT = 120  # seconds for one batch of processes; a hang fails the test instead of stalling the suite


def start(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.Popen([sys.executable, "-m", "lo_desktop", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


@dataclass
class Outcome:
    code: int
    out: str
    err: str


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return sum(o.code == 0 for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.code != 0]

    def unexpected(self) -> list[str]:
        """Every output that is not a plain sentence: a traceback, an "unexpected error", a crash code."""
        return [o.out + o.err for o in self.outcomes
                if o.code not in (0, 1) or any(word in o.out + o.err for word in UNEXPECTED)]


# A child loads the program, says it is ready, and waits for the word: the batch then really starts at once
# (starting Python takes longer than the race windows the suite looks for).
GATED = """
import os, sys, time
from lo_desktop.cli import build_parser, main
import lo_desktop.core.corner
build_parser()
open(sys.argv[1], "w").close()
deadline = time.monotonic() + 60
while not os.path.exists(sys.argv[2]) and time.monotonic() < deadline:
    time.sleep(0.001)
sys.exit(main(sys.argv[3:]))
"""


def run_together(commands: list[list[str]], gate: Path | None = None) -> Tally:
    """Start every command, let them all go at the same moment (when ``gate``, a scratch folder, is
    given) and wait for all of them."""
    if gate is None:
        children = [start(*command) for command in commands]
    else:
        gate.mkdir(parents=True, exist_ok=True)
        go = gate / "go"
        ready = [gate / f"ready-{n}" for n in range(len(commands))]
        children = [start_code(GATED, str(r), str(go), *command) for r, command in zip(ready, commands)]
        deadline = time.monotonic() + TIMEOUT
        while not all(r.exists() for r in ready) and time.monotonic() < deadline:
            time.sleep(0.01)
        go.touch()
    tally = Tally()
    for child in children:
        out, err = child.communicate(timeout=TIMEOUT)
        tally.outcomes.append(Outcome(child.returncode, out, err))
    return tally


def start_code(code: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped): what a killed program leaves in a part file's name."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
