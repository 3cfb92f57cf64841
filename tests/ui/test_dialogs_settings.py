"""The settings dialog: what the clerk changes is stored in the database and read back the same."""
import pytest

from lo_desktop.settings import PHRA_KHANONG, load_settings
from lo_desktop.ui.window.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, db, boxes):
    widget = SettingsDialog(db, load_settings(db))
    qtbot.addWidget(widget)
    return widget


def test_defaults_are_shown(dialog):
    assert dialog.agency_name.text() == "สำนักงานเขตบางนา"
    assert dialog.partners.partners() == [PHRA_KHANONG]
    assert dialog.report_font.currentText() == "TH Sarabun New"
    assert dialog.agency_type.currentData() == "line_staff"


def test_changes_round_trip_through_the_database(db, dialog, boxes):
    dialog.agency_name.setText("สำนักงานเขตประเวศ")
    dialog.agency_short.setText("เขตประเวศ")
    dialog.agency_type.setCurrentIndex(dialog.agency_type.findData("line"))
    dialog.partners._add("สำนักงานเขตสวนหลวง")
    dialog.code_pattern.setText("PW-###")
    dialog.thai_digits.setChecked(True)
    dialog.loan_days.setValue(7)
    dialog.backups_kept.setValue(20)
    dialog.accept()
    stored = load_settings(db)
    assert stored == dialog.settings
    assert (stored.agency_name, stored.agency_short, stored.agency_type) == ("สำนักงานเขตประเวศ", "เขตประเวศ", "line")
    assert stored.partners == [PHRA_KHANONG, "สำนักงานเขตสวนหลวง"]
    assert (stored.code_pattern, stored.thai_digits, stored.loan_days, stored.backups_kept) == ("PW-###", True, 7, 20)
    assert boxes == []  # no language change, nothing to announce


def test_the_code_pattern_shows_the_next_code_as_it_is_typed(dialog):
    dialog.code_pattern.setText("KM-##")
    assert "KM-01" in dialog.code_example.text()


def test_the_agency_type_tells_how_many_exchanges_are_needed(dialog):
    dialog.agency_type.setCurrentIndex(dialog.agency_type.findData("line"))
    assert "1" in dialog.exchange_hint.text()
    dialog.agency_type.setCurrentIndex(dialog.agency_type.findData("staff"))
    assert "2" in dialog.exchange_hint.text()


def test_a_language_change_says_it_applies_after_restart(db, dialog, boxes):
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert load_settings(db).language == "en"
    assert boxes == ["ภาษาใหม่จะมีผลเมื่อเปิดโปรแกรมใหม่อีกครั้ง"]


def test_an_empty_agency_name_is_refused_and_nothing_saved(db, dialog, boxes):
    dialog.agency_name.setText("  ")
    dialog.accept()
    assert boxes == ["ต้องกรอกชื่อหน่วยงาน"]
    assert load_settings(db).agency_name == "สำนักงานเขตบางนา"


def test_the_data_folder_is_the_database_folder(db, dialog, tmp_path):
    assert dialog.data_folder.text() == str(tmp_path)
    assert dialog.data_folder.isReadOnly()
