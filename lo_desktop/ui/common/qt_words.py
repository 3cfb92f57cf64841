"""Qt's own words (OK and Cancel of every dialog and input box, a text field's Copy/Paste menu) in the
clerk's language.

Qt ships no Thai translation, and a static ``QInputDialog.getItem`` or a ``QDialogButtonBox`` with
standard buttons asks Qt, not our catalog, for its button names: without this the fiscal-year and
session pickers of the Reports menu said "OK" / "Cancel". One translator, installed once, answers Qt
from lo_desktop.i18n for the contexts below; anything else keeps Qt's own words.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QTranslator

from lo_desktop.i18n import _, language

CONTEXTS = {"QPlatformTheme", "QDialogButtonBox", "QInputDialog", "QMessageBox", "QLineEdit",
            "QWidgetTextControl", "QTextControl", "QColorDialog"}


def qt_words() -> dict[str, str]:
    """Qt's source text, with its "&" shortcut marks taken out → ours, in the current language (Qt asks for
    every widget it builds: the table is made once per language)."""
    return _words_in(language())


@lru_cache(maxsize=2)
def _words_in(_language: str) -> dict[str, str]:
    return {
        "OK": _("OK"), "Cancel": _("Cancel"), "Yes": _("Yes"), "No": _("No"), "Close": _("Close"),
        "Save": _("Save"), "Discard": _("Discard"), "Open": _("Open"), "Apply": _("Apply"),
        "Yes to All": _("Yes to All"), "No to All": _("No to All"), "Save All": _("Save All"),
        "Abort": _("Abort"), "Retry": _("Retry"), "Ignore": _("Ignore"), "Help": _("Help"),
        "Reset": _("Reset"), "Restore Defaults": _("Restore Defaults"), "Don't Save": _("Don't Save"),
        "Close without Saving": _("Close without Saving"), "Show Details...": _("Show Details…"),
        "Hide Details...": _("Hide Details…"),
        "Undo": _("Undo"), "Redo": _("Redo"), "Cut": _("Cut"), "Copy": _("Copy"), "Paste": _("Paste"),
        "Delete": _("Delete"), "Select All": _("Select All"), "Copy Link Location": _("Copy Link Location"),
    }


class QtWords(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        if context not in CONTEXTS or not source:
            return None
        return qt_words().get(source.replace("&", ""))


def install(app: QCoreApplication) -> None:
    """Once per application; the words follow a change of language (each is looked up when asked)."""
    if getattr(app, "_qt_words", None) is None:
        app._qt_words = QtWords(app)
        app.installTranslator(app._qt_words)
