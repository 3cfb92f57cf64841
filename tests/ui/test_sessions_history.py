"""The sessions page shows the selected session's history beside its details, child rows included."""
from dataclasses import replace

import pytest

from lo_desktop.core.indicator import agency_edit
from lo_desktop.core.indicator.agencies import find_agency
from lo_desktop.core.indicator.sessions import Participant, list_sessions, save_session
from lo_desktop.settings import load_settings

NEWCOMER = Participant("นางสาวพรทิพย์ ศรีสุข", "นักทรัพยากรบุคคล", "สำนักงานเขตพระโขนง")


@pytest.fixture
def page(qtbot, demo_db):
    from lo_desktop.ui.indicator.sessions_page import SessionsPage

    widget = SessionsPage(demo_db, load_settings(demo_db))
    qtbot.addWidget(widget)
    return widget


def select(page, session_id):
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).data(256) == session_id)
    page.table.selectRow(row)


def test_selecting_a_session_shows_its_history_in_a_tab_beside_the_details(page, demo_db):
    first, second = list_sessions(demo_db)[:2]
    save_session(demo_db, replace(first, participants=first.participants + [NEWCOMER]))
    page.refresh(first.id)
    tabs = page.preview_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["รายละเอียด", "ประวัติการแก้ไข"]
    assert tabs.widget(1) is page.history
    assert page.history.entries()[0] == (
        "แก้ไข", ["ผู้เข้าร่วม: เพิ่ม “นางสาวพรทิพย์ ศรีสุข, นักทรัพยากรบุคคล (สำนักงานเขตพระโขนง)”"])
    select(page, second.id)
    assert [action for action, _lines in page.history.entries()] == ["สร้าง"]


def test_an_agency_rename_shows_in_the_history_of_the_sessions_naming_it(page, demo_db):
    session = list_sessions(demo_db)[0]
    agency = find_agency(demo_db, session.partners[0])
    agency_edit.rename_agency(demo_db, agency.id, "สำนักงานเขตพระโขนง กรุงเทพมหานคร")
    page.refresh(session.id)
    action, lines = page.history.entries()[0]
    assert action == "แก้ไข" and lines[:2] == [
        "หน่วยงานเครือข่าย: นำออก “สำนักงานเขตพระโขนง”",
        "หน่วยงานเครือข่าย: เพิ่ม “สำนักงานเขตพระโขนง กรุงเทพมหานคร”"]
    # the participants' agency followed the name, and the history says so
    assert "ผู้เข้าร่วม: “นางวิไล ศรีสุข, หัวหน้าฝ่ายเทศกิจ (สำนักงานเขตพระโขนง)” → “นางวิไล ศรีสุข, " \
           "หัวหน้าฝ่ายเทศกิจ (สำนักงานเขตพระโขนง กรุงเทพมหานคร)”" in lines


def test_a_session_in_the_trash_shows_when_it_was_moved_there(page, demo_db):
    from lo_desktop.core.indicator.sessions import delete_session

    session = list_sessions(demo_db)[-1]
    delete_session(demo_db, session.id)
    page.trash.setChecked(True)
    assert page.current_id() == session.id
    assert [action for action, _lines in page.history.entries()] == ["ย้ายไปถังขยะ", "สร้าง"]
