"""The dashboard's charts (QtCharts): materials by knowledge source, sessions by month, channels used."""
from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from lo_desktop.core import vocab
from lo_desktop.core.indicator.figures import channels_used, materials_by_source, sessions_by_month
from lo_desktop.core.thaidate import MONTHS_EN_SHORT, MONTHS_SHORT
from lo_desktop.core.vocab import word
from lo_desktop.i18n import _, language

PALETTE = ("#0067c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#9e9d24", "#ad1457", "#5d4037", "#546e7a")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(10.5)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    return view


def _count_axis(highest: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(2, highest))
    axis.setTickCount(max(2, highest) + 1 if highest <= 8 else 5)
    axis.setLabelFormat("%d")
    return axis


def sources_chart(db, fy: int) -> QChartView:
    chart = _chart(_("Materials of the year by knowledge source"))
    series = QPieSeries()
    for n, (source, count) in enumerate(materials_by_source(db, fy).items()):
        piece = series.append(f"{word('source', source)} ({count})", count)
        piece.setColor(QColor(PALETTE[n % len(PALETTE)]))
    if series.count() == 0:
        chart.setTitle(chart.title() + " — " + _("none yet"))
    series.setPieSize(0.8)
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    small = QFont(chart.legend().font())
    small.setPointSizeF(8.5)
    chart.legend().setFont(small)
    return _view(chart)


def months_chart(db, fy: int) -> QChartView:
    chart = _chart(_("Exchange sessions by month"))
    counts = sessions_by_month(db, fy)
    names = MONTHS_EN_SHORT if language() == "en" else MONTHS_SHORT
    bars = QBarSet(_("Sessions"))
    bars.setColor(QColor(PALETTE[0]))
    bars.append([float(n) for _month, n in counts])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    months = QBarCategoryAxis()
    months.append([names[month.month - 1] for month, _n in counts])
    small = QFont(months.labelsFont())
    small.setPointSizeF(8)
    months.setLabelsFont(small)
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    values = _count_axis(max(n for _m, n in counts))
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(months)
    series.attachAxis(values)
    chart.legend().hide()
    return _view(chart)


def channels_chart(db, fy: int) -> QChartView:
    chart = _chart(_("Channels used for the work manuals"))
    used = channels_used(db, fy)
    bars = QBarSet(_("Work manuals"))
    bars.setColor(QColor(PALETTE[1]))
    keys = list(reversed(list(used)))  # the most used on top
    bars.append([float(used[k]) for k in keys])
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([vocab.word("channel", k) for k in keys] or [_("none yet")])
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    values = _count_axis(max(used.values(), default=0))
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values)
    chart.legend().hide()
    return _view(chart)
