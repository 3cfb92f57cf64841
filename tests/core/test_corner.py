"""Opening a corner: one function for the command line, the window's start and File ▸ Open."""
import sqlite3
from dataclasses import replace

import pytest
import sqlite_utils

from lo_desktop import i18n
from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import search
from lo_desktop.core.corner import open_corner
from lo_desktop.core.db import APPLICATION_ID, open_database
from lo_desktop.core.errors import UserError
from lo_desktop.core.migrations import MIGRATIONS
from lo_desktop.settings import load_settings, save_settings


def with_settings(path, **values):
    db = open_database(path)
    save_settings(db, replace(load_settings(db), **values))
    db.close()
    return path


def test_a_new_corner_is_created_in_thai_with_no_warning(tmp_path):
    corner = open_corner(tmp_path / "new" / "corner.db")
    try:
        assert corner.path.is_file() and corner.warnings == []
        assert corner.settings.language == "th" and i18n.language() == "th"
    finally:
        corner.close()


def test_the_settings_language_is_applied_and_follows_a_later_change(tmp_path):
    corner = open_corner(with_settings(tmp_path / "corner.db", language="en", backups_kept=3))
    try:
        assert corner.settings.backups_kept == 3 and i18n.language() == "en"
        save_settings(corner.db, replace(corner.settings, language="th"))
        assert corner.reload_settings().language == "th" and i18n.language() == "th"
    finally:
        corner.close()


def test_the_first_opening_of_the_day_backs_up_once(tmp_path):
    path = with_settings(tmp_path / "corner.db")
    for _ in range(2):
        open_corner(path).close()
    assert [i.reason for i in backup.list_backups(path)] == ["daily"]


def test_a_failed_daily_backup_is_a_warning_in_the_corners_language(tmp_path):
    path = with_settings(tmp_path / "corner.db", language="en")
    backup.backups_dir(path).write_text("a file where the backups folder should be")
    corner = open_corner(path)
    try:
        assert len(corner.warnings) == 1 and "Cannot" in corner.warnings[0]
        assert corner.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0  # still open
    finally:
        corner.close()


def test_the_demo_corner_holds_the_sample(tmp_path):
    corner = open_corner(tmp_path / "demo.db", demo=True)
    try:
        assert search.count(corner.db, search.Query()) == 44
    finally:
        corner.close()


def test_an_older_database_is_backed_up_before_its_upgrade(tmp_path):
    older = tmp_path / "older.db"
    legacy = sqlite_utils.Database(sqlite3.connect(older))
    MIGRATIONS.apply(legacy, stop_before=[m.name for m in MIGRATIONS._migrations][-1])
    legacy.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    legacy.close()
    open_corner(older).close()
    assert [i.reason for i in backup.list_backups(older)] == ["before-migrate"]  # it is also today's


def test_a_file_that_is_not_ours_is_refused_and_the_language_stays(tmp_path):
    stranger = tmp_path / "notes.db"
    stranger.write_text("not a database", encoding="utf-8")
    with pytest.raises(UserError, match="notes.db"):
        open_corner(stranger)
    assert i18n.language() == "th" and stranger.read_text(encoding="utf-8") == "not a database"
