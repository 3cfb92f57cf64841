"""The Sessions menu: record an exchange session and reach the indicator pages from the menu bar."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from lo_desktop.i18n import _


def _action(window, text: str, slot, shortcut: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.add_menu_action("sessions", action)
    return action


def install(window) -> None:
    _action(window, _("New exchange session…"), lambda: window.show_page("sessions").new_session(), "Ctrl+Shift+N")
    _action(window, _("Exchange sessions"), lambda: window.show_page("sessions"), "Ctrl+2")
    _action(window, _("Communities of practice (CoP)"), lambda: window.show_page("communities"), "Ctrl+3")
    _action(window, _("Indicator 4.1 dashboard"), lambda: window.show_page("dashboard"), "Ctrl+1")
    window.add_menu_action("sessions", None)
    _action(window, _("Partner agencies…"), lambda: _open_agencies(window))


def _open_agencies(window) -> None:
    from lo_desktop.ui.indicator.agencies_dialog import open_agencies_dialog  # built only when asked for

    open_agencies_dialog(window)
