"""The window's Reports menu writes each document off the window's thread and offers to open it."""
from __future__ import annotations

import pytest
from docx import Document
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from lo_desktop.ui.common import messages
from lo_desktop.ui.reports import reports_menu
from lo_desktop.ui.reports.reports_menu import ReportsMenu


class Window(QMainWindow):
    def __init__(self, db):
        super().__init__()
        self.db = db
        self.menus = {"reports": QMenu("Reports", self)}

    def add_menu_action(self, key, action):
        self.menus[key].addAction(action)

    def page(self, key):
        raise KeyError(key)


@pytest.fixture
def window(db, corner, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(messages, "choose", lambda parent, text, choices, title=None: offered.append(text) or 2)
    w = Window(db)
    w.offered = offered
    qtbot.addWidget(w)
    return w


def answer(monkeypatch, item, path):
    """Pick ``item`` (an index, or the label itself) in the list, and ``path`` in the save dialog."""
    def get_item(parent, title, label, items, current, editable):
        return (items[item] if isinstance(item, int) else item), True

    monkeypatch.setattr(reports_menu.QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(reports_menu.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_install_adds_three_actions_with_shortcuts(window):
    reports_menu.install(window)
    actions = window.menus["reports"].actions()
    assert [a.text() for a in actions] == ["รายงานตัวชี้วัดที่ 4.1…", "บันทึกข้อความรายงานการแลกเปลี่ยนเรียนรู้…",
                                           "ทะเบียนสื่อในมุมความรู้…"]
    assert all(not a.shortcut().isEmpty() for a in actions)


def test_the_indicator_report_is_written_and_offered(window, monkeypatch, tmp_path):
    answer(monkeypatch, "ปีงบประมาณ พ.ศ. 2556", tmp_path / "kpi")  # offered: the sessions were held then
    handle = ReportsMenu(window).indicator_report()
    handle.wait()
    assert handle.state == "done", handle.error
    text = "\n".join(p.text for p in Document(str(tmp_path / "kpi.docx")).paragraphs)
    assert "ปีงบประมาณ พ.ศ. 2556" in text
    assert window.offered and "kpi.docx" in window.offered[0]


def memo_answer(monkeypatch, path, index=0, memo_date=None):
    """Pick the ``index``-th session (newest first) and, when given, a date in the memo dialog."""
    def exec_(dialog):
        dialog.session.setCurrentIndex(index)
        if memo_date is not None:
            dialog.memo_date.set_date_value(memo_date)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(reports_menu.MemoOptions, "exec", exec_)
    answer(monkeypatch, 0, path)


def test_the_memo_of_the_chosen_session(window, corner, monkeypatch, tmp_path):
    memo_answer(monkeypatch, tmp_path / "memo.docx")  # the newest session comes first
    handle = ReportsMenu(window).session_memo()
    handle.wait()
    assert handle.state == "done", handle.error
    text = "\n".join(p.text for p in Document(str(tmp_path / "memo.docx")).paragraphs)
    assert "22 มีนาคม 2556" in text  # the second sample session, a week after the first


def test_the_memo_bears_the_date_the_clerk_chose(window, corner, monkeypatch, tmp_path):
    from datetime import date

    memo_answer(monkeypatch, tmp_path / "memo.docx", memo_date=date(2013, 3, 29))
    handle = ReportsMenu(window).session_memo()
    handle.wait()
    assert handle.state == "done", handle.error
    text = "\n".join(p.text for p in Document(str(tmp_path / "memo.docx")).paragraphs)
    assert "29 มีนาคม 2556" in text


def test_a_cancelled_save_dialog_writes_nothing(window, monkeypatch, tmp_path):
    memo_answer(monkeypatch, "")
    assert ReportsMenu(window).session_memo() is None
    assert list(tmp_path.glob("*.docx")) == []


def test_the_register_of_every_material_with_qr(window, monkeypatch, tmp_path):
    monkeypatch.setattr(reports_menu.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "reg.docx"), "")))

    def accept(dialog):
        dialog.qr.setChecked(True)
        return reports_menu.QDialog.DialogCode.Accepted

    monkeypatch.setattr(reports_menu.RegisterOptions, "exec", accept)
    handle = ReportsMenu(window).catalog_register()
    handle.wait()
    assert handle.state == "done", handle.error
    table = Document(str(tmp_path / "reg.docx")).tables[0]
    assert len(table.rows) == 1 + 5  # header + the five materials of the test corner
    assert table.rows[1].cells[-1]._tc.xpath(".//pic:pic")
