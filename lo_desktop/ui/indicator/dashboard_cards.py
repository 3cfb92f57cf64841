"""One card per component of indicator 4.1: status, the key figure, the items and the gaps with a fix button."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout)

from lo_desktop.core import vocab
from lo_desktop.core.indicator.judge import Component, Gap, distinct_channels
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common.thai_text import breakable

MET_COLOUR, GAP_COLOUR = "#2e7d32", "#c62828"
CARD_STYLE = """
QFrame#componentCard {{ background: #ffffff; border: 1px solid #dcdcdc; border-top: 5px solid {colour};
    border-radius: 6px; }}
QLabel#cardNumber {{ color: #606060; }}
QLabel#cardTitle {{ font-weight: 600; font-size: 11pt; }}
QLabel#cardStatus {{ color: {colour}; font-weight: 700; font-size: 12pt; }}
QLabel#cardFigure {{ font-size: 22pt; font-weight: 700; color: #1a1a1a; }}
QLabel#cardFigureText {{ color: #505050; }}
QFrame#gapRow {{ background: #fdecea; border-radius: 4px; }}
QListWidget {{ border: 1px solid #eeeeee; }}
"""


def headline(c: Component) -> tuple[str, str]:
    """The big figure and the words under it."""
    f = c.figures
    if c.number == 1:
        return f"{f['manuals_met']} / {f['manuals']}", _("work manuals distributed through 2 or more channels")
    if c.number == 2:
        return f"KM {f['km']} · CoP {f['cop']}", _("items of the year stored in the corner")
    return f"{f['counted']} / {f['required']}", tr("sessions with stored knowledge ({held} held)", held=f["held"])


def item_rows(c: Component) -> list[tuple[str, str, int, bool]]:
    """(text, target kind, target id, fine) for the list of a card."""
    if c.number == 1:
        return [(f"{m.code} {m.title} — " + ", ".join(vocab.word("channel", k) for k in distinct_channels(chans)),
                 "manual", m.id, len(distinct_channels(chans)) >= 2) for m, chans in c.manuals]
    if c.number == 2:
        return ([(f"KM · {m.code} {m.title}", "material", m.id, True) for m in c.km_items]
                + [(f"CoP · {m.code} {m.title}", "material", m.id, True) for m in c.cop_items])
    return [(f"{format_date(s.held_on, 'short')} {s.topic} — " + tr("{count} materials", count=len(materials)),
             "session", s.id, bool(materials)) for s, materials in c.sessions]


class ComponentCard(QFrame):
    """Emits ``go(kind, id)`` when the clerk asks to open the record behind an item or a gap."""
    go = Signal(str, object)

    def __init__(self, component: Component, parent=None):
        super().__init__(parent)
        self.component = component
        self.setObjectName("componentCard")
        self.setStyleSheet(CARD_STYLE.format(colour=MET_COLOUR if component.met else GAP_COLOUR))
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        figure, words = headline(component)
        layout.addWidget(_label(figure, "cardFigure"))
        layout.addWidget(_label(words, "cardFigureText", wrap=True))
        layout.addWidget(self._items(), 1)
        for gap in component.gaps:
            layout.addWidget(self._gap_row(gap))

    def _header(self) -> QHBoxLayout:
        c = self.component
        status = "✓ " + _("Met") if c.met else "✗ " + _("Not met")
        titles = QVBoxLayout()
        titles.addWidget(_label(tr("Component {number}", number=c.number), "cardNumber"))
        titles.addWidget(_label(c.title, "cardTitle", wrap=True))
        row = QHBoxLayout()
        row.addLayout(titles, 1)
        row.addWidget(_label(status, "cardStatus"), 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _items(self) -> QListWidget:
        self.items = QListWidget()
        self.items.setObjectName("cardItems")
        self.items.setWordWrap(True)
        self.items.setMinimumHeight(90)
        for text, kind, target, fine in item_rows(self.component):
            item = QListWidgetItem(breakable(("✓ " if fine else "✗ ") + text))
            item.setData(Qt.ItemDataRole.UserRole, (kind, target))
            item.setToolTip(_("Double-click to open"))
            if not fine:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.items.addItem(item)
        self.items.itemActivated.connect(lambda item: self.go.emit(*item.data(Qt.ItemDataRole.UserRole)))
        return self.items

    def _gap_row(self, gap: Gap) -> QFrame:
        frame = QFrame()
        frame.setObjectName("gapRow")
        text = _label(gap.text, "gapText", wrap=True)
        button = QPushButton(_("Fix…"))
        button.setObjectName("gapButton")
        kind = "manual" if (gap.target_kind == "material" and self.component.number == 1) else gap.target_kind
        button.clicked.connect(lambda _c=False: self.go.emit(kind or "", gap.target_id))
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(text, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return frame


def _label(text: str, name: str, wrap: bool = False) -> QLabel:
    label = QLabel(breakable(text) if wrap else text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
