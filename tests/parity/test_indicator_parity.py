"""Indicator 4.1, exchange packages and Word reports done once through the command line and once through
the window, each on its own copy of the same database: both must leave the same rows, the same history
entries and the same backups (and, for a report, the same document).

The window is driven as the clerk drives it (the session editor, the sessions page, the channel editor,
the communities page, the partner-agencies dialog, File ▸ Import exchange package, Reports ▸ Indicator
4.1 report), its questions answered by monkeypatch. Daily backups are left out: they belong to opening
the database (the CLI opens it per command), not to the action.
"""
import json
import re
import sqlite3
from contextlib import closing
from datetime import date

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from lo_desktop.cli import main
from lo_desktop.core.exchange import package
from lo_desktop.core.safety.backup import list_backups
from lo_desktop.core.catalog.materials import get_material
from lo_desktop.core.indicator.channels import Channel, channels_of
from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.sample.corner import load_demo
from lo_desktop.core.indicator.agencies import add_agency
from lo_desktop.core.indicator.actions import judge_indicator
from lo_desktop.core.indicator.sessions import ExchangeSession, Participant, delete_session, get_session, save_session
from lo_desktop.settings import PHRA_KHANONG, load_settings, save_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.reports import reports_menu
from lo_desktop.ui.indicator.agencies_dialog import AgenciesDialog, AgencyEditDialog, MergeDialog
from lo_desktop.ui.indicator.channels_widget import ChannelDialog
from lo_desktop.ui.indicator.cop_page import CommunitiesPage
from lo_desktop.ui.exchange.package_dialogs import PackageActions
from lo_desktop.ui.reports.reports_menu import ReportsMenu
from lo_desktop.ui.indicator.session_dialog import SessionDialog
from lo_desktop.ui.indicator.sessions_page import SessionsPage

SHORT = "สนง.เขตพระโขนง"  # the same partner as PHRA_KHANONG, typed another way
PRAWET = "สำนักงานเขตประเวศ"
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"',\]]*")
VOLATILE = {"uid", "created_at", "updated_at", "added_at", "changed_at"}


# --- two copies of one database ------------------------------------------------------------------------------
def demo_corner(db) -> None:
    load_demo(db)
    save_session(db, ExchangeSession(date(2013, 8, 1), "การจัดเก็บค่าธรรมเนียม", partners=[SHORT], participants=[
        Participant("นางสาวใจดี มีสุข", "นักวิชาการ", SHORT)], headcounts={SHORT: 4}))


def cli(path, *args, code=0) -> None:
    assert main(["--db", str(path), *args]) == code


def rows(conn, table: str) -> list[tuple]:
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
    if table == "history":
        columns.remove("id")
    order = " ORDER BY id" if table == "history" else ""  # elsewhere the order of writing does not matter
    found = conn.execute(f"SELECT {', '.join(columns)} FROM {table}{order}").fetchall()
    found = [tuple(STAMP.sub("<time>", v) if isinstance(v, str) else v for v in row) for row in found]
    return found if order else sorted(found, key=repr)


