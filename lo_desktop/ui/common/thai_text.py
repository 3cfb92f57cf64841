"""Thai text that wraps between words in the window.

Qt finds Thai word boundaries only where libthai is installed (never on Windows), so a label breaks long
unspaced Thai inside a word ("ผู้|ค้า") or cannot break it at all and cuts it at the right edge. The
window's text goes through ``breakable`` before it is shown: a zero-width space (an invisible break
opportunity) between the words pythainlp finds — the same segmenter the labels use (labels/thai_wrap.py).

Only DISPLAYED text gets them: never a value that is stored, compared or searched. A clerk copying shown
text gets it without them too: ``install_clean_copy`` takes them out of whatever the program puts on the
clipboard.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication

from lo_desktop.labels import thai_wrap

ZWSP = "\u200b"
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SPACES = re.compile(r"(\s+)")
def breakable(text: str | None) -> str:
    """``text`` as it is, with a zero-width space at each boundary between two words of which one is Thai."""
    if not text or not _THAI.search(text):
        return text or ""
    if not thai_wrap.dictionary_ready():  # never wait for it (the window loads it once it is up): whole now
        return text
    return "".join(part if part.isspace() or not _THAI.search(part) else _break_word_run(part)
                   for part in _SPACES.split(text))


def _break_word_run(run: str) -> str:
    pieces = thai_wrap.words(run)
    if "".join(pieces) != run:  # the segmenter changed something: show the text as it is, unbroken
        return run
    out = pieces[0]
    for before, after in zip(pieces, pieces[1:]):
        if _THAI.match(before[-1]) or _THAI.match(after[0]):
            out += ZWSP
        out += after
    return out


def breakable_address(text: str) -> str:
    """A web address or file path that may wrap after each separator ("/", "?", "&", "#", "=")."""
    scheme, sep, rest = (text or "").rpartition("://")
    return scheme + sep + re.sub(r"([/?&#=])(?=.)", "\\1" + ZWSP, rest)


def plain(text: str) -> str:
    """Shown text back to what was stored: no break opportunities."""
    return text.replace(ZWSP, "")


def install_clean_copy(app: QGuiApplication) -> None:
    """Whatever the program copies (a selected label, a table cell) reaches the clipboard without the
    break opportunities ``breakable`` added. Installed once per application."""
    if getattr(app, "_clean_copy_installed", False):
        return
    clipboard = app.clipboard()
    clipboard.dataChanged.connect(lambda: _clean(clipboard))
    app._clean_copy_installed = True


def _clean(clipboard: QClipboard) -> None:
    # Another program's text is left as it is: the copy is ours if we own the clipboard, or (on platforms
    # that do not say) if our window is the active one.
    ours = clipboard.ownsClipboard() or QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    if not ours:
        return
    data = clipboard.mimeData()
    if data is None or ZWSP not in data.text() + (data.html() if data.hasHtml() else ""):
        return
    # setText, not setMimeData(QMimeData()): the clipboard would own a Python-made object and delete it in
    # Qt's static clean-up after Python has gone (a segmentation fault at exit). Plain text is what is copied.
    clipboard.setText(plain(data.text()))
