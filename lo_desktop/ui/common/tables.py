"""The read-only lists of records the window shows (sessions, loans, agencies, borrowers): one set-up,
one keyboard, one row of buttons."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QVBoxLayout, QWidget)

from lo_desktop.i18n import _


def read_only_table(columns: tuple[str, ...], stretch: int | None = 1, name: str = "") -> QTableWidget:
    """A table of whole rows, one selected at a time, never edited in place; ``columns`` are English
    captions (translated here); column ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(columns))
    if name:
        table.setObjectName(name)
    table.setHorizontalHeaderLabels([_(c) for c in columns])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    if stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class RowKeys(QObject):
    """Enter edits and Delete deletes the selected row. Taken here, Enter never reaches a dialog's default
    button (which would close the dialog)."""

    def __init__(self, table: QTableWidget, edit: Callable[[], None], delete: Callable[[], None]):
        super().__init__(table)
        self._actions = {Qt.Key.Key_Return: edit, Qt.Key.Key_Enter: edit, Qt.Key.Key_Delete: delete}
        table.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in self._actions:
            self._actions[event.key()]()
            return True
        return False


def edit_merge_delete_buttons(edit: Callable, merge: Callable, delete: Callable, close: Callable):
    """The button row of a list of names: Edit…, Merge into…, Delete | Close.
    Returns (layout, edit button, merge button, delete button)."""
    buttons = [QPushButton(_("Edit…")), QPushButton(_("Merge into…")), QPushButton(_("Delete")),
               QPushButton(_("Close"))]
    row = QHBoxLayout()
    for button, slot in zip(buttons, (edit, merge, delete, close)):
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False, run=slot: run())
        row.addWidget(button)
    row.insertStretch(3, 1)
    return row, buttons[0], buttons[1], buttons[2]


def list_over_history(table: QTableWidget, history: QWidget) -> QSplitter:
    """The list above the History of its selected record (the clerk drags the bar between them)."""
    lower = QWidget()
    column = QVBoxLayout(lower)
    column.setContentsMargins(0, 4, 0, 0)
    column.addWidget(QLabel(_("History of changes")))
    column.addWidget(history)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(table)
    splitter.addWidget(lower)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes([3000, 2000])  # proportions; the table's own size hint would leave History a sliver
    return splitter
