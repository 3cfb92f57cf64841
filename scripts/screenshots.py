"""Render the main window and the dialogs over the sample corner into docs/screenshots/*.png.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Runs headless; the data folder is a temporary one, so nothing of the user's is read or changed.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
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
    from lo_desktop.core.catalog import materials as catalog

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
    from lo_desktop.core.catalog import materials as catalog
    from lo_desktop.ui.catalog.material_dialog import MaterialDialog

    dialog = MaterialDialog(db, settings, catalog.get_material(db, SELECTED_CODE), parent)
    return grab_dialog(app, dialog, out / "material-editor.png")


def settings_dialog(app, db, settings, parent, out: Path) -> Path | None:
    from lo_desktop.ui.window.settings_dialog import SettingsDialog

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


def cli(db_file: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "lo_desktop", "--db", str(db_file), *args], check=True,
                   capture_output=True, cwd=ROOT)


def label_sheet(db_file: Path, out: Path) -> Path:
    """Page 1 of an L7160 sheet started at label 3, as QtPdf (the engine the tests read back with) draws it."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    pdf = Path(tempfile.mkdtemp()) / "labels.pdf"
    cli(db_file, "labels", "--sheet", "avery-l7160", "--all", "--start", "3", "--no-record", "--out", str(pdf))
    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0)
    page = document.render(0, QSize(round(size.width() / 72 * 80), round(size.height() / 72 * 80)))
    paper = QImage(page.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, page)
    painter.end()
    path = out / "labels-l7160.png"
    paper.save(str(path))
    return path


def report_pages(db_file: Path, out: Path) -> list[Path]:
    """Word pages as LibreOffice prints them; skipped where LibreOffice or pdftoppm is not installed."""
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        return []
    work = Path(tempfile.mkdtemp())
    cli(db_file, "report", "kpi", "--fy", "2556", "--out", str(work / "kpi.docx"))
    cli(db_file, "report", "session", "1", "--out", str(work / "memo.docx"))
    for name in ("kpi", "memo"):
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work),
                        str(work / f"{name}.docx")], check=True, capture_output=True)
    pages = {"report-kpi-summary": ("kpi", 2), "report-kpi-session": ("kpi", 10), "report-memo": ("memo", 1)}
    written = []
    for target, (name, number) in pages.items():
        stem = work / target
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(number), "-l", str(number),
                        str(work / f"{name}.pdf"), str(stem)], check=True)
        written.append(Path(shutil.copy(f"{stem}.png", out / f"{target}.png")))
    return written


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
    from lo_desktop.core.sample.corner import load_demo
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
    written.append(label_sheet(demo_db_path(), out))
    written.extend(report_pages(demo_db_path(), out))
    for path in written:
        if path is not None:
            print(path)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
