"""File ▸ Export / Import exchange package: the preview before anything is added, then the import."""
import pytest
from PySide6.QtWidgets import QDialog

from lo_desktop.core.exchange import package
from lo_desktop.core.db import open_database
from lo_desktop.core.exchange.package_import import preview_package
from lo_desktop.settings import PHRA_KHANONG, load_settings, save_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.main_window import MainWindow
from lo_desktop.ui.exchange.package_dialogs import ExportDialog, PreviewDialog


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show", lambda parent, icon, title, text, *a, **k: shown.append(text))
    db = open_database(tmp_path / "receiver" / "corner.db")
    settings = load_settings(db)
    settings.agency_name = PHRA_KHANONG
    save_settings(db, settings)
    w = MainWindow(db, load_settings(db))
    w.shown = shown
    qtbot.addWidget(w)
    return w


@pytest.fixture
def exported(demo_db, tmp_path):
    return package.export_session(demo_db, 2, tmp_path / "session.lopackage")


def test_the_file_menu_offers_export_and_import_before_quit(window):
    names = [a.objectName() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert "action_package_export" in names and "action_package_import" in names
    assert names[-1] == "action_quit"


def test_preview_then_import_adds_the_session_and_materials(window, exported, monkeypatch):
    accepted = []
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: accepted.append(self) or QDialog.DialogCode.Accepted)
    window.package_actions.preview(exported).wait()
    dialog = accepted[0]
    assert "สำนักงานเขตบางนา" in dialog.summary.text()
    assert dialog.tree.topLevelItem(0).childCount() == 3
    window.package_actions.task.wait()  # the import started after the preview was accepted
    assert window.db.execute("SELECT COUNT(*) FROM exchange_sessions").fetchone()[0] == 1
    assert any("จาก สำนักงานเขตบางนา" in text for text in window.shown)
    assert window.page("catalog").model.rowCount() == 3


def test_cancelling_the_preview_adds_nothing(window, exported, monkeypatch):
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.package_actions.preview(exported).wait()
    assert window.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0


def test_a_package_already_imported_cannot_be_imported_again(window, exported, qtbot):
    window.package_actions.import_now(exported).wait()
    dialog = PreviewDialog(preview_package(window.db, exported), window)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "มีอยู่แล้ว" in dialog.summary.text()


def test_a_damaged_package_is_one_sentence(window, tmp_path):
    bad = tmp_path / "bad.lopackage"
    bad.write_bytes(b"not a zip at all")
    window.package_actions.preview(bad).wait()
    assert window.package_actions.task.state == "failed"


def test_export_a_session_from_the_window(demo_db, qtbot, tmp_path, monkeypatch):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    dialog = ExportDialog(demo_db, [], w)
    qtbot.addWidget(dialog)
    assert dialog.by_session.isChecked() and not dialog.by_materials.isEnabled()
    out = tmp_path / "from-window.lopackage"
    w.package_actions.export_to(dialog.session_id(), dialog.codes(), out).wait()
    assert out.is_file() and preview_package(open_database(tmp_path / "x" / "y.db"), out).session_new
