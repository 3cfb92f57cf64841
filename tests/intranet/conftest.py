"""Fixtures of the intranet tests: a small corner with attachments, and sites started in-process."""
from datetime import date

import pytest
from site_helpers import MANUAL_BYTES, MANUAL_FILE, ODD_CODE

from lo_desktop.core.catalog.attachments import add_attachment
from lo_desktop.core.catalog.materials import add_material, delete_material
from lo_desktop.core.records import Material


@pytest.fixture
def sample(db, tmp_path):
    """A manual with two attachments, a minute, a material with an odd code, and one in the Trash."""
    manual = add_material(db, Material(code="BN-0001", title="คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย",
                                       kind="work_manual", source="exchange", location="ชั้นสอง",
                                       fiscal_year=2556, received_on=date(2013, 8, 30)))
    add_material(db, Material(code="BN-0002", title="รายงานการประชุมชุมชนนักปฏิบัติ", kind="minutes",
                              source="cop", location="ชั้นหนึ่ง"))
    add_material(db, Material(code=ODD_CODE, title="แผ่นพับความรู้เรื่องภาษี", kind="book"))
    gone = add_material(db, Material(code="BN-0009", title="สื่อในถังขยะ", kind="book"))
    attach(db, manual.id, tmp_path / MANUAL_FILE, MANUAL_BYTES)
    attach(db, manual.id, tmp_path / "ตาราง.xlsx", b"PK\x03\x04 sheet")
    attach(db, gone.id, tmp_path / "ลับ.pdf", b"%PDF-1.4 secret")
    delete_material(db, gone.id)
    db.conn.commit()
    return db


def attach(db, material_id, path, data):
    path.write_bytes(data)
    return add_attachment(db, material_id, path)


@pytest.fixture
def serve():
    """``serve(snapshot)`` → a Datasette on it; every one is closed (private copies removed) afterwards."""
    from lo_desktop.core.intranet.site import close_site, make_datasette

    started = []

    def start(snapshot):
        started.append(make_datasette(snapshot))
        return started[-1]

    yield start
    for ds in started:
        close_site(ds)
