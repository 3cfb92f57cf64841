"""The command line a newcomer meets: every option explained in Thai, and a pipe closed early is no error.
(Kept beside the window's translation tests: both are the words a user reads.)"""
import argparse
import sys

from lo_desktop.cli import build_parser
from lo_desktop.i18n import catalog


def every_action(parser, path=("lo-desktop",)):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_action(sub, (*path, name))
        else:
            yield " ".join(path), action


def test_every_option_and_argument_has_help_text():
    missing = [f"{path} {a.option_strings or a.dest}" for path, a in every_action(build_parser()) if not a.help]
    assert missing == []


def test_the_version_option_is_explained_in_thai():
    version = next(a for _p, a in every_action(build_parser()) if "--version" in a.option_strings)
    assert version.help == catalog("th")["show the program's version and exit"]


class Head:
    """A pipe into ``head -2``: two lines are read, then the reader is gone."""

    def __init__(self):
        self.lines = []

    def write(self, text):
        if len(self.lines) >= 2:
            raise BrokenPipeError(32, "Broken pipe")
        self.lines.extend(line for line in text.splitlines() if line)
        return len(text)

    def flush(self):
        pass

    def fileno(self):
        raise OSError("not a real file")


def test_a_listing_piped_into_head_ends_quietly(demo_db, monkeypatch, capsys):
    """``lo-desktop list | head -2``: no "Broken pipe" sentence, exit 0."""
    from lo_desktop.cli import main
    from lo_desktop.core.db import db_path

    head = Head()
    monkeypatch.setattr("lo_desktop.cli._utf8_output", lambda: None)
    monkeypatch.setattr(sys, "stdout", head)
    assert main(["--db", str(db_path(demo_db)), "list"]) == 0
    assert len(head.lines) == 2 and head.lines[0].startswith("BN-0001")
    assert "Broken pipe" not in capsys.readouterr().err
