"""PySide6 6.12.0 on Python 3.11 loses a reference to None on every void call and the interpreter
aborts after ~5,000 calls. The pinned version must not: 20,000 such calls leave None's count alone."""
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel


def test_void_calls_do_not_leak_none(tmp_path):
    app = QApplication.instance() or QApplication([])
    label = QLabel()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    before = sys.getrefcount(None)
    for i in range(10_000):
        label.setText("มุมความรู้")
        settings.setValue("k", i)
    after = sys.getrefcount(None)
    assert abs(after - before) < 1000, (before, after)
    assert app is not None
