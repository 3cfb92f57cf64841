"""A keyboard-wedge scanner types 3–8 ms per key, with Shift pressed for every capital: on every page, into
whatever has the focus, the whole code must be read ("BN-0001", never "N-0001") and the material opened."""
import itertools

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QLineEdit,
                               QTextEdit, QWidget)

from lo_desktop.ui.lending.lending_scan import ScanEntry
from lo_desktop.ui.window.pages import PAGES

PAGE_KEYS = [key for key, _title, _cls in PAGES]
# The kinds of widget a clerk leaves the focus in (a combo box is left out: typing letters picks an entry).
FOCUSABLE = (QLineEdit, QTextEdit, QAbstractItemView, QAbstractButton)


def _send(widget, kind, key, text="", modifiers=Qt.KeyboardModifier.NoModifier):
    if kind == QEvent.Type.KeyPress:  # Qt offers a key to shortcuts before pressing it
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers, text))
    QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


def wedge_burst(window, text: str, ms_per_key: float) -> None:
    """Type ``text`` + Enter the way a USB scanner does: Shift down/up around each capital, every event
    ``ms_per_key`` after the one before (the scanner's clock is the window's)."""
    ticks = itertools.count(start=1000.0, step=ms_per_key / 1000)
    window.scanner._clock = lambda: next(ticks)
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    for char in text + "\r":
        target = QApplication.focusWidget() or window
        shift = char.isupper()
        mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
        if shift:
            _send(target, press, Qt.Key.Key_Shift, "", mods)
        _send(target, press, key, char, mods)
        _send(target, release, key, char, mods)
        if shift:
            _send(target, release, Qt.Key.Key_Shift)


def focus_targets(page: QWidget) -> list[QWidget]:
    # The stocktake's and lend dialog's scan field keeps a scan for itself (tests/ui/test_lending_*).
    found = [w for w in page.findChildren(QWidget) if isinstance(w, FOCUSABLE) and not isinstance(w, ScanEntry)
             and w.isVisible()
             and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    return found[:6]  # the first few of each page: enough kinds, a test that ends in seconds


def scan_opens(window, qtbot, code: str, ms: float) -> None:
    window.statusBar().clearMessage()
    wedge_burst(window, code, ms)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    material = window.page("catalog").detail.material()
    assert window.statusBar().currentMessage().startswith(f"สแกน {code}") or material.code == code, \
        window.statusBar().currentMessage()
    assert material is not None and material.code == code


@pytest.mark.parametrize("ms", [3, 5, 8])
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_a_burst_after_choosing_the_page_in_the_side_bar(window, qtbot, key, ms, capsys):
    window.show_page(key)
    window.page_list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.page_list)
    scan_opens(window, qtbot, "BN-0001", ms)
    assert "Error" not in capsys.readouterr().err


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_a_burst_into_each_widget_of_the_page(window, qtbot, key, capsys):
    for n, ms in zip(range(len(focus_targets(window.show_page(key)))), itertools.cycle([3, 5, 8])):
        target = focus_targets(window.show_page(key))[n]
        target.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
        code = f"BN-{n + 2:04d}"
        scan_opens(window, qtbot, code, ms)
    assert "Error" not in capsys.readouterr().err
