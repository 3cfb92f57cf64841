"""Catalog ▸ Lend or return… (Ctrl+L): the lend dialog for the material selected in the catalog; Catalog ▸
Borrowers…: correct, merge or delete borrowers.
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from lo_desktop.i18n import _


def open_lend_dialog(window) -> None:
    from lo_desktop.ui.lending.lend_dialog import LendDialog

    catalog = window.page("catalog")
    material = catalog.current_material() if window.stack.currentWidget() is catalog else None
    dialog = LendDialog(window.db, window.settings, window, material if material and material.id else None)
    dialog.exec()
    for key in ("catalog", "lending"):
        page = getattr(window, "_pages", {}).get(key)
        if page is not None and hasattr(page, "refresh"):
            page.refresh()


def open_borrowers_dialog(window) -> None:
    """Catalog ▸ Borrowers…: the lending page reads its lists again after each change (names, merges)."""
    from lo_desktop.ui.lending.borrowers_dialog import BorrowersDialog

    dialog = BorrowersDialog(window.db, window)
    page = getattr(window, "_pages", {}).get("lending")
    if page is not None and hasattr(page, "refresh"):
        dialog.changed.connect(page.refresh)
    dialog.exec()


def install(window) -> None:
    action = QAction(_("Lend or return…"), window)
    action.setObjectName("action_lend")
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.triggered.connect(lambda _checked=False: open_lend_dialog(window))
    window.add_menu_action("catalog", None)
    window.add_menu_action("catalog", action)
    borrowers = QAction(_("Borrowers…"), window)
    borrowers.setObjectName("action_borrowers")
    borrowers.triggered.connect(lambda _checked=False: open_borrowers_dialog(window))
    window.add_menu_action("catalog", borrowers)
