"""One window per database: the database lock, and a local socket that brings the first window forward.

The first program to open a database holds its lock (lo_desktop.core.safety.lock) and listens on a local server
named after the database's path. A second start on the same database finds the lock held, asks the
first to come to the front, says so in one sentence and ends.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from lo_desktop.core.safety.lock import AlreadyOpen, DatabaseLock

RAISE = b"raise"
OPEN = b"\n"  # after RAISE: the path of a file for the running window to open (ui/window/open_file.py)
TIMEOUT_MS = 1000


def server_name(db_file: Path) -> str:
    path = str(Path(db_file).resolve())
    if os.name == "nt":
        path = path.lower()  # C:\Corner.db and c:\corner.db are one file on Windows
    return "lo-desktop-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """Holds the lock of one database for as long as it lives; ``attach(window)`` to be raised."""

    def __init__(self, db_file: Path, parent=None):
        super().__init__(parent)
        self.db_file = Path(db_file)
        self.lock = DatabaseLock(self.db_file)
        self.window = None
        self.server: QLocalServer | None = None
        self.handed_over = False

    def claim(self, open_file: str | Path | None = None) -> None:
        """Take the database, or raise AlreadyOpen after asking the running program to come forward
        (and to open ``open_file``, a double-clicked backup or package)."""
        try:
            self.lock.acquire()
        except AlreadyOpen:
            self.handed_over = ask_to_raise(self.db_file, open_file) and open_file is not None
            raise
        self._listen()

    def _listen(self) -> None:
        name = server_name(self.db_file)
        QLocalServer.removeServer(name)  # a socket left by a crash; we hold the lock, so it is not in use
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)
        self.server.listen(name)

    def attach(self, window) -> None:
        self.window = window
        window.instance = self  # the window lets go of its database's lock when it switches to another

    def _accept(self) -> None:
        # The slot is this object's own method, never a lambda holding ``self``: such a lambda, kept by
        # the socket's connection, could be the last reference to this object, which would then be
        # destroyed while its own child socket was being deleted (a crash in the event loop).
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        message = bytes(socket.readAll().data())
        if message.startswith(RAISE):
            self.bring_forward()
            path = message[len(RAISE):].partition(OPEN)[2].decode("utf-8", "replace")
            if path and self.window is not None:
                from lo_desktop.ui.window.open_file import open_file_later

                open_file_later(self.window, path)

    def bring_forward(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.release()


def ask_to_raise(db_file: Path, open_file: str | Path | None = None) -> bool:
    """Ask the program that has ``db_file`` open to come to the front (and to open ``open_file``);
    False when it did not answer."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_file))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = RAISE if open_file is None else RAISE + OPEN + str(Path(open_file).resolve()).encode("utf-8")
    socket.write(message)
    socket.flush()
    # flush() often writes it all at once, and then waitForBytesWritten has nothing to wait for: False
    sent = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


def guard(db, parent=None, open_file: str | Path | None = None) -> SingleInstance | None:
    """Hold the database for this window; None (after saying so) when it is open already.

    Today's backup is not made here: opening the corner (core/corner.py) made it.
    """
    import sys

    from lo_desktop.core.db import db_path
    from lo_desktop.ui.common import messages

    path = db_path(db)
    if path is None:
        return None
    instance = SingleInstance(path, parent)
    try:
        instance.claim(open_file)
    except AlreadyOpen as exc:
        print(f"lo-desktop: {exc}", file=sys.stderr)
        if not instance.handed_over:  # else the running window shows the file: no second message
            messages.show_info(None, str(exc))
        return None
    return instance
