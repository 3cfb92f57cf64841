"""Distribution channels and communities of practice as the clerk records them."""
from datetime import date

import pytest

from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.indicator.channels import Channel, attach_evidence, channels_of, delete_channel, save_channel
from lo_desktop.core import vocab
from lo_desktop.core.indicator.communities import Community, delete_community, list_communities, save_community
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.records import Material


@pytest.fixture
def manual(db):
    return add_material(db, Material(title="คู่มือการปฏิบัติงาน ฝ่ายทะเบียน", kind="work_manual"))


def test_every_channel_has_a_thai_label():
    assert vocab.word("channel", "line_group") == "กลุ่มไลน์ (LINE)"
    assert all(vocab.word("channel", key) != english for key, english in vocab.CHANNELS.items())


def test_a_channel_is_saved_edited_and_deleted(db, manual):
    saved = save_channel(db, Channel(manual.id, "website", date(2013, 1, 5),
                                     evidence_link="https://example.org/manual.pdf", note="หน้าแรก"))
    saved.channel = "intranet"
    save_channel(db, saved)
    assert [(c.channel, c.distributed_on) for c in channels_of(db, manual.id)] == [("intranet", date(2013, 1, 5))]
    delete_channel(db, saved.id)
    assert channels_of(db, manual.id) == []


@pytest.mark.parametrize("changes, field", [
    (dict(distributed_on=None), "distributed_on"), (dict(channel="pigeon"), "channel"),
    (dict(evidence_link="see the shelf"), "evidence_link"), (dict(material_id=999), "material_id"),
])
def test_a_bad_channel_is_refused(db, manual, changes, field):
    values = dict(material_id=manual.id, channel="printed", distributed_on=date(2013, 1, 5)) | changes
    with pytest.raises(ValidationError) as caught:
        save_channel(db, Channel(**values))
    assert field in caught.value.problems
    assert db.execute("SELECT COUNT(*) FROM channels").fetchone()[0] == 0


def test_an_evidence_file_is_stored(db, manual, tmp_path):
    photo = tmp_path / "shelf.png"
    photo.write_bytes(b"\x89PNG not really, but evidence may be any file")
    saved = save_channel(db, attach_evidence(db, Channel(manual.id, "corner_shelf", date(2013, 1, 5)), photo))
    assert saved.evidence_name == "shelf.png" and len(saved.evidence_sha256) == 64


def test_a_missing_evidence_file_is_a_clear_message(db, manual, tmp_path):
    with pytest.raises(UserError) as caught:
        attach_evidence(db, Channel(manual.id, "printed", date(2013, 1, 5)), tmp_path / "gone.jpg")
    assert "gone.jpg" in str(caught.value)


def test_a_community_keeps_its_members_and_materials(db):
    m = add_material(db, Material(title="บันทึกการประชุม CoP", source="cop"))
    saved = save_community(db, Community(" ชุมชนนักปฏิบัติงานเทศกิจ ", ["นางสาวสมใจ ใจดี", " ", "นายธนากร ทองดี"], [m.id]))
    assert saved.name == "ชุมชนนักปฏิบัติงานเทศกิจ" and saved.members == ["นางสาวสมใจ ใจดี", "นายธนากร ทองดี"]
    assert saved.material_ids == [m.id]
    delete_community(db, saved.id)
    assert list_communities(db) == []


def test_a_community_without_a_name_is_refused(db):
    with pytest.raises(ValidationError):
        save_community(db, Community("  ", ["นางสาวสมใจ ใจดี"]))
    assert list_communities(db) == []
