"""Helpers that damage archives the way a bad USB stick or a hostile sender would."""
import struct
import zipfile
from pathlib import Path


def flip_byte_in(archive: Path, entry: str) -> None:
    """Change one byte inside an entry's stored data (the entry keeps its name and declared size)."""
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(entry)
    data = bytearray(archive.read_bytes())
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0xFF
    archive.write_bytes(bytes(data))


def declare_size(archive: Path, entry: str, size: int) -> None:
    """Make the central directory claim ``size`` bytes for ``entry`` (a zip bomb's lie)."""
    data = bytearray(archive.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + name_len].decode("utf-8") == entry:
            data[at + 24:at + 28] = struct.pack("<I", size)
        at = data.find(b"PK\x01\x02", at + 4)
    archive.write_bytes(bytes(data))


def with_extra_entry(source: Path, target: Path, name: str, payload: bytes = b"evil") -> Path:
    """A copy of ``source`` with one more entry under an arbitrary (hostile) name."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # set afterwards: ZipInfo() would normalise a Windows name
        dst.writestr(info, payload)
    return target


def first_photo_entry(archive: Path, meta_name: str) -> tuple[str, str]:
    """(entry, clerk's name) of the first JPEG listed in the archive's description."""
    import json

    with zipfile.ZipFile(archive) as zf:
        meta = json.loads(zf.read(meta_name))
    for item in meta["files"]:
        if item["name"].lower().endswith((".jpg", ".jpeg")):
            return f"files/{item['sha256']}", item["name"]
    raise AssertionError("no photo in the archive")
