"""Render the main window and the dialogs over the sample corner into docs/screenshots/*.png.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Runs headless; the data folder is a temporary one, so nothing of the user's is read or changed.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1400, 820)
SELECTED_CODE = "BN-0001"


def settle(app, rounds: int = 20) -> None:
    """Let queued events (search answers, layouts, polish) run before grabbing."""
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main_window(app, db, out: Path) -> Path:
    from PySide6.QtCore import QEventLoop

    from lo_desktop.app import build_window
    from lo_desktop.core import catalog

    window = build_window(db)
    window.resize(*SIZE)
    page = window.page("catalog")
    loop = QEventLoop()
    page.search_done.connect(loop.quit)
    window.show()
    loop.exec()
    page.show_material_id(catalog.get_material(db, SELECTED_CODE).id)
    settle(app)
    path = out / "main-window.png"
    window.grab().save(str(path))
    return path, window


def material_editor(app, db, settings, parent, out: Path) -> Path | None:
    if importlib.util.find_spec("lo_desktop.ui.material_dialog") is None:
        return None
    from lo_desktop.core import catalog
    from lo_desktop.ui.material_dialog import MaterialDialog

    dialog = MaterialDialog(db, settings, catalog.get_material(db, SELECTED_CODE), parent)
    return grab_dialog(app, dialog, out / "material-editor.png")


def settings_dialog(app, db, settings, parent, out: Path) -> Path | None:
    if importlib.util.find_spec("lo_desktop.ui.settings_dialog") is None:
        return None
    from lo_desktop.ui.settings_dialog import SettingsDialog

    return grab_dialog(app, SettingsDialog(db, settings, parent), out / "settings.png")


def page_shot(app, window, key: str, path: Path, prepare=None) -> Path:
    """The whole window showing one side-bar page (as the clerk sees it)."""
    page = window.show_page(key)
    if prepare:
        prepare(page)
    settle(app, 40)
    window.grab().save(str(path))
    return path


def feature_pages(app, window, out: Path) -> list[Path]:
    shots = [
        page_shot(app, window, "dashboard", out / "dashboard-2556.png", lambda p: p.set_fiscal_year(2556)),
        page_shot(app, window, "dashboard", out / "dashboard-2568.png", lambda p: p.set_fiscal_year(2568)),
        page_shot(app, window, "sessions", out / "sessions.png"),
        page_shot(app, window, "lending", out / "lending.png"),
    ]
    window.show_page("catalog")
    return shots


def grab_dialog(app, dialog, path: Path) -> Path:
    dialog.show()
    settle(app)
    dialog.grab().save(str(path))
    dialog.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    os.environ["LO_DESKTOP_DATA_DIR"] = tempfile.mkdtemp(prefix="lo-shots-")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from lo_desktop.app import create_application
    from lo_desktop.core.db import open_database
    from lo_desktop.core.sample import load_demo
    from lo_desktop.paths import demo_db_path
    from lo_desktop.settings import load_settings

    app = create_application()
    db = open_database(demo_db_path())
    load_demo(db)
    path, window = main_window(app, db, out)
    written = [path]
    settings = load_settings(db)
    written.append(material_editor(app, db, settings, window, out))
    written.append(settings_dialog(app, db, settings, window, out))
    written.extend(feature_pages(app, window, out))
    for path in written:
        if path is not None:
            print(path)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
