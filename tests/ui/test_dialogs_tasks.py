"""run_task: work off the window's thread, results and errors back on it, progress and cancel."""
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled
from lo_desktop.paths import data_dir
from lo_desktop.ui.common import messages
from lo_desktop.ui.common import tasks
from lo_desktop.ui.common.tasks import run_task

PATIENCE = 2000  # polls of 5 ms: a cancel that never arrives ends the work instead of hanging the suite


def test_the_result_comes_back_on_the_main_thread(qtbot, boxes):
    seen = {}

    def work(progress):
        seen["work_thread"] = threading.current_thread()
        return 6 * 7

    def done(result):
        seen["done_thread"], seen["result"] = threading.current_thread(), result

    handle = run_task(None, "คำนวณ", work, done)
    assert handle.wait() == 42
    assert seen["result"] == 42 and handle.state == "done"
    assert seen["done_thread"] is threading.main_thread()
    assert seen["work_thread"] is not threading.main_thread()
    assert boxes == []


def test_progress_reaches_the_dialog(qtbot, boxes):
    def work(progress):
        for done in range(1, 11):
            progress.report(done, 10, f"แถวที่ {done}")
        return "เสร็จ"

    handle = run_task(None, "นำเข้า", work)
    handle.wait()
    assert (handle.dialog.bar.value(), handle.dialog.bar.maximum()) == (10, 10)
    assert handle.dialog.label.text() == "แถวที่ 10"


def wait_for_cancel(progress):
    for _ in range(PATIENCE):
        progress.report(0, 0)
        if progress.cancelled:
            raise Cancelled()
        time.sleep(0.005)
    return "not cancelled"


def test_cancel_from_the_dialog_stops_the_work_quietly(qtbot, boxes):
    handle = run_task(None, "ส่งออก", wait_for_cancel)
    handle.dialog.reject()  # Cancel, Escape and the close box all end here
    assert handle.wait() is None
    assert handle.state == "cancelled"
    assert boxes == []


def test_cancelled_is_reported_in_the_status_bar(qtbot, boxes):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    handle = run_task(window, "ส่งออก", wait_for_cancel)
    handle.cancel()
    handle.wait()
    assert window.statusBar().currentMessage() == "ยกเลิกแล้ว"


def test_a_user_error_becomes_its_own_sentence(qtbot, boxes):
    def work(progress):
        raise UserError("ไฟล์นี้ไม่ใช่รายการสื่อ")

    handle = run_task(None, "นำเข้า", work, lambda result: pytest.fail("on_done after an error"))
    handle.wait()
    assert handle.state == "failed"
    assert boxes == ["ไฟล์นี้ไม่ใช่รายการสื่อ"]


def test_a_bug_becomes_one_sentence_and_its_traceback_goes_to_the_log(qtbot, boxes):
    def work(progress):
        return {}["missing"]

    run_task(None, "รายงาน", work).wait()
    assert len(boxes) == 1 and boxes[0].startswith("เกิดปัญหาที่ไม่คาดคิด")
    assert "Traceback" not in boxes[0] and "KeyError" not in boxes[0]
    log = (data_dir() / messages.LOG_NAME).read_text(encoding="utf-8")
    assert "KeyError: 'missing'" in log and "Traceback" in log


def test_a_written_file_can_be_opened(qtbot, boxes, monkeypatch, tmp_path):
    target = tmp_path / "รายงาน.docx"
    asked, opened = [], []
    monkeypatch.setattr(messages, "choose",
                        lambda parent, text, choices, title=None: asked.append((text, choices)) or 0)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))

    def work(progress):
        target.write_bytes(b"docx")
        return target

    run_task(None, "สร้างรายงาน", work, output_path=target).wait()
    assert asked == [("บันทึกไฟล์ “รายงาน.docx” แล้ว", ["เปิดไฟล์", "เปิดโฟลเดอร์ที่เก็บไฟล์", "ปิด"])]
    assert [Path(p) for p in opened] == [target]


def test_without_a_screen_the_offer_takes_close_instead_of_waiting(qtbot, monkeypatch, tmp_path):
    """Offscreen nobody can click: a modal box must not hang a script or another area's test."""
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    target = tmp_path / "ป้าย.pdf"
    handle = run_task(None, "ป้าย", lambda progress: target.write_bytes(b"%PDF"), output_path=target)
    handle.wait()
    assert handle.state == "done" and opened == []


def test_nothing_is_offered_when_writing_failed(qtbot, boxes, monkeypatch, tmp_path):
    def work(progress):
        raise UserError("ดิสก์เต็ม")

    monkeypatch.setattr(messages, "choose", lambda *a, **k: pytest.fail("offered a file that was not written"))
    run_task(None, "สร้างรายงาน", work, output_path=tmp_path / "x.docx").wait()
    assert boxes == ["ดิสก์เต็ม"]


def test_no_task_is_kept_alive_after_it_ended(qtbot, boxes):
    run_task(None, "งานสั้น", lambda progress: None).wait()
    assert tasks._running == set()


class _Tracked:
    """Records the thread that frees it: a Qt object freed on a pool thread crashes the program."""

    freed_on: list = []

    def __del__(self):
        _Tracked.freed_on.append(threading.current_thread() is threading.main_thread())


@pytest.mark.parametrize("background", [False, True])
def test_what_a_task_holds_is_freed_on_the_main_thread(qtbot, boxes, background):
    _Tracked.freed_on = []
    for _ in range(20):
        held = _Tracked()
        work = lambda *args, held=held: None  # noqa: E731 - a closure holding an object, as the actions do
        del held
        if background:
            done = []
            tasks.run_in_background(work, done.append)
            qtbot.waitUntil(lambda: bool(done))
        else:
            run_task(None, "งานสั้น", work).wait()
        del work
    qtbot.waitUntil(lambda: len(_Tracked.freed_on) == 20)
    assert all(_Tracked.freed_on)
