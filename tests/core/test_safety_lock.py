"""One running program per database; a lock left by a crash is recognised and taken over."""
import os
import signal
import subprocess
import sys

import pytest

from lo_desktop.core.safety.lock import AlreadyOpen, DatabaseLock, holder_of, lock_path


def test_a_second_holder_is_refused_with_who_holds_it(tmp_path):
    db_file = tmp_path / "corner.db"
    with DatabaseLock(db_file):
        with pytest.raises(AlreadyOpen) as refused:
            DatabaseLock(db_file).acquire()
        assert refused.value.holder.pid == os.getpid()
        assert "corner.db" in str(refused.value)
        assert holder_of(db_file).pid == os.getpid()
    assert holder_of(db_file) is None
    DatabaseLock(db_file).acquire().release()


def test_different_databases_do_not_block_each_other(tmp_path):
    with DatabaseLock(tmp_path / "a.db"), DatabaseLock(tmp_path / "b.db"):
        pass


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_lock_left_by_a_killed_program_is_stale(tmp_path):
    db_file = tmp_path / "corner.db"
    code = ("import sys, time; from lo_desktop.core.safety.lock import DatabaseLock; "
            f"lock = DatabaseLock({str(db_file)!r}).acquire(); print('held', flush=True); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyOpen):
            DatabaseLock(db_file).acquire()
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
        child.stdout.close()
    assert lock_path(db_file).exists()  # the crash left the file behind...
    lock = DatabaseLock(db_file).acquire()  # ...but nobody holds it
    assert lock.stale is not None and lock.stale.pid == child.pid
    lock.release()


def test_restore_command_refuses_while_the_database_is_open_elsewhere(db, tmp_path, capsys):
    from lo_desktop.cli import main
    from lo_desktop.core.safety.backup import make_backup
    from lo_desktop.core.db import db_path

    snapshot = make_backup(db_path(db))
    with DatabaseLock(db_path(db)):
        assert main(["--db", str(db_path(db)), "restore", str(snapshot)]) == 1
    assert "corner.db" in capsys.readouterr().err
    assert main(["--db", str(db_path(db)), "restore", str(snapshot)]) == 0
