"""The History tab of a record: every change, newest first, with what each field was and became.

``HistoryWidget(db, entity, entity_id)`` where entity is "material", "session" or "channel"; the detail
pane embeds it and calls ``show_record(entity, entity_id)`` when the selection changes.
"""
from __future__ import annotations


from PySide6.QtCore import QRect
from PySide6.QtWidgets import (QLabel, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from lo_desktop.core.safety import history
from lo_desktop.core.thaidate import format_stamp
from lo_desktop.i18n import _

def field_label(name: str) -> str:
    return history.field_label(name)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: QTreeView asks a row's height without the column's width."""

    def sizeHint(self, option, index):
        option = QStyleOptionViewItem(option)
        option.rect = QRect(0, 0, self.parent().columnWidth(index.column()), 10_000)
        return super().sizeHint(option, index)


class HistoryWidget(QWidget):
    def __init__(self, db, entity: str = "material", entity_id: int | None = None, parent=None):
        super().__init__(parent)
        self.db = db
        self.entity, self.entity_id = entity, entity_id
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setHeaderLabels([_("When"), _("What happened")])
        self.tree.setColumnWidth(0, 190)
        self.tree.setRootIsDecorated(True)
        # A session's participants or photos make long lines: wrap them, measured again when the pane
        # (and with it the last column) changes width.
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_a: self.tree.scheduleDelayedItemsLayout())
        self.empty = QLabel(_("No changes recorded yet."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self.refresh()

    def show_record(self, entity: str, entity_id: int | None) -> None:
        self.entity, self.entity_id = entity, entity_id
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        changes = history.history_of(self.db, self.entity, self.entity_id) if self.entity_id is not None else []
        for change in changes:
            when = format_stamp(change.changed_at, with_time=True)
            item = QTreeWidgetItem([when, history.action_label(change.action)])
            for line in history.describe(change, field_label):
                child = QTreeWidgetItem(["", line])
                child.setToolTip(1, line)  # a participant with position and agency outruns a narrow pane
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.setVisible(bool(changes))
        self.empty.setVisible(not changes)

    def entries(self) -> list[tuple[str, list[str]]]:
        """What the clerk sees: (action, detail lines) per change, newest first (for tests)."""
        result = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            result.append((item.text(1), [item.child(n).text(1) for n in range(item.childCount())]))
        return result
