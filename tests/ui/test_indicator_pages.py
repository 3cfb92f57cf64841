"""The indicator pages drawn with the sample corner: the dashboard, the sessions list and editor, channels."""
from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton

from lo_desktop.core.catalog.materials import get_material
from lo_desktop.core.indicator.channels import channels_of
from lo_desktop.core.indicator.sessions import ExchangeSession, Participant, get_session, list_sessions
from lo_desktop.settings import load_settings
from lo_desktop.ui.common.thai_text import plain


def texts(page) -> str:
    return "\n".join(plain(label.text()) for card in page.cards for label in card.findChildren(QLabel))


def gap_buttons(page) -> list:
    """The fix buttons of the cards on show (replaced cards wait for the event loop to delete them)."""
    return [button for card in page.cards for button in card.findChildren(QPushButton, "gapButton")]


def test_the_dashboard_shows_fy_2556_met(qtbot, demo_db):
    from lo_desktop.ui.indicator.dashboard_page import DashboardPage

    page = DashboardPage(demo_db, load_settings(demo_db))
    qtbot.addWidget(page)
    page.set_fiscal_year(2556)
    assert [card.component.met for card in page.cards] == [True, True, True]
    assert "ผ่านครบทั้ง 3 องค์ประกอบ" in plain(page.status.text())
    assert "9 / 9" in texts(page) and "2 / 2" in texts(page)
    assert gap_buttons(page) == []


def test_the_dashboard_shows_fy_2568_gaps_with_fix_buttons(qtbot, demo_db):
    from lo_desktop.ui.indicator.dashboard_page import DashboardPage

    page = DashboardPage(demo_db, load_settings(demo_db))
    qtbot.addWidget(page)
    page.set_fiscal_year(2568)
    assert "การแลกเปลี่ยนเรียนรู้วันที่ 12 มีนาคม 2568 ยังไม่มีองค์ความรู้ที่จัดเก็บในมุมความรู้" in texts(page)
    gaps = sum(len(c.gaps) for c in page.indicator.components)
    assert len(gap_buttons(page)) == gaps == 4


def test_a_gap_button_opens_the_session_to_fix(qtbot, demo_db, monkeypatch):
    from lo_desktop.ui.indicator.dashboard_page import DashboardPage
    from lo_desktop.ui.indicator.sessions_page import SessionsPage

    opened = []
    monkeypatch.setattr(SessionsPage, "open_session", lambda self, sid: opened.append(sid))

    class Window:
        def show_page(self, key):
            assert key == "sessions"
            return SessionsPage(demo_db, load_settings(demo_db), self)

    page = DashboardPage(demo_db, load_settings(demo_db), Window())
    qtbot.addWidget(page)
    page.set_fiscal_year(2568)
    page.cards[2].findChildren(QPushButton, "gapButton")[0].click()
    bare = next(s for s in list_sessions(demo_db, 2568) if not s.material_ids)
    assert opened == [bare.id]


def test_the_sessions_page_lists_the_sample(qtbot, demo_db):
    from lo_desktop.ui.indicator.sessions_page import SessionsPage

    page = SessionsPage(demo_db, load_settings(demo_db))
    qtbot.addWidget(page)
    assert page.table.rowCount() == 4
    assert page.table.item(0, 0).text() == "24 มิ.ย. 2556"
    assert page.strip.list.count() == 3 and "พระโขนง" in page.preview.toPlainText()
    page.year.setCurrentIndex(page.year.findData(2568))
    assert page.table.rowCount() == 2 and page.table.item(0, 6).text() == "✗ ยังไม่มี"


def test_the_editor_saves_a_new_session(qtbot, db, boxes):
    from lo_desktop.ui.indicator.session_dialog import SessionDialog

    dialog = SessionDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.held_on.set_date_value(date(2013, 9, 30))
    dialog.lines["topic"].setText("การจัดระเบียบผู้ค้า")
    dialog.people.add_row(Participant("นางสาวสมใจ ใจดี", "หัวหน้าฝ่ายเทศกิจ", "สำนักงานเขตบางนา"))
    dialog.accept()
    assert boxes == [] and dialog.saved is not None
    saved = get_session(db, dialog.saved.id)
    assert saved.partners == ["สำนักงานเขตพระโขนง"] and saved.participants[0].name == "นางสาวสมใจ ใจดี"


def test_the_editor_refuses_a_session_without_a_date(qtbot, db, boxes):
    from lo_desktop.ui.indicator.session_dialog import SessionDialog

    dialog = SessionDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.held_on.clear_date()
    dialog.lines["topic"].setText("การจัดระเบียบผู้ค้า")
    dialog.accept()
    assert dialog.saved is None and "วันที่" in boxes[0]
    assert dialog.tabs.currentIndex() == 0 and list_sessions(db) == []


def test_the_editor_refuses_a_participant_without_a_name(qtbot, db, boxes):
    from lo_desktop.ui.indicator.session_dialog import SessionDialog

    dialog = SessionDialog(db, load_settings(db), ExchangeSession(date(2013, 6, 24), "หาบเร่"))
    qtbot.addWidget(dialog)
    dialog.people.add_row(Participant("", "เจ้าพนักงานเทศกิจ", "สำนักงานเขตพระโขนง"))
    dialog.accept()
    assert dialog.saved is None and "ลำดับที่ 1" in boxes[0] and dialog.tabs.currentIndex() == 1
    assert list_sessions(db) == []


def test_a_non_image_photo_is_refused_in_the_strip(qtbot, db, boxes, tmp_path):
    from lo_desktop.ui.indicator.session_widgets import PhotoStrip

    strip = PhotoStrip(db)
    qtbot.addWidget(strip)
    fake = tmp_path / "notes.png"
    fake.write_text("ไม่ใช่ภาพ", encoding="utf-8")
    assert strip.add_files([str(fake)]) == 0
    assert strip.list.count() == 0 and "notes.png" in boxes[0]


def test_the_channels_widget_counts_distinct_channels(qtbot, demo_db):
    from lo_desktop.ui.indicator.channels_widget import ChannelsWidget

    manual = get_material(demo_db, "BN-0017")
    widget = ChannelsWidget(demo_db, manual.id)
    qtbot.addWidget(widget)
    assert widget.table.rowCount() == len(channels_of(demo_db, manual.id)) == 3
    assert widget.summary.text().startswith("✓") and "2 ช่องทาง" in plain(widget.summary.text())


def test_the_communities_page_shows_the_sample(qtbot, demo_db):
    from lo_desktop.ui.indicator.cop_page import CommunitiesPage

    page = CommunitiesPage(demo_db, load_settings(demo_db))
    qtbot.addWidget(page)
    assert page.list.count() == 2 and page.picker.linked.count() >= 1 and page.name.text()


def test_a_gap_sending_to_the_catalog_lands_on_every_material_not_an_old_search(qtbot, demo_db):
    from lo_desktop.app import build_window
    from lo_desktop.core.catalog.search import Query, count

    window = build_window(demo_db)
    qtbot.addWidget(window)
    catalog = window.page("catalog")
    catalog.search_box.setText("ไม่มีคำนี้แน่นอน")
    catalog.filters.set_filter("kind", "law")
    catalog.apply_search_now()
    assert catalog.model.rowCount() == 0
    window.page("dashboard").go_to("catalog", None)
    assert catalog.search_box.text() == "" and catalog.filters.filters() == {}
    assert catalog.model.rowCount() == count(demo_db, Query())
