"""The indicator 4.1 dashboard: pick a fiscal year (BE), see the three components, their gaps and charts.

Rebuilt from the core's judgement (core/indicator/actions.judge_indicator, as ``lo-desktop kpi`` judges)
each time it is shown or the year changes, so a fix made elsewhere (a channel recorded, a material linked)
shows at once.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from lo_desktop.core.indicator.actions import judge_indicator
from lo_desktop.core import vocab
from lo_desktop.core.indicator.figures import years_with_records
from lo_desktop.core.thaidate import format_fiscal_year, today_fiscal_year
from lo_desktop.i18n import _, tr
from lo_desktop.ui.indicator.dashboard_cards import GAP_COLOUR, MET_COLOUR, ComponentCard
from lo_desktop.ui.common.material_picker import open_material
from lo_desktop.ui.common.thai_text import breakable
from lo_desktop.ui.window.state import window_settings

YEAR_KEY = "dashboard/fiscal_year"


def default_year(with_records: list[int]) -> int:
    """The year last looked at, else the current one if it holds anything, else the latest that does."""
    remembered = window_settings().value(YEAR_KEY)
    if remembered and int(remembered) in with_records:
        return int(remembered)
    current = today_fiscal_year()
    return current if current in with_records or not with_records else with_records[0]


class DashboardPage(QWidget):
    def __init__(self, db, settings, window=None):
        super().__init__()
        self.db, self.settings, self.main_window = db, settings, window
        self.year = QComboBox()
        self.year.setObjectName("fiscalYear")
        self.status = QLabel()
        self.status.setObjectName("overallStatus")
        self.body = QWidget()
        self._layout()
        self._fill_years()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _layout(self) -> None:
        title = QLabel(_("Indicator 4.1: becoming a learning organisation"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        refresh = QPushButton(_("Refresh"))
        refresh.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(16)
        bar.addWidget(QLabel(_("Fiscal year:")))
        bar.addWidget(self.year)
        bar.addWidget(refresh)
        bar.addStretch(1)
        # The verdict on a line of its own that wraps: on one line beside the title it made the whole
        # window 1,545 px wide (a laptop screen is 1,366).
        self.status.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        QGridLayout(self.body)

    def _fill_years(self) -> None:
        with_records = years_with_records(self.db)
        for fy in sorted(set(with_records) | {today_fiscal_year()}, reverse=True):
            self.year.addItem(format_fiscal_year(fy), fy)
        self.year.setCurrentIndex(self.year.findData(default_year(with_records)))

    def fiscal_year(self) -> int:
        return self.year.currentData()

    def set_fiscal_year(self, fy: int) -> None:
        if self.year.findData(fy) < 0:
            self.year.addItem(format_fiscal_year(fy), fy)
        self.year.setCurrentIndex(self.year.findData(fy))

    def refresh(self) -> None:
        fy = self.fiscal_year()
        window_settings().setValue(YEAR_KEY, fy)
        self.indicator = judge_indicator(self.db, fy)
        self._show_status()
        self._rebuild_body()

    def _show_status(self) -> None:
        met = sum(c.met for c in self.indicator.components)
        if self.indicator.met:
            text, colour = _("✓ All three components are met"), MET_COLOUR
        else:
            text, colour = tr("✗ {met} of 3 components met", met=met), GAP_COLOUR
        agency = tr("{type} agency", type=vocab.word("agency_type", self.indicator.agency_type))
        self.status.setText(breakable(f"{text}   ·   {agency}"))
        self.status.setStyleSheet(f"color: {colour}; font-size: 12pt; font-weight: 700;")

    def _rebuild_body(self) -> None:
        from lo_desktop.ui.indicator.dashboard_charts import channels_chart, months_chart, sources_chart

        grid = self.body.layout()
        while grid.count():
            old = grid.takeAt(0).widget()
            old.hide()  # deleted later, by the event loop; it must not be drawn meanwhile
            old.deleteLater()
        self.cards = [ComponentCard(c) for c in self.indicator.components]
        for column, card in enumerate(self.cards):
            card.go.connect(self.go_to)
            grid.addWidget(card, 0, column)
        fy = self.fiscal_year()
        for column, chart in enumerate((sources_chart(self.db, fy), months_chart(self.db, fy),
                                        channels_chart(self.db, fy))):
            grid.addWidget(chart, 1, column)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

    # ------------------------------------------------------------ going to the record to fix
    def go_to(self, kind: str, target) -> None:
        if kind == "manual":
            from lo_desktop.ui.indicator.channels_widget import open_channels_dialog

            open_channels_dialog(self.db, target, self)
        elif kind == "material" and target is not None:
            open_material(self.main_window, target)
        elif kind == "session":
            self._page("sessions", lambda page: page.open_session(target))
        elif kind == "community":
            self._page("communities", lambda page: None)
        elif kind == "catalog":
            self._page("catalog", lambda page: page.show_everything())
        self.refresh()

    def _page(self, key: str, then) -> None:
        if self.main_window is not None and hasattr(self.main_window, "show_page"):
            then(self.main_window.show_page(key))
        elif key == "sessions":
            from lo_desktop.ui.indicator.sessions_page import SessionsPage

            then(SessionsPage(self.db, self.settings, self.main_window))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if hasattr(self, "indicator"):
            self.refresh()
