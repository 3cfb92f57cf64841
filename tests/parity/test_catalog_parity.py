"""One action, one place: each catalog action run through the command line on one copy of a corner and
through the window on another leaves the same rows, the same history and the same backups."""
import csv
import json

import pytest

from lo_desktop import cli
from parity_helpers import copy_of
from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core import vocab
from lo_desktop.core.safety.backup import list_backups, make_backup
from lo_desktop.core.db import open_database
from lo_desktop.core.records import MATERIAL_FIELDS
from lo_desktop.core.sample.corner import load_demo
from lo_desktop.core.catalog.search import Query
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.main_window import MainWindow
from lo_desktop.ui.catalog.material_dialog import MaterialDialog
from lo_desktop.ui.catalog.transfer_dialogs import ImportDialog, export_materials
from lo_desktop.ui.catalog.trash_view import TrashDialog

VOLATILE = {"uid", "created_at", "updated_at"}  # new per run; everything else must agree


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """Every question answered Yes, every message recorded: a modal box would block the test."""
    shown = []
    record = lambda parent, icon, title, text, *a, **k: shown.append(text)  # noqa: E731
    monkeypatch.setattr(messages, "show", record)
    monkeypatch.setattr(messages, "notify", record)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    return shown


@pytest.fixture
def corners(tmp_path):
    """Two copies of the same sample corner, each already backed up today (so neither path's daily
    backup, which only the command line's opening makes here, differs)."""
    source = tmp_path / "source" / "corner.db"
    db = open_database(source)
    load_demo(db)
    db.close()
    copies = [copy_of(source, name) for name in ("cli", "window")]
    for copy in copies:
        make_backup(copy, "daily")
    return copies


@pytest.fixture
def window_db(corners):
    db = open_database(corners[1])
    yield db
    db.close()


@pytest.fixture
def window(qtbot, window_db):
    w = MainWindow(window_db, load_settings(window_db))
    qtbot.addWidget(w)
    return w


def run_cli(path, *args) -> int:
    return cli.main(["--db", str(path), *args])


def state(path) -> dict:
    """What a clerk could ever see of the catalog: rows, attachments and their text, history, backups."""
    db = open_database(path)
    try:
        columns = [c for c in MATERIAL_FIELDS if c not in VOLATILE]
        materials = [dict(zip(columns, row)) for row in db.execute(
            f"SELECT {', '.join(columns)}, search_text FROM materials ORDER BY id").fetchall()]
        for row in materials:
            row["deleted_at"] = row["deleted_at"] is not None
        files = db.execute("SELECT id, material_id, name, sha256, size FROM attachments ORDER BY id").fetchall()
        texts = db.execute("SELECT attachment_id, status, error, search_text FROM attachment_text "
                           "ORDER BY attachment_id").fetchall()
        history = [(entity, entity_id, action, _comparable(changes)) for entity, entity_id, action, changes in
                   db.execute("SELECT entity, entity_id, action, changes FROM history ORDER BY id").fetchall()]
    finally:
        db.close()
    backups = sorted(info.reason for info in list_backups(path))
    return {"materials": materials, "attachments": files, "texts": texts, "history": history, "backups": backups}


def _comparable(changes: str | None) -> dict:
    """A history entry without the moment it was written (a move to the Trash records when)."""
    values = json.loads(changes) if changes else {}
    if "deleted_at" in values:
        values["deleted_at"] = [value is not None for value in values["deleted_at"]]
    return values


def assert_same(corners) -> dict:
    by_cli, by_window = state(corners[0]), state(corners[1])
    for part in by_cli:
        assert by_cli[part] == by_window[part], part
    return by_cli


def material_id(db, code: str) -> int:
    return catalog.get_material(db, code, include_deleted=True).id


def select(window, code: str) -> None:
    page = window.page("catalog")
    assert page.show_material_id(catalog.get_material(page.db, code).id)


