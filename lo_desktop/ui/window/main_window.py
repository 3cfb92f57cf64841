"""The main window: menus, tool bar, the side bar of pages, the status bar and the label scanner.

Other parts of the program add their menu entries with ``add_menu_action(menu_key, action)`` (from an
installer listed in ui/window/pages.py INSTALLERS) and their pages to ui/window/pages.py PAGES.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget,
                               QToolBar, QWidget)

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.db import db_path
from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.i18n import _, tr
from lo_desktop.labels import thai_wrap
from lo_desktop.paths import demo_db_path
from lo_desktop.ui.window import pages as page_registry
from lo_desktop.ui.catalog.catalog_menu import CatalogActions
from lo_desktop.ui.window.file_actions import FileActions
from lo_desktop.ui.common import messages
from lo_desktop.ui.common import qt_words
from lo_desktop.ui.common.icons import icon
from lo_desktop.ui.common.thai_text import install_clean_copy
from lo_desktop.ui.window.scan import ScanBox, ScanDetector
from lo_desktop.ui.window.state import window_settings

DICTIONARY_AFTER_MS = 1500
MENUS = (("file", "&File"), ("catalog", "&Catalog"), ("sessions", "&Sessions"), ("labels", "&Labels"),
         ("reports", "&Reports"), ("help", "&Help"))


class MainWindow(QMainWindow):
    def __init__(self, db, settings, parent=None):
        super().__init__(parent)
        qt_words.install(QApplication.instance())  # before any dialog: Qt's OK/Cancel in Thai
        self.setObjectName("mainWindow")
        self.db, self.settings = db, settings
        self.menus = {key: self.menuBar().addMenu(_(title)) for key, title in MENUS}
        self._pages: dict[str, QWidget] = {}
        self._build_pages()
        self.catalog_actions = CatalogActions(self)
        self.file_actions = FileActions(self, open_window)
        self._build_toolbar()
        self._build_status_bar()
        self.file_actions.install()
        self.catalog_actions.install()
        self.file_actions.install_help()
        self._run_installers()
        self._update_menus()
        self._connect_catalog()
        self.scanner = ScanDetector(self)
        self.scanner.scanned.connect(self.open_scanned)
        self.scanner.install()
        install_clean_copy(QApplication.instance())  # shown Thai carries break opportunities; copies do not
        self._update_title()
        # The Thai dictionary (word breaks on screen and on labels) is built in pure Python in ~0.7 s and
        # holds the interpreter meanwhile: loaded once the window is up, it never slows the start.
        # A timer of the window's own, so it dies with the window (a bare singleShot outlived it in tests).
        self._dictionary_timer = QTimer(self, singleShot=True, interval=DICTIONARY_AFTER_MS)
        self._dictionary_timer.timeout.connect(thai_wrap.load_in_background)
        self._dictionary_timer.start()
        self._restore_geometry()

    # --- menus --------------------------------------------------------------------------------------
    def add_menu_action(self, menu_key: str, action) -> None:
        """Add an action (None: a separator) to one of the menus "file", "catalog", "sessions", "labels",
        "reports", "help"; a menu appears once it has something in it."""
        menu = self.menus[menu_key]
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
        menu.menuAction().setVisible(True)

    def add_file_actions(self, actions) -> None:
        """A group of File-menu actions after a separator, above Quit (which stays the last entry)."""
        menu = self.menus["file"]
        quit_action = next((a for a in menu.actions() if a.objectName() == "action_quit"), None)
        if quit_action is None:
            menu.addSeparator()
            menu.addActions(actions)
        else:
            menu.insertActions(quit_action, actions)
            menu.insertSeparator(quit_action)
        menu.menuAction().setVisible(True)

    def _update_menus(self) -> None:
        for menu in self.menus.values():
            menu.menuAction().setVisible(any(not a.isSeparator() for a in menu.actions()))

    def _run_installers(self) -> None:
        for install in page_registry.INSTALLERS:
            install(self)

    # --- pages -------------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.setIconSize(QSize(20, 20))
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stack = QStackedWidget()
        for key, title, _factory in page_registry.PAGES:
            item = QListWidgetItem(icon(f"page_{key}"), _(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.page_list.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit
        self.page_list.currentRowChanged.connect(self.show_page_at)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.page_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        # A wide page (the dashboard) must not squeeze the page names into "ตัวชี้…".
        self.page_list.setMinimumWidth(self.page_list.sizeHintForColumn(0) + 24)
        splitter.setSizes([170, 1200])
        self.page_list.setVisible(len(page_registry.PAGES) > 1)
        self.setCentralWidget(splitter)
        self.page_list.setCurrentRow(0)

    def show_page_at(self, row: int) -> None:
        key, _title, page_class = page_registry.PAGES[row]
        if key not in self._pages:
            page = page_class(self.db, self.settings, self)
            self._pages[key] = page
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.setCurrentIndex(row)
        if hasattr(self, "count_label"):  # "Showing 44 of 44 materials" is the catalog's, not the sessions'
            self.count_label.setVisible(key == "catalog")

    def page(self, key: str) -> QWidget:
        """The page named ``key``, built if it was not shown yet."""
        if key not in self._pages:
            keys = [k for k, _t, _f in page_registry.PAGES]
            self.show_page_at(keys.index(key))
        return self._pages[key]

    def open_page(self, key: str) -> QWidget | None:
        """The page named ``key`` if it has been built (one not built yet reads everything when shown)."""
        return self._pages.get(key)

    def show_page(self, key: str) -> QWidget:
        keys = [k for k, _t, _f in page_registry.PAGES]
        self.page_list.setCurrentRow(keys.index(key))
        return self._pages[key]

    # --- tool bar and status bar ----------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Daily actions"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.catalog_actions
        for action in (a.new, a.edit, a.delete, None, a.undo, None, a.search):
            bar.addSeparator() if action is None else bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        bar.addWidget(spacer)
        scan_label = QLabel(_("Scan:"))
        scan_label.setPixmap(icon("scan").pixmap(20, 20))
        bar.addWidget(scan_label)
        self.scan_box = ScanBox()
        self.scan_box.submitted.connect(self.open_scanned)
        bar.addWidget(self.scan_box)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)

    def _connect_catalog(self) -> None:
        page = self.page("catalog")
        page.counts_changed.connect(self._show_counts)
        page.activated.connect(self.catalog_actions.edit_material)
        self.catalog_actions.attach_table(page.table)
        page._update_counts()
        page.detail.indexer.start()  # attachments not read yet (e.g. from before an upgrade)

    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(tr("Showing {shown} of {total} materials", shown=f"{shown:,}", total=f"{total:,}"))

    # --- scanning ------------------------------------------------------------------------------------
    def open_scanned(self, text: str) -> bool:
        """Show the material a scanned (or typed) payload names; say so in the status bar if none."""
        code = code_from_payload(self.db, text)
        if code is None:
            in_trash = code_from_payload(self.db, text, include_deleted=True)
            message = (tr("{code} is in the Trash.", code=in_trash) if in_trash
                       else tr("No material has the code in “{text}”.", text=text.strip()[:60]))
            self.statusBar().showMessage(message, 8000)
            return False
        material = catalog.get_material(self.db, code)
        page = self.show_page("catalog")
        page.show_material_id(material.id)
        page.table.setFocus()
        self.statusBar().showMessage(tr("Scanned {code}: {title}", code=code, title=material.title), 8000)
        return True

    # --- database, title, remembered geometry ------------------------------------------------------
    def _update_title(self) -> None:
        path = db_path(self.db)
        name = Path(path).name if path else _("(in memory)")
        if path and Path(path).resolve() == demo_db_path().resolve():
            # The clerk must never mistake the sample corner for her own records.
            name = tr("{name} (sample corner — not your records)", name=name)
        self.setWindowTitle(tr("Learning corner — {name}", name=name))

    def _restore_geometry(self) -> None:
        state = window_settings()
        geometry, layout = state.value("window/geometry"), state.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._fit_screen(1360, 800)
        if isinstance(layout, QByteArray):
            self.restoreState(layout)

    def _fit_screen(self, width: int, height: int) -> None:
        """First start: the preferred size, but never larger than the screen (1366×768 laptops)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(width, height)
            return
        self.resize(min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.9)))
        self.move(screen.center() - self.rect().center())

    def save_state(self) -> None:
        state = window_settings()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/state", self.saveState())
        for page in self._pages.values():
            if hasattr(page, "save_state"):
                page.save_state()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.scanner.uninstall()
        for page in self._pages.values():
            if hasattr(page, "shutdown"):
                page.shutdown()
        super().closeEvent(event)


_windows: list = []


def open_window(corner, instance=None):
    """Show the main window over an opened corner (its language applied already) and the corner's warnings.

    ``instance`` is the one-window guard holding the database (ui/single_instance.py).
    """
    window = MainWindow(corner.db, corner.settings)
    if instance is not None:
        instance.attach(window)
    _keep(window)
    window.show()
    for warning in corner.warnings:
        messages.show_warning(window, warning)
    return window


def _keep(window) -> None:
    """A window opened from a slot has no Python owner; keep it alive until the program ends."""
    _windows.append(window)
