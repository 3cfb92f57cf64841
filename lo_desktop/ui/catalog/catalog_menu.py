"""The daily catalog actions of the main window: new, edit, delete, undo/redo, trash, refresh.

Each action is one small slot over the catalog page; changes go on the window's QUndoStack.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.icons import icon
from lo_desktop.ui.catalog.undo_commands import DeleteCommand, EditCommand, NewCommand


class CatalogActions:
    def __init__(self, window):
        self.window = window
        self.undo_stack = QUndoStack(window)
        self.new = self._action(_("New material…"), "new", QKeySequence.StandardKey.New, self.new_material)
        self.edit = self._action(_("Edit…"), "edit", None, self.edit_material)
        self.delete = self._action(_("Delete"), "delete", None, self.delete_selected)
        self.undo = self.undo_stack.createUndoAction(window, _("Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(icon("undo"))
        self.redo = self.undo_stack.createRedoAction(window, _("Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.trash = self._action(_("Trash…"), "trash", None, self.open_trash)
        self.refresh = self._action(_("Refresh"), "refresh", QKeySequence.StandardKey.Refresh, self.refresh_page)
        self.search = self._action(_("Search"), "search", QKeySequence.StandardKey.Find,
                                   lambda: self.page().focus_search())
        self._table_keys = [self._table_only(self.edit, "Enter", [Qt.Key.Key_Return, Qt.Key.Key_Enter]),
                            self._table_only(self.delete, "Del", [Qt.Key.Key_Delete])]

    def _action(self, text: str, icon_name: str, shortcut, slot) -> QAction:
        action = QAction(icon(icon_name), text, self.window)
        action.setIconText(text.rstrip("…"))  # tool bar buttons act at once: no ellipsis there
        action.setObjectName(f"action_{icon_name}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _table_only(self, action: QAction, hint: str, keys) -> QAction:
        """Enter and Delete act on the table only: in the search and scan boxes they keep their usual
        meaning. So the keys live on a twin action added to the table alone; the menu shows them as a hint."""
        action.setText(f"{action.text()}\t{hint}")
        twin = QAction(self.window)
        twin.setShortcuts([QKeySequence(key) for key in keys])
        twin.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        twin.triggered.connect(action.trigger)
        return twin

    def install(self) -> None:
        add = self.window.add_menu_action
        for action in (self.undo, self.redo, None, self.new, self.edit, self.delete, None, self.search,
                       self.refresh, self.trash):
            add("catalog", action)

    def attach_table(self, table) -> None:
        for twin in self._table_keys:
            table.addAction(twin)

    def page(self):
        return self.window.page("catalog")

    def db(self):
        return self.window.db

    def _done(self) -> None:
        self.page().refresh()

    def _error(self, exc: Exception) -> None:
        messages.show_error(self.window, exc)

    # --- slots ---------------------------------------------------------------------------------------
    def new_material(self) -> None:
        dialog = self._dialog(None)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.push_new(dialog.saved)

    def edit_material(self) -> None:
        current = self.page().current_material()
        if current is None:
            return
        before = catalog.get_material_by_id(self.db(), current.id)
        dialog = self._dialog(before)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.push_edit(before, dialog.saved)

    def _dialog(self, material):
        from lo_desktop.ui.catalog.material_dialog import MaterialDialog

        return MaterialDialog(self.db(), self.window.settings, material, self.window)

    def push_new(self, material) -> None:
        self.undo_stack.push(NewCommand(self.db(), material, self._done, self._error))
        self.page().show_material_id(material.id)

    def push_edit(self, before, after) -> None:
        self.undo_stack.push(EditCommand(self.db(), before, after, self._done, self._error))

    def delete_selected(self) -> int:
        materials = self.page().selected_materials()
        if not materials:
            return 0
        self.undo_stack.push(DeleteCommand(self.db(), materials, self._done, self._error))
        self.window.statusBar().showMessage(
            tr("Moved {count} to the Trash. Ctrl+Z brings it back.", count=len(materials)), 8000)
        return len(materials)

    def open_trash(self) -> None:
        from lo_desktop.ui.catalog.trash_view import TrashDialog

        dialog = TrashDialog(self.db(), self.window)
        dialog.changed.connect(self._trash_changed)
        dialog.exec()

    def _trash_changed(self) -> None:
        # Commands on the stack may name materials that no longer exist.
        self.undo_stack.clear()
        self.refresh_page()

    def refresh_page(self) -> None:
        self.page().refresh()
