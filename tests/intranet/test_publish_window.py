"""File ▸ Publish to the intranet: the published snapshot, and the offer to record the channel."""
import pytest

from lo_desktop.core.db import db_path
from lo_desktop.core.intranet.snapshot import snapshot_path
from lo_desktop.core.intranet.words import thai
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db, boxes):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    return w


def intranet_records(db) -> int:
    return db.execute("SELECT COUNT(*) FROM channels WHERE channel = 'intranet'").fetchone()[0]


def published_codes(path) -> set[str]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute(f'SELECT "{thai("Code")}" FROM materials').fetchall()}
    finally:
        con.close()


def test_the_file_menu_publishes_and_records_the_channel_when_the_clerk_agrees(window, boxes, monkeypatch):
    questions = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, *a: questions.append(text) or True)
    before = intranet_records(window.db)
    action = next(a for a in window.menus["file"].actions() if a.objectName() == "action_publish")
    assert action.text() == "เผยแพร่ขึ้นอินทราเน็ต"
    action.trigger()
    window.publish_actions.task.wait()
    snapshot = snapshot_path(db_path(window.db))
    assert snapshot.is_file()
    live = {r[0] for r in window.db.execute("SELECT code FROM materials WHERE deleted_at IS NULL").fetchall()}
    assert published_codes(snapshot) == live
    manuals = window.db.execute("SELECT COUNT(*) FROM materials WHERE kind = 'work_manual' AND deleted_at IS NULL "
                                "AND status != 'withdrawn'").fetchone()[0]
    assert len(questions) == 1 and f"{manuals} เล่ม" in questions[0]
    assert intranet_records(window.db) == before + manuals
    assert any(f"{manuals} เล่มแล้ว" in text for text in boxes)


def test_publishing_again_in_the_year_asks_nothing_and_saying_no_records_nothing(window, boxes, monkeypatch):
    questions, before = [], intranet_records(window.db)
    monkeypatch.setattr(messages, "confirm", lambda parent, text, *a: questions.append(text) and False)
    window.publish_actions.publish_now().wait()
    assert len(questions) == 1 and intranet_records(window.db) == before
    window.publish_actions.record(__import__("datetime").date.today())
    window.publish_actions.publish_now().wait()
    assert len(questions) == 1  # every manual is on record for this fiscal year: nothing to ask
    assert "เผยแพร่ทะเบียนสื่อแล้ว" in boxes[-1]
