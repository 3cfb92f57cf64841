"""Sessions ▸ Partner agencies…: the list with its counts, renaming, merging after a confirmation, deleting."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from lo_desktop.core.indicator.agencies import add_agency, agencies_with_use
from lo_desktop.core.indicator.sessions import ExchangeSession, delete_session, list_sessions, save_session
from lo_desktop.settings import PHRA_KHANONG
from lo_desktop.ui.indicator import agencies_dialog
from lo_desktop.ui.common import messages
from lo_desktop.ui.indicator.agencies_dialog import AgenciesDialog, AgencyEditDialog, MergeDialog

SHORT = "สนง.เขตพระโขนง"
PRAWET = "สำนักงานเขตประเวศ"


def exchange(db, partners, held_on=date(2013, 6, 24)):
    return save_session(db, ExchangeSession(held_on, "การจัดระเบียบผู้ค้าหาบเร่แผงลอย", partners=partners))


@pytest.fixture
def dialog(qtbot, db):
    exchange(db, [PHRA_KHANONG, SHORT])
    exchange(db, [SHORT], date(2013, 8, 1))
    delete_session(db, exchange(db, [PHRA_KHANONG], date(2013, 9, 1)).id)  # the Trash counts too
    exchange(db, [PHRA_KHANONG], date(2013, 9, 2))
    add_agency(db, PRAWET)  # named by no session
    d = AgenciesDialog(db)
    qtbot.addWidget(d)
    return d


def table_rows(d) -> list[tuple[str, str, str]]:
    t = d.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def select(d, name: str) -> None:
    d.table.selectRow(next(r for r in range(d.table.rowCount()) if d.table.item(r, 0).text() == name))


def edits_to(monkeypatch, name: str, short: str = "") -> list:
    """The edit dialog, when opened, types ``name`` and presses Save."""
    opened = []

    def fill(self):
        opened.append(self.agency.name)
        self.name.setText(name)
        self.short_name.setText(short)
        self.accept()
        return self.result()

    monkeypatch.setattr(AgencyEditDialog, "exec", fill)
    return opened


def test_the_dialog_lists_every_agency_with_its_sessions(dialog):
    assert dialog.windowTitle() == "หน่วยงานเครือข่าย"
    assert sorted(table_rows(dialog)) == sorted([(PHRA_KHANONG, "", "3"), (SHORT, "", "2"), (PRAWET, "", "0")])


def test_edit_renames_the_agency_everywhere(dialog, db, monkeypatch):
    select(dialog, SHORT)
    opened = edits_to(monkeypatch, "สำนักงานเขตพระโขนง (สำรอง)", "พข.")
    changed = []
    dialog.changed.connect(lambda: changed.append(True))
    dialog.edit_button.click()
    assert opened == [SHORT] and changed == [True]
    assert ("สำนักงานเขตพระโขนง (สำรอง)", "พข.", "2") in table_rows(dialog)
    assert [s.partners for s in list_sessions(db)][:2] == [[PHRA_KHANONG, "สำนักงานเขตพระโขนง (สำรอง)"],
                                                           ["สำนักงานเขตพระโขนง (สำรอง)"]]


def test_a_rename_to_a_taken_name_is_refused_in_one_sentence(dialog, db, monkeypatch, boxes):
    select(dialog, SHORT)
    edits_to(monkeypatch, PHRA_KHANONG)
    dialog.edit_current()
    assert len(boxes) == 1 and "รวมเข้ากับ" in boxes[0]
    assert (SHORT, "", "2") in table_rows(dialog)


def test_enter_and_double_click_edit_the_selected_agency(dialog, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(AgencyEditDialog, "exec", lambda self: opened.append(self.agency.name) or 0)
    dialog.show()
    select(dialog, SHORT)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [SHORT]
    select(dialog, PRAWET)
    rect = dialog.table.visualItemRect(dialog.table.currentItem())
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [SHORT, PRAWET]


def choose_keep(monkeypatch, name: str) -> None:
    def pick(self):
        self.keep.setCurrentIndex(self.keep.findText(name, Qt.MatchFlag.MatchStartsWith))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", pick)


def test_merge_asks_naming_both_and_the_count_then_merges(dialog, db, monkeypatch):
    select(dialog, SHORT)
    choose_keep(monkeypatch, PHRA_KHANONG)
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    dialog.merge_button.click()
    assert len(asked) == 1 and SHORT in asked[0] and PHRA_KHANONG in asked[0] and " 2 " in asked[0]
    assert sorted(table_rows(dialog)) == sorted([(PHRA_KHANONG, "", "4"), (PRAWET, "", "0")])
    assert [s.partners for s in list_sessions(db)][:2] == [[PHRA_KHANONG], [PHRA_KHANONG]]


def test_a_declined_merge_changes_nothing(dialog, db, monkeypatch):
    select(dialog, SHORT)
    choose_keep(monkeypatch, PHRA_KHANONG)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: False)
    dialog.merge_current()
    assert {a.name: n for a, n in agencies_with_use(db)} == {PHRA_KHANONG: 3, SHORT: 2, PRAWET: 0}


def test_delete_is_enabled_only_for_an_agency_no_session_names(dialog, qtbot, monkeypatch, boxes):
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    select(dialog, SHORT)
    assert not dialog.delete_button.isEnabled() and dialog.delete_button.toolTip()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # the key says why instead (a session in the Trash, too)
    assert asked == [] and len(boxes) == 1 and SHORT in boxes[0] and "2" in boxes[0]
    assert len(table_rows(dialog)) == 3
    select(dialog, PRAWET)
    assert dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and PRAWET in asked[0]
    assert sorted(r[0] for r in table_rows(dialog)) == sorted([PHRA_KHANONG, SHORT])


@pytest.fixture
def window(qtbot, demo_db):
    from lo_desktop.app import build_window

    win = build_window(demo_db)
    qtbot.addWidget(win)
    return win


def test_the_sessions_menu_opens_it_and_the_pages_show_the_change(window, monkeypatch):
    page = window.show_page("sessions")
    window.page("dashboard")
    judged = []
    monkeypatch.setattr(type(window.page("dashboard")), "refresh", lambda self: judged.append(True))

    def rename_first(self):
        self.table.selectRow(0)
        edits_to(monkeypatch, "สำนักงานเขตพระโขนง กรุงเทพมหานคร")
        self.edit_current()
        return 0

    monkeypatch.setattr(AgenciesDialog, "exec", rename_first)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("กิจกรรมแลกเปลี่ยน"))
    next(a for a in menu.actions() if a.text() == "หน่วยงานเครือข่าย…").trigger()
    partners = {page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert partners == {"สำนักงานเขตพระโขนง กรุงเทพมหานคร"} and judged == [True]
    assert window.settings.partners == ["สำนักงานเขตพระโขนง กรุงเทพมหานคร"]  # a new session's default
    assert agencies_dialog.load_settings(window.db).partners == window.settings.partners


def test_the_merge_offers_the_most_similar_name_first(dialog):
    others = [(a, n) for a, n in dialog.agencies if a.name != SHORT]
    short = next(a for a, _n in dialog.agencies if a.name == SHORT)
    picker = MergeDialog(short, others, dialog)
    assert picker.keep.currentText().startswith(PHRA_KHANONG)
    assert picker.keep.count() == 2


def test_the_selected_agency_shows_its_history_below_the_list(dialog, monkeypatch):
    select(dialog, PRAWET)
    assert dialog.history.entries() == []
    edits_to(monkeypatch, "สำนักงานเขตประเวศ (แก้ไข)")
    dialog.edit_current()
    select(dialog, "สำนักงานเขตประเวศ (แก้ไข)")
    [(action, lines)] = dialog.history.entries()
    assert action == "แก้ไข" and lines == [f"ชื่อ: {PRAWET} → สำนักงานเขตประเวศ (แก้ไข)"]
