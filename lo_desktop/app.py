"""The window program: QApplication, Sarabun, language, the database to open, the main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _


def create_application(argv: list[str] | None = None):
    """The one QApplication: Fusion style, Sarabun font, names for QSettings."""
    from PySide6.QtWidgets import QApplication

    from lo_desktop.ui.common import collector, qt_words
    from lo_desktop.ui.common.fonts import apply_interface_font
    from lo_desktop.ui.window.state import APPLICATION, ORGANIZATION
    from lo_desktop.ui.common.style import apply_style

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
        app = QApplication(argv if argv is not None else sys.argv[:1])
    collector.install(app)  # cycles collected on the main thread, never by a worker (ui/common/collector.py)
    qt_words.install(app)  # Qt's own OK/Cancel in the clerk's words from the first dialog (the welcome) on
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    apply_interface_font(app)
    apply_style(app)
    return app


def run_window(ctx) -> int:
    app = create_application()
    corner = open_first_corner(ctx)
    if corner is None:
        return 1
    from lo_desktop.ui.window.main_window import open_window
    from lo_desktop.ui.window.single_instance import guard

    opened = getattr(ctx.args, "open_file", None)  # a double-clicked .lobackup / .lopackage
    instance = guard(corner.db, open_file=opened)  # one window per database
    if instance is None:
        return 0
    window = open_window(corner, instance)
    if opened:
        from lo_desktop.ui.window.open_file import open_file_later

        open_file_later(window, opened)
    return app.exec()


def build_window(db):
    """A main window over a database opened elsewhere (tests, benchmarks), in its settings' language."""
    from lo_desktop.core.corner import adopt
    from lo_desktop.ui.window.main_window import MainWindow

    corner = adopt(db)
    return MainWindow(corner.db, corner.settings)


def open_first_corner(ctx):
    """The corner to show: --db, --demo, the one opened last time, or the welcome's choice; opened with
    its settings and language applied (core/corner.py). None when the clerk gave up."""
    from lo_desktop.core.corner import open_corner
    from lo_desktop.core.errors import NoDatabase
    from lo_desktop.ui.window.file_actions import confirm_create, remember_database

    if not _choose_start(ctx):
        return None
    path, demo, create = ctx.db_path, ctx.args.demo, ctx.may_create
    while True:
        try:
            corner = open_corner(path, demo=demo, create=create)
            remember_database(path)
            return corner
        except NoDatabase as exc:  # a --db typo or a truncated copy: asked, never quietly made empty
            if confirm_create(None, exc):
                create = True
                continue
            path, demo, create = _ask_for_another(exc), False, False
            if path is None:
                return None
        except (UserError, OSError) as exc:
            path, demo = _ask_for_another(exc), False
            if path is None:
                return None


def _choose_start(ctx) -> bool:
    """Fill in ctx.args when nothing was asked for on the command line; False when the clerk cancelled."""
    from lo_desktop.paths import default_db_path
    from lo_desktop.ui.window.file_actions import LAST_DB_KEY
    from lo_desktop.ui.window.first_run import SAMPLE, WelcomeDialog
    from lo_desktop.ui.window.state import window_settings

    if ctx.args.db or ctx.args.demo:
        return True
    last = window_settings().value(LAST_DB_KEY)
    if last and Path(last).is_file():
        ctx.args.db = last
        return True
    if default_db_path().exists():
        return True
    welcome = WelcomeDialog()
    if not welcome.exec():
        return False
    ctx.args.demo = welcome.choice == SAMPLE
    return True


def _ask_for_another(exc: Exception) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from lo_desktop.ui.common import messages
    from lo_desktop.ui.window.file_actions import DB_FILTER

    text = str(exc) if isinstance(exc, UserError) else messages.error_text(exc)
    if not messages.confirm(None, text + "\n\n" + _("Open another database file?")):
        return None
    path, _filter = QFileDialog.getOpenFileName(None, _("Open database"), str(Path.home()), DB_FILTER)
    return Path(path) if path else None
