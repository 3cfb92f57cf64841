"""The window program: QApplication, Sarabun, language, the database to open, the main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, set_language


def create_application(argv: list[str] | None = None):
    """The one QApplication: Fusion style, Sarabun font, names for QSettings."""
    from PySide6.QtWidgets import QApplication

    from lo_desktop.ui.fonts import apply_interface_font
    from lo_desktop.ui.state import APPLICATION, ORGANIZATION
    from lo_desktop.ui.style import apply_style

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    apply_interface_font(app)
    apply_style(app)
    return app


def run_window(ctx) -> int:
    app = create_application()
    db = open_first_database(ctx)
    if db is None:
        return 1
    from lo_desktop.ui.single_instance import guard

    instance = guard(db)  # one window per database; today's backup
    if instance is None:
        return 0
    window = build_window(db)
    instance.attach(window)
    window.show()
    return app.exec()


def build_window(db):
    from lo_desktop.settings import load_settings
    from lo_desktop.ui.main_window import MainWindow

    settings = load_settings(db)
    set_language(settings.language)
    return MainWindow(db, settings)


def open_first_database(ctx):
    """The database to show: --db, --demo, the one opened last time, or the welcome's choice."""
    from lo_desktop.ui.file_actions import remember_database

    if not _choose_start(ctx):
        return None
    path = ctx.db_path
    while True:
        try:
            db = ctx.db if path == ctx.db_path else _open(path)
            remember_database(path)
            return db
        except (UserError, OSError) as exc:
            path = _ask_for_another(exc)
            if path is None:
                return None


def _choose_start(ctx) -> bool:
    """Fill in ctx.args when nothing was asked for on the command line; False when the clerk cancelled."""
    from lo_desktop.paths import default_db_path
    from lo_desktop.ui.file_actions import LAST_DB_KEY
    from lo_desktop.ui.first_run import SAMPLE, WelcomeDialog
    from lo_desktop.ui.state import window_settings

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


def _open(path: Path):
    from lo_desktop.core.backup import before_migrate
    from lo_desktop.core.db import open_database

    return open_database(path, before_migrate=before_migrate)  # an older database is backed up first


def _ask_for_another(exc: Exception) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from lo_desktop.ui import messages
    from lo_desktop.ui.file_actions import DB_FILTER

    text = str(exc) if isinstance(exc, UserError) else messages.error_text(exc)
    if not messages.confirm(None, text + "\n\n" + _("Open another database file?")):
        return None
    path, _filter = QFileDialog.getOpenFileName(None, _("Open database"), str(Path.home()), DB_FILTER)
    return Path(path) if path else None
