"""The detail pane shows a work manual's distribution channels and every recorded change."""
from lo_desktop.core.catalog.materials import get_material, update_material
from lo_desktop.core.indicator.channels import channels_of
from lo_desktop.settings import load_settings


def pane_for(qtbot, db):
    from lo_desktop.ui.catalog.detail_pane import DetailPane

    pane = DetailPane(db, load_settings(db))
    qtbot.addWidget(pane)
    pane.show()
    return pane


def test_a_work_manual_shows_its_channels(qtbot, demo_db):
    pane = pane_for(qtbot, demo_db)
    manual = get_material(demo_db, "BN-0008")
    assert manual.kind == "work_manual"
    pane.show_material(manual)
    assert pane.channels_group.isVisible()
    assert pane.channels.table.rowCount() == len(channels_of(demo_db, manual.id)) >= 2
    assert "✓" in pane.channels.summary.text()


def test_other_materials_hide_the_channels(qtbot, demo_db):
    pane = pane_for(qtbot, demo_db)
    law = get_material(demo_db, "BN-0002")
    pane.show_material(law)
    assert not pane.channels_group.isVisible()


def test_an_edit_appears_in_the_history_with_old_and_new_values(qtbot, demo_db):
    pane = pane_for(qtbot, demo_db)
    material = get_material(demo_db, "BN-0003")
    material.location = "ชั้น Z-9"
    update_material(demo_db, material)
    pane.show_material(get_material(demo_db, "BN-0003"))
    entries = pane.history.entries()
    assert entries and any("ชั้น Z-9" in line for line in entries[0][1])
