"""Whatever a file is called, nothing is written outside the database's files folder."""
import pytest

from lo_desktop.core.catalog import attachments
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core import files
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material

HOSTILE = ["..", "../../evil.txt", "..\\..\\Windows\\System32\\evil.dll", "/etc/passwd", "C:\\boot.ini",
           "CON", "nul.txt", "COM1.pdf", "LPT9", "a<b>c:d|e?.txt", " . ", "\x00\x1f.txt", "....", ""]


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_name_has_no_folder_and_no_reserved_name(name):
    safe = files.safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..")
    assert not any(c in safe for c in '<>:"|?*') and all(ord(c) >= 32 for c in safe)
    stem = safe.split(".")[0].upper()
    assert stem not in {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}


@pytest.mark.parametrize("name", ["..a", "CON", "nul.txt", "COM1.pdf", "a b;c'.pdf", "ไฟล์ภาษาไทย.docx",
                                  "-rf", ".hidden"])
def test_attachments_are_stored_inside_the_folder_whatever_their_names(db, tmp_path, name):
    source_dir = tmp_path / "incoming"
    source_dir.mkdir()
    source = source_dir / name
    source.write_bytes(f"content of {name}".encode())
    m = catalog.add_material(db, Material(title="คู่มือ"))
    attachment = attachments.add_attachment(db, m.id, source)
    stored = attachments.attachment_path(db, attachment).resolve()
    root = files.folder(db).resolve()
    assert stored.is_relative_to(root) and stored.read_bytes() == source.read_bytes()
    assert stored.name == attachment.sha256  # the path comes from the content, never the name
    assert attachment.name == files.safe_name(name)
    outside = {p for p in tmp_path.rglob("*") if p.is_file()} - {source, *(tmp_path.glob("*.db*"))}
    assert all(p.resolve().is_relative_to(root) or p.parent.name == "backups" for p in outside)


def test_a_missing_source_is_refused(db):
    with pytest.raises(UserError):
        files.store_file(db, "/nonexistent/../../etc/passwd")


def test_integrity_check_never_follows_a_forged_hash_outside(db, tmp_path):
    from lo_desktop.core.safety import integrity

    m = catalog.add_material(db, Material(title="คู่มือ"))
    with db.atomic():
        db.execute("INSERT INTO attachments (material_id, name, sha256, size, added_at) "
                   "VALUES (?, 'x', ?, 1, '2024-01-01')", [m.id, "../" * 12 + "etc/passwd"])
    report = integrity.check(db)
    assert [p.kind for p in report.problems] == ["missing"] and report.files_checked == 0
