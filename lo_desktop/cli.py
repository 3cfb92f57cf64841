"""The command line. ``lo-desktop`` with no command opens the window.

Each group of commands lives in lo_desktop/commands/<name>.py with ``register(subparsers)``; a command
function takes ``(args, ctx)`` and returns an exit code. Nothing here imports Qt or sqlite-utils
until a command needs them, so ``--version`` starts fast.
"""
from __future__ import annotations

from lo_desktop.i18n import _

import argparse
import importlib
import os
import sys
from pathlib import Path

from lo_desktop import __version__

CREATING_COMMANDS = {"demo"}  # commands whose point is to fill a database: a new --db file is expected
COMMAND_MODULES = ["catalog", "indicator", "reports", "lending", "labels", "safety", "attach", "package", "borrowers", "intranet"]


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
    def may_create(self) -> bool:
        # A --db that names no database (a typo, a copy that did not finish) is refused, never quietly made
        # into an empty catalog, unless --create says so or the command fills it (demo).
        return (not self.args.db or self.args.demo or getattr(self.args, "create", False)
                or getattr(self.args, "command", None) in CREATING_COMMANDS)

    @property
    def corner(self):
        if self._corner is None:
            from lo_desktop.core.corner import open_corner

            from lo_desktop.core.errors import NoDatabase, UserError

            try:
                self._corner = open_corner(self.db_path, demo=self.args.demo, create=self.may_create)
            except NoDatabase as exc:
                raise UserError(f"{exc} {_('Add --create to start a new database there.')}") from exc
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
    parser.add_argument("--version", action="version", version=f"lo-desktop {__version__}",
                        help=_("show the program's version and exit"))
    parser.add_argument("--db", metavar="FILE", help=_("database file (default: LO_DESKTOP_DB or the data folder)"))
    parser.add_argument("--create", action="store_true", help=_("create the --db file when it does not exist yet"))
    parser.add_argument("--demo", action="store_true", help=_("open the sample corner (its own demo database)"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"lo_desktop.commands.{name}").register(subparsers)
    _fill_missing_help(parser, "")
    return parser


def _option_help() -> dict[str, str]:
    """Help for an option or argument its command left without one: "COMMAND DEST" first, then "DEST"."""
    return {
        "json": _("print JSON (for other programs) instead of a table"),
        "code": _("the material's code (e.g. BN-0001)"), "codes": _("materials' codes (one or more)"),
        "text": _("the words to look for (Thai or English)"), "name": _("the borrower's name"),
        "files": _("files to attach (one or more)"), "payloads": _("scanned labels or typed codes"),
        "section": _("the borrower's section or work group"), "phone": _("the borrower's telephone number"),
        "borrower": _("the borrower returning it (when several borrowed the same material)"),
        "location": _("the shelf to count (default: the whole corner)"),
        "out": _("the file to write"), "note": _("a note"),
        "export file": _("the file to write (.csv or .xlsx)"),
        "import file": _("the list to read (.csv or .xlsx)"),
        "reminder file": _("the Word file to write (.docx)"),
        "report file": _("the Word file to write (.docx)"),
        "package_import file": _("the exchange package to read (.lopackage)"),
        "detach name": _("the attached file's name"),
        "labels out": _("the PDF file to write"),
        "held_on": _("the date it was held (e.g. 15/3/2556)"), "topic": _("the topic"),
        "format": _("how it was held: visit, meeting, seminar or online"), "start_time": _("start time (09:30)"),
        "end_time": _("end time (15:30)"), "place": _("where it was held"), "host": _("the host agency"),
        "agenda": _("the agenda"), "learnings_ours": _("what our agency learned"),
        "learnings_theirs": _("what the partner agency learned"), "follow_up": _("follow-up actions"),
        "attendance": _("the attendance sheet (a file)"),
        "participants": _("a participant as NAME|POSITION|AGENCY (repeat for more)"),
        "headcounts": _("people from an agency as AGENCY=NUMBER (repeat for more)"),
        "photos": _("a photo of the session (repeat for more)"),
        "materials": _("a material's code (repeat for more)"), "community_edit name": _("the new name"),
    }


def _fill_missing_help(parser: argparse.ArgumentParser, command: str) -> None:
    helps = _option_help()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                _fill_missing_help(sub, f"{command}_{name}".strip("_") if command else name)
        elif action.help is None:
            last = command.rsplit("_", 1)[-1]
            action.help = helps.get(f"{command} {action.dest}") or helps.get(f"{last} {action.dest}") \
                or helps.get(action.dest)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # pythainlp (the Thai word breaker) makes an empty ~/pythainlp-data folder in the user's home on first
    # use; it only needs the dictionary it ships with, so it may write nothing.
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    if argv in (["--version"], ["-V"]):
        print(f"lo-desktop {__version__}")
        return 0
    _utf8_output()
    argv, opened = split_file_argument(argv)
    args = build_parser().parse_args(argv)
    args.open_file = opened  # the window offers to restore / import it (ui/window/open_file.py)
    ctx = Context(args)
    try:
        if args.command is None:
            from lo_desktop.app import run_window

            return run_window(ctx)
        return args.func(args, ctx) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one sentence, no traceback
        return report_error(exc)


OPENABLE = (".lobackup", ".lopackage")  # what a double-click in Explorer hands over (packaging/lo-desktop.iss)


def split_file_argument(argv: list[str]) -> tuple[list[str], str | None]:
    """``lo-desktop [--db FILE] BACKUP.lobackup`` or ``… PACKAGE.lopackage``: the window opens on the file.

    Only when no command is given: ``restore FILE`` and ``package import FILE`` keep their own argument."""
    if not argv or not argv[-1].lower().endswith(OPENABLE) or argv[-1].startswith("-"):
        return argv, None
    rest, index = argv[:-1], 0
    while index < len(rest):
        if rest[index] == "--db":
            if index == len(rest) - 1:
                return argv, None  # the file is the --db value itself
            index += 2
        elif rest[index].startswith("-"):
            index += 1
        else:
            return argv, None  # a command came first
    return rest, argv[-1]


def _reader_went_away() -> int:
    """``lo-desktop list | head -2``: the reader stopped reading, which is no error of ours. Python would
    complain again when it flushes stdout at exit, so stdout is pointed at nothing first."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


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
