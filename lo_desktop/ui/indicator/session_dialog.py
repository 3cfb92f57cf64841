"""The exchange-session editor: details, participants, learnings, photos and the stored materials.

Everything is saved in one transaction by core/indicator_actions.save_exchange_session, as the
``session add`` and ``session edit`` commands save; a refusal names the field, shows its tab and leaves
the stored session as it was.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.indicator.actions import new_session, save_exchange_session
from lo_desktop.core.indicator.sessions import ExchangeSession, store_attendance
from lo_desktop.core import vocab
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.date_edit import BuddhistDateEdit
from lo_desktop.ui.common.material_picker import MaterialPicker, open_material
from lo_desktop.ui.indicator.session_widgets import HeadcountTable, ParticipantsTable, PartnersBox, PhotoStrip

TEXTS = ("agenda", "learnings_ours", "learnings_theirs", "follow_up")
TEXT_LABELS = {"agenda": "Agenda", "learnings_ours": "What we learned",
               "learnings_theirs": "What the partner learned", "follow_up": "Follow-up actions"}
LINES = ("topic", "start_time", "end_time", "place", "host")
# The tab that holds each field, so a refusal can show where to fix it.
FIELD_TABS = {"held_on": 0, "topic": 0, "partners": 0, "format": 0, "start_time": 0, "end_time": 0,
              "participants": 1, "headcounts": 1, "material_ids": 4}


class SessionDialog(QDialog):
    def __init__(self, db, settings, session: ExchangeSession | None = None, parent=None, window=None):
        super().__init__(parent)
        self.db, self.settings, self.main_window = db, settings, window
        self.original = session or new_session(db)
        self.saved: ExchangeSession | None = None
        self.setWindowTitle(_("New exchange session") if self.original.id is None
                            else tr("Exchange session of {date}", date=self._date_text()))
        self._build()
        self._fill(self.original)
        self._initial = self.session_from_form()
        self.resize(980, 680)

    def _date_text(self) -> str:
        from lo_desktop.core.thaidate import format_date

        return format_date(self.original.held_on)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), _("Details"))
        self.tabs.addTab(self._people_tab(), _("Participants"))
        self.tabs.addTab(self._learnings_tab(), _("Agenda and learnings"))
        self.tabs.addTab(self._photos_tab(), _("Photos and attendance"))
        self.picker = MaterialPicker(self.db)
        self.picker.open_requested.connect(lambda mid: open_material(self.main_window, mid))
        self.tabs.addTab(self.picker, _("Stored materials"))
        self.buttons = messages.dialog_buttons(self, "Save", "Cancel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    def _details_tab(self) -> QWidget:
        self.lines = {name: QLineEdit() for name in LINES}
        self.lines["start_time"].setPlaceholderText("09:30")
        self.lines["end_time"].setPlaceholderText("16:00")
        self.held_on = BuddhistDateEdit(style="full")
        self.format = QComboBox()
        for key, text in vocab.choices("session_format"):
            self.format.addItem(text, key)
        self.partners = PartnersBox(self.db)
        times = QHBoxLayout()
        times.addWidget(self.lines["start_time"])
        times.addWidget(QLabel("–"))
        times.addWidget(self.lines["end_time"])
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Date *"), self.held_on)
        form.addRow(_("Time"), times)
        form.addRow(_("Topic *"), self.lines["topic"])
        form.addRow(_("Format"), self.format)
        form.addRow(_("Place"), self.lines["place"])
        form.addRow(_("Host"), self.lines["host"])
        form.addRow(_("Partner agencies *"), self.partners)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addStretch(1)
        return _wrap(column)

    def _people_tab(self) -> QWidget:
        self.people = ParticipantsTable()
        self.headcounts = HeadcountTable()
        refresh = QPushButton(_("Update the agencies from the list"))
        refresh.clicked.connect(self._refresh_headcounts)
        layout = QVBoxLayout()
        layout.addWidget(self.people, 3)
        layout.addWidget(QLabel(_("Head count per agency (leave blank to count the people listed above):")))
        layout.addWidget(self.headcounts, 1)
        layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        return _wrap(layout)

    def _learnings_tab(self) -> QWidget:
        self.texts = {name: QPlainTextEdit() for name in TEXTS}
        form = QFormLayout()
        for name in TEXTS:
            self.texts[name].setTabChangesFocus(True)
            form.addRow(_(TEXT_LABELS[name]), self.texts[name])
        return _wrap(form)

    def _photos_tab(self) -> QWidget:
        self.photos = PhotoStrip(self.db)
        self.attendance = QLabel()
        choose = QPushButton(_("Choose the scan…"))
        choose.clicked.connect(self._choose_attendance)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Attendance sheet:")))
        row.addWidget(self.attendance, 1)
        row.addWidget(choose)
        layout = QVBoxLayout()
        layout.addWidget(QLabel(_("Double-click a photo to write its caption; drag to reorder.")))
        layout.addWidget(self.photos, 1)
        layout.addLayout(row)
        return _wrap(layout)

    # ------------------------------------------------------------ form ⇄ record
    def _fill(self, s: ExchangeSession) -> None:
        self.held_on.set_date_value(s.held_on)
        for name in LINES:
            self.lines[name].setText(getattr(s, name))
        self.format.setCurrentIndex(max(0, self.format.findData(s.format)))
        self.partners.set_partners(s.partners)
        self.people.set_participants(s.participants)
        for name in TEXTS:
            self.texts[name].setPlainText(getattr(s, name))
        self.photos.set_photos(s.photos)
        self._attendance = (s.attendance_sha256, s.attendance_name)
        self._show_attendance()
        self.picker.set_ids(s.material_ids)
        self.headcounts.show_counts([self.settings.agency_name] + s.partners, s.headcounts, _listed(s))

    def session_from_form(self) -> ExchangeSession:
        self.held_on.interpretText()
        values = {name: self.lines[name].text() for name in LINES} | {n: self.texts[n].toPlainText() for n in TEXTS}
        return replace(self.original, held_on=self.held_on.date_value(), format=self.format.currentData(),
                       partners=self.partners.partners(), participants=self.people.participants(),
                       headcounts=self._typed_counts(), photos=self.photos.photos(),
                       attendance_sha256=self._attendance[0], attendance_name=self._attendance[1],
                       material_ids=self.picker.ids(), **values)

    def _typed_counts(self) -> dict[str, int]:
        try:
            return self.headcounts.counts()
        except UserError:
            return {}

    def _refresh_headcounts(self) -> None:
        s = self.session_from_form()
        agencies = [self.settings.agency_name] + s.partners + [p.agency for p in s.participants if p.agency]
        self.headcounts.show_counts(list(dict.fromkeys(agencies)), s.headcounts, _listed(s))

    def _choose_attendance(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Attendance sheet"), "",
                                                    f"{_('Scans')} (*.pdf *.jpg *.jpeg *.png *.webp *.tif *.tiff)")
        if path:
            try:
                self._attendance = store_attendance(self.db, path)
            except UserError as exc:
                messages.show_error(self, exc)
            self._show_attendance()

    def _show_attendance(self) -> None:
        self.attendance.setText(self._attendance[1] or _("(none yet)"))

    def is_modified(self) -> bool:
        return self.session_from_form() != self._initial

    # ------------------------------------------------------------ closing
    def accept(self) -> None:
        try:
            self.headcounts.counts()
            self.saved = save_exchange_session(self.db, self.session_from_form())
        except ValidationError as exc:
            self._show_problem(exc)
            return
        except UserError as exc:
            messages.show_error(self, exc, self.windowTitle())
            return
        super().accept()

    def _show_problem(self, exc: ValidationError) -> None:
        first = next(iter(exc.problems))
        self.tabs.setCurrentIndex(FIELD_TABS.get(first, 0))
        widget = self.held_on if first == "held_on" else self.lines.get(first)
        if widget is not None:
            widget.setFocus()
        messages.show_error(self, exc, self.windowTitle())

    def reject(self) -> None:
        if self.is_modified() and not messages.confirm(self, _("Discard the changes to this exchange session?")):
            return
        super().reject()


def _listed(s: ExchangeSession) -> dict[str, int]:
    counts: dict[str, int] = {}
    for person in s.participants:
        counts[person.agency] = counts.get(person.agency, 0) + 1
    return counts


def _wrap(layout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    return widget