def scripted_dialog(monkeypatch, fill) -> None:
    """The material editor, filled in as a clerk would and saved with its own Save button."""
    def exec_(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(MaterialDialog, "exec", exec_)


def write_list(tmp_path):
    """Thai headers; row 3 has an unreadable year, row 4 a code the sample corner already uses."""
    path = tmp_path / "รายการ.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["รหัส", "ชื่อเรื่อง", "ปี พ.ศ.", "ประเภทสื่อ"],
                                 ["", "คู่มือการปฏิบัติงานฝ่ายเทศกิจ", "2556", "คู่มือการปฏิบัติงาน"],
                                 ["", "สรุปบทเรียน KM", "ปีหน้า", ""],
                                 ["BN-0001", "ซ้ำรหัส", "2556", ""],
                                 ["PK-77", "แผ่นพับความรู้", "๒๕๖๗", ""]])
    return path


# ---------------------------------------------------------------- import and export

def window_import(qtbot, db, path, skip_invalid: bool) -> ImportDialog:
    dialog = ImportDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.load(path).wait()
    dialog.task.wait()
    dialog.skip_invalid.setChecked(skip_invalid)
    dialog.start_import().wait()
    return dialog


def test_importing_the_good_rows_backs_up_and_records_it_both_ways(qtbot, corners, window_db, tmp_path):
    listing = write_list(tmp_path)
    assert run_cli(corners[0], "import", str(listing), "--skip-invalid") == 0
    assert window_import(qtbot, window_db, listing, skip_invalid=True).imported == 2
    same = assert_same(corners)
    assert same["backups"] == ["daily", "import"]
    assert same["history"][-1] == ("import", 0, "imported", {"count": 2, "file": "รายการ.csv"})


def test_a_dry_run_and_a_previewed_list_write_nothing(qtbot, corners, window_db, tmp_path):
    before = state(corners[0])
    listing = write_list(tmp_path)
    assert run_cli(corners[0], "import", str(listing), "--dry-run") == 1  # rows with problems
    dialog = ImportDialog(window_db, load_settings(window_db))
    qtbot.addWidget(dialog)
    dialog.load(listing).wait()
    dialog.task.wait()
    assert dialog.start_import() is None  # all or nothing while problems remain
    assert assert_same(corners) == before


def test_a_list_with_problems_is_refused_whole_by_the_core(corners, window_db, tmp_path):
    before = state(corners[1])
    with pytest.raises(catalog_actions.ImportRefused) as refused:
        catalog_actions.import_materials(window_db, write_list(tmp_path))
    assert [row for row, _problem in refused.value.check.problems] == [3, 4]
    assert state(corners[1]) == before  # no rows, no history entry, no backup


def test_export_writes_the_same_file(corners, window_db, tmp_path):
    by_cli, by_window = tmp_path / "cli.csv", tmp_path / "window.csv"
    assert run_cli(corners[0], "export", str(by_cli)) == 0
    export_materials(None, window_db, Query(), path=by_window).wait()
    assert by_cli.read_bytes() == by_window.read_bytes()
    assert "BN-0001" in by_cli.read_text(encoding="utf-8-sig")


# ---------------------------------------------------------------- one material

def test_adding_a_material(monkeypatch, corners, window):
    kind = vocab.word("kind", "work_manual")
    assert run_cli(corners[0], "add", "--title", "คู่มือจัดระเบียบผู้ค้า", "--kind", kind, "--year", "2556",
                   "--copies", "2") == 0

    def fill(dialog):
        dialog.fields["title"].setText("คู่มือจัดระเบียบผู้ค้า")
        dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("work_manual"))
        dialog.fields["year"].setValue(2556)
        dialog.fields["copies"].setValue(2)
    scripted_dialog(monkeypatch, fill)
    window.catalog_actions.new.trigger()
    same = assert_same(corners)
    assert same["materials"][-1]["title"] == "คู่มือจัดระเบียบผู้ค้า"


def test_editing_a_material(monkeypatch, corners, window):
    assert run_cli(corners[0], "edit", "BN-0005", "--title", "ฉบับปรับปรุง", "--copies", "3") == 0

    def fill(dialog):
        dialog.fields["title"].setText("ฉบับปรับปรุง")
        dialog.fields["copies"].setValue(3)
    scripted_dialog(monkeypatch, fill)
    select(window, "BN-0005")
    window.catalog_actions.edit.trigger()
    entity, _id, action, changes = assert_same(corners)["history"][-1]
    assert (entity, action, set(changes)) == ("material", "updated", {"title", "copies"})
    assert (changes["title"][1], changes["copies"][1]) == ("ฉบับปรับปรุง", 3)


