"""A date field in the Buddhist Era: shows ``15 มี.ค. 2556``, reads every form thaidate.parse_date reads.

Qt has no Buddhist calendar, so the text is produced and read by lo_desktop.core.thaidate and Qt only
keeps the date. "No date" is the minimum date, shown blank (Qt's special value); clearing the text
chooses it. The arrow keys step the part of the date under the cursor (day, month or year).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QToolButton, QToolTip, QWidget

from lo_desktop.core import thaidate
from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, language

NO_DATE = QDate(1856, 12, 31)  # one day before 1 Jan 2400 BE, the first date the corner can hold
LAST_DATE = QDate(thaidate.ce_year(thaidate.MAX_BE_YEAR), 12, 31)


def ui_locale() -> QLocale:
    if language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)


class BuddhistCalendar(QCalendarWidget):
    """The popup calendar with a BE year in its header (the year itself is changed with the arrows)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLocale(ui_locale())
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self._year_button = self.findChild(QToolButton, "qt_calendar_yearbutton")
        if self._year_button is not None:
            # Its spin box would edit a CE year; typing a date in the field is the quick way to jump.
            self._year_button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.currentPageChanged.connect(self._show_be_year)
        self._show_be_year(self.yearShown(), self.monthShown())

    def _show_be_year(self, year: int, _month: int) -> None:
        if self._year_button is not None:
            self._year_button.setText(str(thaidate.be_year(year)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_be_year(self.yearShown(), self.monthShown())


class BuddhistDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None, style: str = "short"):
        super().__init__(parent)
        self._style = style
        self.setDateRange(NO_DATE, LAST_DATE)
        self.setKeyboardTracking(False)  # free-form text: read it on Enter or on leaving, not per keystroke
        self.setSpecialValueText(" ")  # Qt needs a non-empty text; a blank reads as "no date"
        self.setCalendarPopup(True)
        self.setCalendarWidget(BuddhistCalendar(self))
        self.setDate(NO_DATE)
        self.setToolTip(_("Type a date like 15/3/2567 or 15 มี.ค. 2567; clear the text for no date."))

    # --- the value as Python sees it
    def date_value(self) -> date | None:
        value = self.date()
        return None if value == NO_DATE else value.toPython()

    def set_date_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def clear_date(self) -> None:
        self.setDate(NO_DATE)

    # --- text ⇄ date through thaidate
    def textFromDateTime(self, value: QDateTime) -> str:
        if value.date() == NO_DATE:
            return ""
        return thaidate.format_date(value.date().toPython(), self._style)

    def dateTimeFromText(self, text: str) -> QDateTime:
        parsed = self._parse(text)
        day = NO_DATE if parsed is None else QDate(parsed.year, parsed.month, parsed.day)
        return QDateTime(day, self.time())

    def validate(self, text: str, pos: int):
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        try:
            self._parse(text)
        except UserError:
            return QValidator.State.Intermediate, text, pos  # maybe still being typed
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        """On leaving the field with an unreadable date, say why and go back to the last good one."""
        try:
            self._parse(text)
        except UserError as exc:
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), str(exc), self)
        return self.textFromDateTime(self.dateTime())

    @staticmethod
    def _parse(text: str) -> date | None:
        if not text.strip():
            return None
        return thaidate.parse_date(text)

    # --- stepping with the arrow keys and the mouse wheel
    def stepEnabled(self):
        flags = QDateEdit.StepEnabledFlag
        return flags.StepUpEnabled | flags.StepDownEnabled

    def stepBy(self, steps: int) -> None:
        current = self.date()
        if current == NO_DATE:
            self.setDate(QDate.currentDate())
            return
        part = self._part_at_cursor()
        if part == 0:
            moved = current.addDays(steps)
        elif part == 1:
            moved = current.addMonths(steps)
        else:
            moved = current.addYears(steps)
        self.setDate(max(min(moved, LAST_DATE), NO_DATE.addDays(1)))

    def _part_at_cursor(self) -> int:
        """0 day, 1 month, 2 year: which word of ``15 มี.ค. 2556`` (or 15/03/2556) the cursor is in."""
        text = self.lineEdit().text()
        before = text[:self.lineEdit().cursorPosition()]
        separators = "/" if self._style == "numeric" else " "
        return min(sum(before.count(s) for s in separators), 2)
