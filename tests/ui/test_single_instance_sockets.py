"""A second start asking the first window to come forward, many times over: the first program's guard
and the socket it accepted are freed cleanly, whatever order the event loop sees the message and the
hang-up in. (The guard used to be freed from inside its own socket's deletion: a crash in the event
loop at the end of a test, one full suite run in two.)"""
import os
import subprocess
import sys

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from lo_desktop.core.safety.lock import AlreadyOpen
from lo_desktop.ui.window.single_instance import SingleInstance

app = QApplication([])
db = Path(sys.argv[1])
db.write_bytes(b"")
answered = 0
for _ in range(int(sys.argv[2])):
    first = SingleInstance(db)
    first.claim()
    raised = []
    first.bring_forward = lambda: raised.append(True)
    try:
        SingleInstance(db).claim()
    except AlreadyOpen:
        pass
    deadline = time.monotonic() + 5
    while not raised and time.monotonic() < deadline:
        app.processEvents()
    answered += bool(raised)
    first.release()
    del first
    app.processEvents()
    app.sendPostedEvents(None, 0)
print("answered", answered)
"""


def test_the_first_program_answers_every_second_start_and_frees_its_socket_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "corner.db"), "150"], env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "deleted directly" not in done.stderr  # Qt's word for an object destroyed while being deleted
    assert done.stdout.split() == ["answered", "150"]
