import pytest
from PySide6.QtWidgets import QApplication

from lo_desktop.settings import load_settings
from lo_desktop.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db):
    """The main window over the sample corner, shown and active (a scanner types into the active window)."""
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w