def state(path) -> dict:
    """Every table (the search index aside), times and random ids left out; the backups by reason."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                             "LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name")]
        found = {table: rows(conn, table) for table in tables}
    found["backups"] = sorted(b.reason for b in list_backups(path) if b.reason != "daily")
    return found


def assert_same(cli_path, db) -> dict:
    """The CLI's copy and the window's copy hold the same; returns what they hold."""
    left, right = state(cli_path), state(db_path(db))
    assert left.keys() == right.keys()
    for table in left:
        assert left[table] == right[table], table
    return right


def history(db, after: int = 0) -> list[tuple]:
    return [(e, i, a, json.loads(c or "{}")) for e, i, a, c in db.execute(
        "SELECT entity, entity_id, action, changes FROM history WHERE id > ? ORDER BY id", [after]).fetchall()]


def last_history_id(db) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM history").fetchone()[0]


# --- exchange sessions ------------------------------------------------------------------------------------------
def test_adding_a_session(twins, qtbot):
    cli_path, db = twins(demo_corner)
    code = "BN-0001"
    cli(cli_path, "session", "add", "--date", "15/3/2567", "--topic", "การจัดระเบียบทางเท้า",
        "--format", "meeting", "--partner", PRAWET, "--start", "9.30", "--place", "ห้องประชุม 1",
        "--participant", f"นายสมชาย ใจดี|หัวหน้าฝ่าย|{PRAWET}", "--material", code)
    dialog = SessionDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.held_on.set_date_value(date(2024, 3, 15))
    dialog.lines["topic"].setText("การจัดระเบียบทางเท้า")
    dialog.format.setCurrentIndex(dialog.format.findData("meeting"))
    usual = dialog.partners.list.findItems(PHRA_KHANONG, Qt.MatchFlag.MatchExactly)[0]
    usual.setCheckState(Qt.CheckState.Unchecked)  # the usual partner (the settings) not this time
    dialog.partners.new_name.setText(PRAWET)
    dialog.partners.add_typed()
    dialog.lines["start_time"].setText("9.30")
    dialog.lines["place"].setText("ห้องประชุม 1")
    dialog.people.set_participants([Participant("นายสมชาย ใจดี", "หัวหน้าฝ่าย", PRAWET)])
    dialog.picker.set_ids([get_material(db, code).id])
    dialog.accept()
    assert dialog.saved is not None
    found = assert_same(cli_path, db)
    assert found["backups"] == []
    added = [r for r in found["exchange_sessions"] if "การจัดระเบียบทางเท้า" in r]
    assert len(added) == 1 and "09:30" in added[0]  # the defaults of a new session (host) agree too


def test_editing_a_session_records_the_same_history(twins, qtbot):
    cli_path, db = twins(demo_corner)
    before = last_history_id(db)
    cli(cli_path, "session", "edit", "1", "--topic", "หัวข้อที่แก้ไข",
        "--participant", "นางสาวใจดี มีสุข||" + PRAWET, "--headcount", f"{PRAWET}=7")
    dialog = SessionDialog(db, load_settings(db), get_session(db, 1))
    qtbot.addWidget(dialog)
    dialog.lines["topic"].setText("หัวข้อที่แก้ไข")
    dialog.people.set_participants([Participant("นางสาวใจดี มีสุข", "", PRAWET)])
    dialog.headcounts.show_counts([PRAWET], {PRAWET: 7}, {})
    dialog.accept()
    assert dialog.saved is not None
    assert_same(cli_path, db)
    entries = history(db, before)
    assert [(e, i, a) for e, i, a, _c in entries] == [("session", 1, "updated"), ("session", 1, "updated")]
    assert set(entries[1][3]) == {"participants", "headcounts"}


def test_moving_a_session_to_the_trash_and_back(twins, qtbot, monkeypatch):
    cli_path, db = twins(demo_corner)
    cli(cli_path, "session", "delete", "2")
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    page = SessionsPage(db, load_settings(db))
    qtbot.addWidget(page)
    page.table.selectRow(next(r for r in range(page.table.rowCount())
                              if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == 2))
    page.delete_or_restore()
    assert_same(cli_path, db)
    cli(cli_path, "session", "restore", "2")
    page.trash.setChecked(True)
    page.table.selectRow(0)
    page.delete_or_restore()
    found = assert_same(cli_path, db)
    assert [a for e, i, a, _c in found["history"] if e == "session" and i == 2][-2:] == ["deleted", "restored"]


# --- channels and communities ---------------------------------------------------------------------------------
def test_recording_a_distribution_channel(twins, qtbot):
    cli_path, db = twins(demo_corner)
    code = "BN-0001"
    cli(cli_path, "channel", "add", code, "--channel", "website", "--date", "1/11/2567",
        "--link", " https://bangna.example/manual ", "--note", "หน้าแรก")
    material = get_material(db, code)
    dialog = ChannelDialog(db, Channel(material.id, "corner_shelf", None))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("website"))
    dialog.date.set_date_value(date(2024, 11, 1))
    dialog.link.setText(" https://bangna.example/manual ")
    dialog.note.setText("หน้าแรก")
    dialog.accept()
    assert dialog.saved is not None
    assert_same(cli_path, db)
    changed = channels_of(db, material.id)[-1]
    cli(cli_path, "channel", "edit", str(changed.id), "--channel", "facebook")
    dialog = ChannelDialog(db, changed)
    dialog.kind.setCurrentIndex(dialog.kind.findData("facebook"))
    dialog.accept()
    found = assert_same(cli_path, db)
    assert ("channel", changed.id, "updated", '{"channel":["website","facebook"]}') in found["history"]


def test_saving_and_deleting_a_community(twins, qtbot, monkeypatch):
    cli_path, db = twins(demo_corner)
    community_id = 1
    cli(cli_path, "community", "edit", str(community_id), "--name", "ชุมชนเทศกิจ", "--member", "นายเอ",
        "--member", "นางบี", "--material", "BN-0002")
    page = CommunitiesPage(db, load_settings(db))
    qtbot.addWidget(page)
    page.refresh(community_id)
    page.name.setText("ชุมชนเทศกิจ")
    page.members.setPlainText("นายเอ\nนางบี")
    page.picker.set_ids([get_material(db, "BN-0002").id])
    page.save()
    assert_same(cli_path, db)
    cli(cli_path, "community", "delete", str(community_id))
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    page.refresh(community_id)
    page.delete()
    found = assert_same(cli_path, db)
    assert [(e, a) for e, _i, a, _c in found["history"] if e == "community"] == [("community", "updated"),
                                                                                 ("community", "purged")]


# --- partner agencies -------------------------------------------------------------------------------------------
def agencies_dialog(db, qtbot) -> AgenciesDialog:
    dialog = AgenciesDialog(db)
    qtbot.addWidget(dialog)
    return dialog


def select(dialog, name: str) -> None:
    dialog.table.selectRow(next(r for r in range(dialog.table.rowCount())
                                if dialog.table.item(r, 0).text() == name))


def test_renaming_merging_and_deleting_agencies(twins, qtbot, monkeypatch):
    cli_path, db = twins(demo_corner)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    renamed = "สนง. เขตพระโขนง"
    cli(cli_path, "agency", "rename", SHORT, renamed, "--short", "พข.")

    def edit(self):
        self.name.setText(renamed)
        self.short_name.setText("พข.")
        self.accept()
        return self.result()
    monkeypatch.setattr(AgencyEditDialog, "exec", edit)
    dialog = agencies_dialog(db, qtbot)
    select(dialog, SHORT)
    dialog.edit_current()
    assert_same(cli_path, db)

    cli(cli_path, "agency", "merge", renamed, "--into", PHRA_KHANONG)

    def keep(self):
        self.keep.setCurrentIndex(self.keep.findText(PHRA_KHANONG, Qt.MatchFlag.MatchStartsWith))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(MergeDialog, "exec", keep)
    select(dialog, renamed)
    dialog.merge_current()
    found = assert_same(cli_path, db)
    assert found["backups"] == ["merge"]  # a merge cannot be taken back: both sides backed up first
    assert load_settings(db).partners == [PHRA_KHANONG]

    with closing(open_database(cli_path).conn) as conn:  # an agency no session names, on both sides
        conn.execute("INSERT INTO agencies(name, short_name) VALUES (?, '')", [PRAWET])
        conn.commit()
    add_agency(db, PRAWET)
    cli(cli_path, "agency", "delete", PRAWET)
    dialog.refresh()
    select(dialog, PRAWET)
    dialog.delete_current()
    found = assert_same(cli_path, db)
    # renamed; the kept agency took the short name; merged; the unused one deleted
    assert [a for e, _i, a, _c in found["history"] if e == "agency"] == ["updated", "updated", "merged", "purged"]


def test_an_agency_still_named_is_refused_alike(twins, qtbot, monkeypatch, boxes):
    cli_path, db = twins(demo_corner)
    cli(cli_path, "agency", "delete", SHORT, code=1)
    dialog = agencies_dialog(db, qtbot)
    select(dialog, SHORT)
    dialog.delete_current()
    assert boxes and SHORT in boxes[0]
    assert_same(cli_path, db)


# --- exchange packages ------------------------------------------------------------------------------------------
class Window(QMainWindow):
    def __init__(self, db):
        super().__init__()
        self.db = db
        self.menus = {"reports": QMenu("Reports", self)}

    def add_menu_action(self, key, action):
        self.menus[key].addAction(action)

    def page(self, key):
        raise KeyError(key)


def receiver(db) -> None:
    settings = load_settings(db)
    settings.agency_name = PHRA_KHANONG
    save_settings(db, settings)


def test_importing_an_exchange_package(twins, qtbot, tmp_path, demo_db, monkeypatch, boxes):
    out = package.export_session(demo_db, 2, tmp_path / "session.lopackage")
    cli_path, db = twins(receiver)
    cli(cli_path, "package", "import", str(out))
    window = Window(db)
    qtbot.addWidget(window)
    handle = PackageActions(window).import_now(out)
    handle.wait()
    assert handle.state == "done", handle.error
    found = assert_same(cli_path, db)
    assert found["backups"] == ["import"]
    assert [(e, a) for e, _i, a, _c in found["history"]] == [("import", "imported")]
    assert len(found["materials"]) == 3 and len(found["exchange_sessions"]) == 1

    cli(cli_path, "package", "import", str(out))  # everything is here now: nothing changes, nothing backed up
    PackageActions(window).import_now(out).wait()
    assert assert_same(cli_path, db)["backups"] == ["import"]


# --- a report --------------------------------------------------------------------------------------------------
def document_text(path) -> list[str]:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def short_of_sessions(db) -> None:
    """The demo corner with a session of 2556 in the Trash: component 3 is not met that year."""
    demo_corner(db)
    delete_session(db, 1)


def test_the_indicator_report(twins, qtbot, tmp_path, monkeypatch, capsys):
    cli_path, db = twins(short_of_sessions)
    cli(cli_path, "report", "kpi", "--fy", "2556", "--out", str(tmp_path / "cli.docx"))
    gaps = [g.text for c in judge_indicator(db, 2556).components for g in c.gaps]
    printed = [line.removeprefix("  - ") for line in capsys.readouterr().err.splitlines()[1:]]
    assert gaps and printed == gaps  # the gaps said are those of the judgement the report was made from
    monkeypatch.setattr(messages, "choose", lambda *a, **k: 2)
    monkeypatch.setattr(reports_menu.QInputDialog, "getItem",
                        staticmethod(lambda parent, title, label, items, current, editable:
                                     ("ปีงบประมาณ พ.ศ. 2556", True)))
    monkeypatch.setattr(reports_menu.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "window.docx"), "")))
    window = Window(db)
    qtbot.addWidget(window)
    handle = ReportsMenu(window).indicator_report()
    handle.wait()
    assert handle.state == "done", handle.error
    assert document_text(tmp_path / "cli.docx") == document_text(tmp_path / "window.docx")
    assert "ปีงบประมาณ พ.ศ. 2556" in document_text(tmp_path / "window.docx")
    found = assert_same(cli_path, db)
    assert found["backups"] == []


def test_the_indicator_report_judges_the_indicator_once(twins, tmp_path, monkeypatch, capsys):
    from lo_desktop.core.indicator import judge
    from lo_desktop.reports import indicator_report

    cli_path, _db = twins(short_of_sessions)
    judged = []
    real = judge.judge

    def counted(*args, **kwargs):
        judged.append(args[1])
        return real(*args, **kwargs)
    monkeypatch.setattr(judge, "judge", counted)
    monkeypatch.setattr(indicator_report, "judge", counted)
    cli(cli_path, "report", "kpi", "--fy", "2556", "--out", str(tmp_path / "kpi.docx"))
    assert judged == [2556]
    assert "  - " in capsys.readouterr().err  # its gaps were still said


# --- publishing on the intranet as a channel -------------------------------------------------------------------
def test_publishing_and_recording_the_intranet_channel(twins, qtbot, monkeypatch):
    from lo_desktop.settings import Settings
    from lo_desktop.ui.window.main_window import MainWindow

    def with_address(db):
        demo_corner(db)
        save_settings(db, Settings(intranet_address="http://10.0.0.5:8001"))

    cli_path, db = twins(with_address)
    cli(cli_path, "publish", "--record-channel")
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(messages, "show", lambda *a, **k: None)
    window = MainWindow(db, load_settings(db))
    qtbot.addWidget(window)
    window.publish_actions.publish_now().wait()
    found = assert_same(cli_path, db)
    published = [r for r in found["channels"] if "http://10.0.0.5:8001/catalog/materials/" in repr(r)]
    manuals = db.execute("SELECT COUNT(*) FROM materials WHERE kind = 'work_manual' AND deleted_at IS NULL "
                         "AND status != 'withdrawn'").fetchone()[0]
    assert len(published) == manuals > 0
