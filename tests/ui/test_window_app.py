"""Starting the window program: which database opens, the first-run welcome, a refused file."""
from argparse import Namespace

from PySide6.QtWidgets import QMessageBox

from lo_desktop import app
from lo_desktop.cli import Context
from lo_desktop.core.catalog import search
from lo_desktop.ui.window import first_run
from lo_desktop.ui.common import messages


def context(**args):
    return Context(Namespace(**{"db": None, "demo": False, **args}))


def choose_on_welcome(monkeypatch, choice):
    shown = []

    def exec_(dialog):
        shown.append(dialog.windowTitle())
        dialog.choice = choice
        return 1 if choice else 0
    monkeypatch.setattr(first_run.WelcomeDialog, "exec", exec_)
    return shown


def test_the_first_start_offers_the_sample_corner(qtbot, monkeypatch):
    shown = choose_on_welcome(monkeypatch, first_run.SAMPLE)
    corner = app.open_first_corner(context())
    assert shown == ["ยินดีต้อนรับสู่มุมความรู้"]
    assert search.count(corner.db, search.Query()) == 44
    window = app.build_window(corner.db)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("มุมความรู้ — demo.db (มุมความรู้ตัวอย่าง")


def test_my_own_corner_starts_empty_and_is_remembered_next_time(qtbot, monkeypatch):
    choose_on_welcome(monkeypatch, first_run.OWN)
    corner = app.open_first_corner(context())
    assert search.count(corner.db, search.Query()) == 0
    shown = choose_on_welcome(monkeypatch, first_run.SAMPLE)
    again = app.open_first_corner(context())
    assert shown == []  # the default database exists now: no welcome
    assert search.count(again.db, search.Query()) == 0


def test_closing_the_welcome_starts_nothing(qtbot, monkeypatch):
    choose_on_welcome(monkeypatch, None)
    assert app.open_first_corner(context()) is None


def test_a_file_that_is_not_ours_is_refused_with_one_thai_sentence(qtbot, monkeypatch, tmp_path):
    stranger = tmp_path / "notes.db"
    stranger.write_text("not a database", encoding="utf-8")
    said = []
    monkeypatch.setattr(messages, "show", lambda parent, icon, title, text, *a, **k:
                        said.append(text) or QMessageBox.StandardButton.No)
    assert app.open_first_corner(context(db=str(stranger))) is None
    assert len(said) == 1 and "notes.db" in said[0] and "Traceback" not in said[0]
    assert stranger.read_text(encoding="utf-8") == "not a database"
