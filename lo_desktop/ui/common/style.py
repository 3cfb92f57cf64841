"""The look: Fusion with a light palette and a Windows 11 accent, so the program looks current on
every Windows version (the native Windows 10 style draws Thai tool bars poorly at 125 % scaling)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory

ACCENT = "#0067c0"
STYLE_SHEET = f"""
QToolBar#mainToolbar {{ background: #ffffff; border: none; border-bottom: 1px solid #e0e0e0;
    padding: 4px 6px; spacing: 4px; }}
QToolBar#mainToolbar QToolButton {{ padding: 4px 8px; border-radius: 4px; }}
QToolBar#mainToolbar QToolButton:hover {{ background: #eef4fb; }}
QListWidget#pageList {{ background: #f3f3f3; border: none; border-right: 1px solid #e0e0e0; padding-top: 6px;
    outline: 0; }}
QListWidget#pageList::item {{ padding: 8px 10px; border-radius: 4px; margin: 1px 6px; }}
QListWidget#pageList::item:selected {{ background: #e1ecf8; color: #000000; }}
QWidget#filterPanel {{ background: #fafafa; border-right: 1px solid #e6e6e6; }}
QLabel#panelTitle {{ font-weight: 600; color: #404040; }}
QTableView#catalogTable {{ border: 1px solid #d9d9d9; selection-background-color: #cce0f5;
    selection-color: #000000; alternate-background-color: #f7f9fc; }}
QHeaderView::section {{ background: #f7f7f7; border: none; border-bottom: 1px solid #d9d9d9;
    border-right: 1px solid #ececec; padding: 4px 6px; font-weight: 600; }}
QLabel#detailTitle {{ font-size: 13pt; font-weight: 600; color: #1a1a1a; }}
QLabel#detailHint {{ color: #707070; padding: 24px 8px; }}
QLabel#detailPayload {{ color: #606060; }}
QGroupBox {{ font-weight: 600; border: 1px solid #e3e3e3; border-radius: 6px; margin-top: 14px;
    padding: 10px 6px 6px 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: #404040; }}
QLineEdit#searchBox, QLineEdit#scanBox {{ padding: 4px 6px; border: 1px solid #c8c8c8; border-radius: 4px; }}
QLineEdit#searchBox:focus, QLineEdit#scanBox:focus {{ border: 1px solid {ACCENT}; }}
QStatusBar {{ background: #f3f3f3; border-top: 1px solid #e0e0e0; }}
"""


def light_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#f9f9f9", QPalette.ColorRole.WindowText: "#1a1a1a",
        QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f7f9fc",
        QPalette.ColorRole.Text: "#1a1a1a", QPalette.ColorRole.Button: "#fbfbfb",
        QPalette.ColorRole.ButtonText: "#1a1a1a", QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.ToolTipBase: "#ffffff", QPalette.ColorRole.ToolTipText: "#1a1a1a",
        QPalette.ColorRole.PlaceholderText: "#808080",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#a0a0a0"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#a0a0a0"))
    return palette


def apply_style(app) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(light_palette())
    app.setStyleSheet(STYLE_SHEET)
