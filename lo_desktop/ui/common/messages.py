"""Message boxes the clerk reads: one translated sentence, never a traceback.

A box the clerk must answer now goes through ``show`` or ``choose`` (modal; tests replace them); news
after background work goes through ``notify``, which never blocks.
Unexpected errors are written with their traceback to ``errors.log`` in the data folder, where a helper
can find them; the clerk sees only where the details went.
"""
from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from lo_desktop.core.errors import UserError, plain_sentence
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import qt_words
from lo_desktop.paths import data_dir

LOG_NAME = "errors.log"


def show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         buttons=QMessageBox.StandardButton.Ok,
         default=QMessageBox.StandardButton.NoButton) -> QMessageBox.StandardButton:
    if headless():
        return default if default != QMessageBox.StandardButton.NoButton else QMessageBox.StandardButton.Ok
    box = QMessageBox(icon, title, text, buttons, parent)
    translate_buttons(box)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def headless() -> bool:
    """On the offscreen platform (tests, scripts) nobody can click, and a modal box would wait forever:
    the safe answer (the default, or Escape) is taken instead."""
    return QGuiApplication.platformName() == "offscreen"


def button_texts() -> dict[str, str]:
    """Standard buttons by their enum name, in the words of ui/common/qt_words.py (Qt ships no Thai): set on
    a box directly, they hold even where that translator is not installed (a dialog a test builds alone)."""
    words = qt_words.qt_words()
    return {name: words[source] for name, source in (
        ("Ok", "OK"), ("Cancel", "Cancel"), ("Yes", "Yes"), ("No", "No"), ("Close", "Close"), ("Save", "Save"),
        ("Discard", "Discard"), ("Open", "Open"))}


def dialog_buttons(dialog: QWidget, *names: str, accept=None, ok_text: str = "") -> QDialogButtonBox:
    """A dialog's row of standard buttons ("Ok", "Cancel", "Save", "Close") in the clerk's words, the
    accepting one calling ``accept`` (the dialog's own by default; ``ok_text`` renames it), the rejecting
    one the dialog's reject. One set-up for every dialog (there were three ways to get Thai on them)."""
    flags = QDialogButtonBox.StandardButton.NoButton
    for name in names:
        flags |= getattr(QDialogButtonBox.StandardButton, name)
    box = QDialogButtonBox(flags)
    translate_buttons(box)
    if ok_text:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def translate_buttons(box) -> None:
    """Works for a QMessageBox and a QDialogButtonBox alike (each has its own StandardButton enum)."""
    for name, text in button_texts().items():
        button = box.button(getattr(type(box).StandardButton, name))
        if button is not None:
            button.setText(text)


def log_exception(exc: BaseException) -> Path | None:
    """Append the traceback to the error log; None when even that is impossible (a full disk)."""
    path = data_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def error_text(exc: BaseException) -> str:
    """The one sentence for an error: a UserError's own, the surroundings' (busy database, unusable
    file), or a plain note for a bug (logged)."""
    sentence = plain_sentence(exc)
    if sentence is not None:
        return sentence
    path = log_exception(exc)
    if path is None:
        return _("Something unexpected went wrong and the work was stopped.")
    return tr("Something unexpected went wrong and the work was stopped; the details were saved in {path}.",
              path=path)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    icon = QMessageBox.Icon.Warning if isinstance(exc, UserError) else QMessageBox.Icon.Critical
    show(parent, icon, title or _("Problem"), error_text(exc))


def show_warning(parent: QWidget | None, text: str, title: str | None = None) -> None:
    show(parent, QMessageBox.Icon.Warning, title or _("Problem"), text)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    show(parent, QMessageBox.Icon.Information, title or _("Learning corner"), text)


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    """A yes/no question whose safe answer (No) is the default."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = show(parent, QMessageBox.Icon.Question, title or _("Learning corner"), text, yes | no, no)
    return answer == yes


def choose(parent: QWidget | None, text: str, choices: list[str], title: str | None = None) -> int:
    """Ask the clerk to pick one of ``choices`` (the last one answers Escape); returns its index."""
    if headless():
        return len(choices) - 1
    box = QMessageBox(QMessageBox.Icon.Information, title or _("Learning corner"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
    box.setEscapeButton(buttons[-1])
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else len(choices) - 1


def notify(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
           choices: list[str] | None = None, on_choice: Callable[[int], None] | None = None) -> QMessageBox:
    """A box that does not block: for news after background work, when nothing waits for the answer.

    With ``choices`` the box offers those buttons (the last one answers Escape) and calls ``on_choice``
    with the index clicked. Never running a nested event loop also means no test can hang on it.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices or [_("OK")]]
    box.setEscapeButton(buttons[-1])
    box.setDefaultButton(buttons[0])
    if on_choice is not None:
        box.buttonClicked.connect(lambda button: on_choice(buttons.index(button)) if button in buttons else None)
    box.open()
    return box


def notify_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if isinstance(exc, UserError) else QMessageBox.Icon.Critical
    return notify(parent, icon, title or _("Problem"), error_text(exc))
