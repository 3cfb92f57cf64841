"""Undoable catalog changes for the window's QUndoStack (Ctrl+Z).

Each command changes the database through core.catalog_actions (the actions the command line calls too,
so an undo is checked and recorded in the history like any change) and then calls ``done()`` so the
window shows the change. The change that a dialog already saved is not repeated when first pushed.
Problems while undoing (a code taken by another material meanwhile) are reported by ``on_error``.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material
from lo_desktop.i18n import tr


class CatalogCommand(QUndoCommand):
    def __init__(self, db, text: str, done: Callable[[], None], on_error: Callable[[Exception], None]):
        super().__init__(text)
        self.db = db
        self._done = done
        self._on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self._apply(self.first_redo)
        else:
            self._apply(self.do)

    def undo(self) -> None:
        self._apply(self.revert)

    def _apply(self, step) -> None:
        try:
            step()
        except UserError as exc:
            self._on_error(exc)
        self._done()

    def first_redo(self) -> None:
        self.do()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class DeleteCommand(CatalogCommand):
    """Move materials to the Trash; undo brings them back."""

    def __init__(self, db, materials: list[Material], done, on_error):
        text = (tr("Delete “{title}”", title=materials[0].title) if len(materials) == 1
                else tr("Delete {count} materials", count=len(materials)))
        super().__init__(db, text, done, on_error)
        self.ids = [m.id for m in materials]

    def do(self) -> None:
        catalog_actions.delete_materials(self.db, self.ids)

    def revert(self) -> None:
        catalog_actions.restore_materials(self.db, self.ids)


class EditCommand(CatalogCommand):
    """A saved edit; undo writes the previous values back."""

    def __init__(self, db, before: Material, after: Material, done, on_error):
        super().__init__(db, tr("Edit “{title}”", title=after.title), done, on_error)
        self.before, self.after = before, after

    def first_redo(self) -> None:
        """The dialog has saved it already."""

    def do(self) -> None:
        catalog_actions.edit_material(self.db, self.after)

    def revert(self) -> None:
        catalog_actions.edit_material(self.db, self.before)


class NewCommand(CatalogCommand):
    """A material the dialog has added; undo moves it to the Trash, redo brings it back."""

    def __init__(self, db, material: Material, done, on_error):
        super().__init__(db, tr("New “{title}”", title=material.title), done, on_error)
        self.material = material

    def first_redo(self) -> None:
        """The dialog has added it already."""

    def do(self) -> None:
        catalog_actions.restore_materials(self.db, [self.material.id])

    def revert(self) -> None:
        catalog_actions.delete_materials(self.db, [self.material.id])
