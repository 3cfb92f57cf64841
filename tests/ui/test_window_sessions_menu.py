"""The Sessions menu reaches the indicator pages from the keyboard."""
import pytest
from PySide6.QtGui import QAction


@pytest.fixture
def window(qtbot, demo_db):
    from lo_desktop.app import build_window

    win = build_window(demo_db)
    qtbot.addWidget(win)
    return win


def sessions_actions(window) -> dict[str, QAction]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("กิจกรรมแลกเปลี่ยน"))
    return {a.shortcut().toString(): a for a in menu.actions() if not a.isSeparator()}


@pytest.mark.parametrize("shortcut, page", [("Ctrl+1", "dashboard"), ("Ctrl+2", "sessions"),
                                            ("Ctrl+3", "communities")])
def test_each_shortcut_opens_its_page(window, shortcut, page):
    sessions_actions(window)[shortcut].trigger()
    assert window.stack.currentWidget() is window.page(page)


def test_new_session_opens_the_editor_on_the_sessions_page(window, monkeypatch):
    from lo_desktop.ui.indicator import sessions_page

    opened = []
    monkeypatch.setattr(sessions_page.SessionsPage, "new_session", lambda self: opened.append(self))
    sessions_actions(window)["Ctrl+Shift+N"].trigger()
    assert opened == [window.page("sessions")]
