"""A file's size reads the same wherever a user meets it: the material's attachments, the backups in the
window and on the command line, and the intranet's file lists (one helper, i18n.size_text)."""
from datetime import datetime
from pathlib import Path

import pytest

from lo_desktop import i18n
from lo_desktop.core.intranet import words
from lo_desktop.core.safety.backup import BackupInfo
from lo_desktop.ui.safety.safety_menu import backup_text


@pytest.mark.parametrize(("size", "thai", "english"), [
    (0, "0 ไบต์", "0 bytes"),
    (1023, "1023 ไบต์", "1023 bytes"),
    (1024, "1 KB", "1 KB"),
    (1500, "1 KB", "1 KB"),
    (600_000, "586 KB", "586 KB"),
    (1024 * 1024 - 1, "1024 KB", "1024 KB"),
    (5 * 1024 * 1024 + 200_000, "5.2 MB", "5.2 MB"),
    (3_000 * 1024 * 1024, "3,000.0 MB", "3,000.0 MB"),
])
def test_a_size_reads_as_a_clerk_expects(size, thai, english):
    assert i18n.size_text(size, "th") == thai
    assert i18n.size_text(size, "en") == english
    assert words.size_text(size) == thai  # the intranet is always Thai


def test_a_backup_shows_its_size_the_same_way_in_the_window_and_the_command_line(qapp, demo_db, tmp_path, capsys):
    info = BackupInfo(Path("x.db"), datetime(2025, 3, 5, 10, 15), "manual", 7 * 1024 * 1024)
    assert backup_text(info).endswith("7.0 MB")

    from lo_desktop.cli import main
    from lo_desktop.core.safety.backup import list_backups, make_backup

    db_file = tmp_path / "demo.db"
    make_backup(db_file, "manual")
    listed = list_backups(db_file)
    capsys.readouterr()
    assert main(["--db", str(db_file), "backups"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[2] for line in printed] == [i18n.size_text(info.size) for info in listed]
