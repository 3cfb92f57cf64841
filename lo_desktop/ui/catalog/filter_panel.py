"""The filter panel beside the catalog: one drop-down per field, each value with how many match.

Counts follow the search text and the other filters (core.search.facet_counts ignores a field's own
filter, so the clerk always sees what choosing another value would give).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from lo_desktop.core.catalog import search
from lo_desktop.core import vocab
from lo_desktop.i18n import _, tr

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
# (field, English caption)
FACETS = (
    ("kind", "Kind"),
    ("source", "Knowledge source"),
    ("format", "Format"),
    ("status", "Status"),
    ("location", "Location"),
    ("fiscal_year", "Fiscal year"),
)


def value_label(name: str, value) -> str:
    if name in vocab.MATERIAL_FIELDS:
        return vocab.word(name, value)
    if name == "location" and value == "":
        return _("(no location)")
    return str(value)


def ordered_values(name: str, counts: dict, selected) -> list:
    """Vocabulary values in their natural order; years newest first; places alphabetically."""
    present = {v for v, n in counts.items() if v is not None and n}
    if selected is not None:
        present.add(selected)
    if name in vocab.VOCABULARIES:
        return [key for key in vocab.VOCABULARIES[name] if key in present] + \
            sorted(v for v in present if v not in vocab.VOCABULARIES[name])
    return sorted(present, reverse=name == "fiscal_year")


class FilterPanel(QWidget):
    """Emits ``changed`` with the chosen filters ({field: value}) when the clerk picks a value."""

    changed = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self._combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel(_("Filters"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        for name, caption in FACETS:
            layout.addWidget(self._caption(caption, name))
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    def _caption(self, caption: str, name: str) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 4, 0, 0)
        inner.setSpacing(2)
        label = QLabel(_(caption))
        combo = QComboBox()
        combo.setObjectName(f"filter_{name}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.activated.connect(lambda _index: self.changed.emit(self.filters()))
        label.setBuddy(combo)
        inner.addWidget(label)
        inner.addWidget(combo)
        self._combos[name] = combo
        return box

    def combos(self) -> list[QComboBox]:
        return list(self._combos.values())

    def filters(self) -> dict:
        chosen = {name: combo.currentData() for name, combo in self._combos.items()}
        return {name: value for name, value in chosen.items() if value is not None}

    def set_filter(self, name: str, value) -> None:
        combo = self._combos[name]
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))
        self.changed.emit(self.filters())

    def clear(self) -> None:
        for combo in self._combos.values():
            combo.setCurrentIndex(0)
        self.changed.emit(self.filters())

    def show_counts(self, facets: dict, query: search.Query) -> None:
        for name, combo in self._combos.items():
            self._fill(combo, name, facets.get(name, {}), query.filters.get(name))

    def _fill(self, combo: QComboBox, name: str, counts: dict, selected) -> None:
        combo.blockSignals(True)
        combo.clear()
        total = sum(counts.values())
        combo.addItem(tr("All ({count})", count=f"{total:,}"), None)
        combo.setItemData(0, total, COUNT_ROLE)
        for value in ordered_values(name, counts, selected):
            n = counts.get(value, 0)
            combo.addItem(tr("{label} ({count})", label=value_label(name, value), count=f"{n:,}"), value)
            combo.setItemData(combo.count() - 1, n, COUNT_ROLE)
        combo.setCurrentIndex(max(combo.findData(selected), 0) if selected is not None else 0)
        combo.blockSignals(False)

    def count_of(self, name: str, value) -> int | None:
        """How many matches the panel shows for one value (None when the value is not listed)."""
        combo = self._combos[name]
        index = combo.findData(value)
        if index < 0:
            return None
        return combo.itemData(index, COUNT_ROLE)
