"""The Buddhist-Era date field: BE text out, every form a clerk types in, and "no date"."""
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QVBoxLayout, QWidget

from lo_desktop.ui.common.date_edit import BuddhistDateEdit


def type_text(widget, text):
    """Key events carrying the text, as a Thai keyboard sends them (QTest.keyClicks is ASCII only)."""
    for char in text:
        key = ord(char.upper()) if ord(char) < 128 else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def edit(qtbot):
    holder = QWidget()
    field, other = BuddhistDateEdit(), QLineEdit()
    layout = QVBoxLayout(holder)
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitActive(holder)
    field.other, field.holder = other, holder  # the test holds the window, so Qt keeps it
    return field


def test_a_date_is_shown_in_the_buddhist_era(edit):
    edit.set_date_value(date(2013, 3, 15))
    assert edit.text() == "15 มี.ค. 2556"
    assert edit.date_value() == date(2013, 3, 15)


def test_a_new_field_holds_no_date_and_shows_nothing(edit):
    assert edit.date_value() is None
    assert edit.text().strip() == ""


@pytest.mark.parametrize("typed", ["15/3/2556", "15 มี.ค. 2556", "๑๕ มีนาคม ๒๕๕๖", "2013-03-15", "15 มี.ค.2556"])
def test_every_typed_form_is_read(edit, typed):
    edit.set_date_value(date(2020, 1, 1))
    edit.setFocus()
    edit.lineEdit().selectAll()
    type_text(edit, typed)
    edit.other.setFocus()  # leaving the field commits what was typed
    assert edit.date_value() == date(2013, 3, 15)
    assert edit.text() == "15 มี.ค. 2556"


def test_an_impossible_date_keeps_the_last_good_one(edit):
    edit.set_date_value(date(2013, 3, 15))
    edit.setFocus()
    edit.lineEdit().selectAll()
    type_text(edit, "31/2/2556")
    edit.other.setFocus()
    assert edit.date_value() == date(2013, 3, 15)


def test_clearing_the_text_means_no_date(edit, qtbot):
    edit.set_date_value(date(2013, 3, 15))
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    edit.other.setFocus()
    assert edit.date_value() is None
    edit.set_date_value(date(2013, 3, 15))
    edit.set_date_value(None)
    assert edit.date_value() is None


def test_the_arrows_step_the_part_under_the_cursor(edit):
    edit.set_date_value(date(2013, 3, 15))
    edit.lineEdit().setCursorPosition(1)
    edit.stepBy(1)
    assert edit.date_value() == date(2013, 3, 16)
    edit.lineEdit().setCursorPosition(4)
    edit.stepBy(1)
    assert edit.date_value() == date(2013, 4, 16)
    edit.lineEdit().setCursorPosition(len(edit.text()))
    edit.stepBy(-1)
    assert edit.date_value() == date(2012, 4, 16)


def test_stepping_from_no_date_starts_today(edit):
    edit.stepBy(1)
    assert edit.date_value() == date.today()


def test_the_calendar_popup_picks_a_date_and_shows_the_be_year(edit):
    calendar = edit.calendarWidget()
    calendar.setCurrentPage(2013, 3)
    year_button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    assert year_button.text() == "2556"
    calendar.clicked.emit(QDate(2013, 3, 20))
    calendar.activated.emit(QDate(2013, 3, 20))
    assert edit.date_value() == date(2013, 3, 20)
