"""The command line. ``lo-desktop`` with no command opens the window.

Each group of commands lives in lo_desktop/commands/<name>.py with ``register(subparsers)``; a command
function takes ``(args, ctx)`` and returns an exit code. Nothing here imports Qt or sqlite-utils
until a command needs them, so ``--version`` starts fast.
"""
from __future__ import annotations

from lo_desktop.i18n import _

import argparse
import importlib
import sys
from pathlib import Path

from lo_desktop import __version__

COMMAND_MODULES = ["catalog", "indicator", "reports", "lending", "labels", "safety", "attach", "package", "borrowers"]


class Context:
    """What a command needs, opened on first use (core/corner.py: settings and language applied)."""

    def __init__(self, args):
        self.args = args
        self._corner = None

    @property
    def db_path(self) -> Path:
        from lo_desktop.paths import default_db_path, demo_db_path

        if self.args.db:
            return Path(self.args.db).expanduser()
        return demo_db_path() if self.args.demo else default_db_path()

    @property
    def corner(self):
        if self._corner is None:
            from lo_desktop.core.corner import open_corner

            self._corner = open_corner(self.db_path, demo=self.args.demo)
            for warning in self._corner.warnings:  # a failed daily backup is said, and the work goes on
                print(f"lo-desktop: {warning}", file=sys.stderr)
        return self._corner

    @property
    def db(self):
        return self.corner.db

    @property
    def settings(self):
        return self.corner.reload_settings()  # read afresh: a command may have just changed them


def build_parser() -> argparse.ArgumentParser:
    # argparse words its own headings and errors through its module-level gettext ``_``; pointing it at
    # our catalog makes "usage", "options" and "invalid choice" Thai like the rest of the program.
    argparse._ = _
    parser = argparse.ArgumentParser(prog="lo-desktop", description=_("Learning corner catalog (มุมความรู้)"))
    parser.add_argument("--version", action="version", version=f"lo-desktop {__version__}")
    parser.add_argument("--db", metavar="FILE", help=_("database file (default: LO_DESKTOP_DB or the data folder)"))
    parser.add_argument("--demo", action="store_true", help=_("open the sample corner (its own demo database)"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"lo_desktop.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv in (["--version"], ["-V"]):
        print(f"lo-desktop {__version__}")
        return 0
    _utf8_output()
    args = build_parser().parse_args(argv)
    ctx = Context(args)
    try:
        if args.command is None:
            from lo_desktop.app import run_window

            return run_window(ctx)
        return args.func(args, ctx) or 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one sentence, no traceback
        return report_error(exc)


def report_error(exc: Exception) -> int:
    from lo_desktop.core.errors import plain_sentence
    from lo_desktop.i18n import tr

    sentence = plain_sentence(exc)
    if sentence is not None:
        print(f"lo-desktop: {sentence}", file=sys.stderr)
        return 1
    print("lo-desktop: " + tr("Unexpected error: {error}", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
    return 2


def _utf8_output() -> None:
    # A Thai Windows console defaults to cp874 and cannot print every character we use.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