def test_deleting_and_bringing_back(corners, window, window_db):
    assert run_cli(corners[0], "delete", "BN-0005") == 0
    select(window, "BN-0005")
    window.catalog_actions.delete.trigger()
    assert assert_same(corners)["history"][-1][2] == "deleted"
    assert run_cli(corners[0], "restore-material", "BN-0005") == 0
    window.catalog_actions.undo.trigger()
    same = assert_same(corners)
    assert [entry[2] for entry in same["history"][-2:]] == ["deleted", "restored"]
    assert same["backups"] == ["daily"]  # the Trash keeps everything: nothing to back up


def test_the_trash_restores_and_deletes_for_good(qtbot, corners, window_db):
    ids = [material_id(window_db, code) for code in ("BN-0003", "BN-0004", "BN-0006")]
    assert run_cli(corners[0], "delete", "BN-0003", "BN-0004", "BN-0006") == 0
    catalog_actions.delete_materials(window_db, ids)
    trash = TrashDialog(window_db)
    qtbot.addWidget(trash)

    def select_in_trash(code):
        trash.table.selectRow(trash.model.row_of(material_id(window_db, code)))

    assert run_cli(corners[0], "restore-material", "BN-0003") == 0
    select_in_trash("BN-0003")
    assert trash.restore_selected() == 1
    assert run_cli(corners[0], "purge", "BN-0004") == 0
    select_in_trash("BN-0004")
    assert trash.purge_selected() == 1
    assert assert_same(corners)["backups"] == ["daily", "purge"]
    assert run_cli(corners[0], "empty-trash") == 0
    assert trash.empty() == 1
    same = assert_same(corners)
    assert [entry[2] for entry in same["history"][-2:]] == ["purged", "purged"]
    assert same["backups"] == ["daily", "purge", "purge"]


# ---------------------------------------------------------------- attachments

def test_attaching_a_file_and_removing_it(qtbot, corners, window, window_db, tmp_path):
    note = tmp_path / "บันทึกข้อความ.txt"
    note.write_text("บันทึกข้อความเรื่องตู้ดับเพลิงประจำอาคาร", encoding="utf-8")
    assert run_cli(corners[0], "attach", "BN-0002", str(note)) == 0
    select(window, "BN-0002")
    page = window.page("catalog")
    assert page.detail.attachments.add_files([str(note)]) == 1
    qtbot.waitUntil(lambda: not page.detail.indexer.running and attachment_index.pending_ids(window_db) == [],
                    timeout=15000)
    same = assert_same(corners)
    assert [text[1] for text in same["texts"]] == ["ok"]
    assert run_cli(corners[0], "detach", "BN-0002", "บันทึกข้อความ.txt") == 0
    page.detail.attachments.list.setCurrentRow(0)
    page.detail.attachments.remove_selected()
    qtbot.waitUntil(lambda: not page.detail.indexer.running, timeout=15000)  # the pass removing starts
    same = assert_same(corners)
    assert same["attachments"] == [] and same["texts"] == []


def test_an_edit_undone_in_the_window_is_the_edit_written_back(monkeypatch, corners, window):
    """Undo goes through the same edit action: its history entry is the one a second edit would write."""
    original = catalog.get_material(window.db, "BN-0005").title
    assert run_cli(corners[0], "edit", "BN-0005", "--title", "ชั่วคราว") == 0
    assert run_cli(corners[0], "edit", "BN-0005", "--title", original) == 0
    scripted_dialog(monkeypatch, lambda dialog: dialog.fields["title"].setText("ชั่วคราว"))
    select(window, "BN-0005")
    window.catalog_actions.edit.trigger()
    window.catalog_actions.undo.trigger()
    assert assert_same(corners)["history"][-1][3] == {"title": ["ชั่วคราว", original]}
