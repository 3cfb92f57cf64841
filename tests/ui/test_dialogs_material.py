"""The material editor: live validation in Thai, saving new and edited materials whole or not at all."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog.attachments import attachments_of
from lo_desktop.core.errors import ValidationError
from lo_desktop.core.records import Material
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.catalog.material_dialog import MaterialDialog


@pytest.fixture
def dialog_for(qtbot, db, boxes):
    def make(material=None):
        dialog = MaterialDialog(db, load_settings(db), material)
        qtbot.addWidget(dialog)
        return dialog
    return make


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def error_of(dialog, name):
    label = dialog.errors[name]
    return "" if label.isHidden() else label.text()


def test_a_cleared_title_blocks_saving_with_a_thai_message(dialog_for):
    dialog = dialog_for()
    dialog.fields["title"].setText("คู่มือ")
    assert ok_button(dialog).isEnabled()
    dialog.fields["title"].setText("   ")
    assert not ok_button(dialog).isEnabled()
    assert error_of(dialog, "title") == "ต้องกรอกชื่อเรื่อง"


def test_a_fresh_dialog_does_not_scold_before_typing_but_cannot_be_saved(dialog_for):
    dialog = dialog_for()
    assert error_of(dialog, "title") == ""
    assert not ok_button(dialog).isEnabled()


def test_a_code_already_used_is_named_under_the_code(db, dialog_for):
    catalog.add_material(db, Material(title="มีอยู่แล้ว", code="BN-0001"))
    dialog = dialog_for()
    dialog.fields["title"].setText("ใหม่")
    dialog.fields["code"].setText("bn-0001")
    assert "มีสื่อรายการอื่นใช้อยู่แล้ว" in error_of(dialog, "code")
    assert not ok_button(dialog).isEnabled()
    dialog.fields["code"].setText("BN-0002")
    assert error_of(dialog, "code") == "" and ok_button(dialog).isEnabled()


def test_an_empty_code_shows_the_code_it_will_get(db, dialog_for):
    catalog.add_material(db, Material(title="มีอยู่แล้ว", code="BN-0007"))
    assert "BN-0008" in dialog_for().fields["code"].placeholderText()


def test_a_ce_year_is_refused_and_the_be_year_suggested(dialog_for):
    dialog = dialog_for()
    dialog.fields["title"].setText("รายงาน")
    dialog.fields["year"].setValue(2013)
    assert "2400" in error_of(dialog, "year") and "2556" in error_of(dialog, "year")
    assert not ok_button(dialog).isEnabled()
    dialog.fields["year"].setValue(2556)
    assert error_of(dialog, "year") == "" and ok_button(dialog).isEnabled()


def test_a_link_must_be_a_web_address_or_a_path(dialog_for):
    dialog = dialog_for()
    dialog.fields["title"].setText("อินโฟกราฟิก")
    dialog.fields["link"].setText("www.bangna")
    assert error_of(dialog, "link") == "ลิงก์ต้องเป็นที่อยู่เว็บ (https://…) หรือที่อยู่ไฟล์"
    dialog.fields["link"].setText("https://www.bangkok.go.th/bangna")
    assert error_of(dialog, "link") == "" and ok_button(dialog).isEnabled()


def test_saving_a_new_material_creates_it_with_its_attachments(db, dialog_for, tmp_path):
    photo = tmp_path / "ภาพกิจกรรม.jpg"
    photo.write_bytes(b"jpeg bytes")
    dialog = dialog_for()
    dialog.fields["title"].setText("คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย")
    dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("work_manual"))
    dialog.fields["year"].setValue(2556)
    dialog.fields["received_on"].set_date_value(date(2013, 3, 15))
    dialog.fields["attachments"].add_files([photo])
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = catalog.get_material(db, dialog.saved.code)
    assert stored.code == "BN-0001"
    assert (stored.title, stored.kind, stored.year) == ("คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", "work_manual", 2556)
    assert stored.received_on == date(2013, 3, 15) and stored.fiscal_year == 2556
    assert [a.name for a in attachments_of(db, stored.id)] == ["ภาพกิจกรรม.jpg"]


def test_an_attachment_that_fails_leaves_no_material_behind(db, dialog_for, tmp_path, boxes):
    vanished = tmp_path / "gone.pdf"
    vanished.write_bytes(b"%PDF")
    dialog = dialog_for()
    dialog.fields["title"].setText("รายงานผลการแลกเปลี่ยนเรียนรู้")
    dialog.fields["attachments"].add_files([vanished])
    vanished.unlink()
    dialog.accept()
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert boxes and "gone.pdf" in boxes[0]


def test_editing_updates_the_stored_material(db, dialog_for):
    original = catalog.add_material(db, Material(title="ร่าง", code="BN-0005", copies=1))
    dialog = dialog_for(original)
    assert dialog.fields["title"].text() == "ร่าง"
    dialog.fields["title"].setText("ฉบับสมบูรณ์")
    dialog.fields["copies"].setValue(3)
    dialog.accept()
    stored = catalog.get_material(db, "BN-0005")
    assert (stored.title, stored.copies, stored.id) == ("ฉบับสมบูรณ์", 3, original.id)
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 1


def test_a_validation_error_while_saving_is_shown_under_the_field(db, dialog_for, monkeypatch):
    def refuse(*args, **kwargs):
        raise ValidationError({"code": "รหัสนี้เพิ่งถูกใช้"})
    monkeypatch.setattr(catalog, "add_material", refuse)
    dialog = dialog_for()
    dialog.fields["title"].setText("สื่อ")
    dialog.accept()
    assert error_of(dialog, "code") == "รหัสนี้เพิ่งถูกใช้"
    assert dialog.saved is None


def test_ctrl_enter_saves(db, dialog_for, qtbot):
    dialog = dialog_for()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.fields["title"].setText("บันทึกด้วยแป้นพิมพ์")
    dialog.fields["title"].setFocus()
    # Through the window, as a real key press travels: that is where Qt matches shortcuts.
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None and catalog.get_material(db, dialog.saved.code) is not None


def test_escape_asks_before_discarding_typed_changes(dialog_for, monkeypatch):
    answers = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: answers.append(text) or False)
    dialog = dialog_for()
    dialog.show()
    dialog.fields["title"].setText("ยังไม่บันทึก")
    dialog.reject()
    assert answers and dialog.isVisible()
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    dialog.reject()
    assert not dialog.isVisible()


def test_escape_on_an_untouched_dialog_closes_without_asking(dialog_for, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: pytest.fail("asked without changes"))
    dialog = dialog_for()
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible()


def test_files_dropped_on_the_dialog_wait_to_be_attached(dialog_for, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    minutes = tmp_path / "รายงานการประชุม.pdf"
    minutes.write_bytes(b"%PDF")
    dialog = dialog_for()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(minutes)), QUrl("https://example.org/not-a-file")])
    action, buttons, keys = Qt.DropAction.CopyAction, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(5, 5), action, data, buttons, keys)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(dialog, QDropEvent(QPoint(5, 5), action, data, buttons, keys))
    assert dialog.fields["attachments"].pending == [minutes]
    assert dialog.is_modified()
