"""Fixtures for the report tests: a corner with indicator evidence (see report_data.py); reading the
documents back lives in docx_reading.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_data import build_corner  # noqa: E402


@pytest.fixture
def corner(db, tmp_path):
    return build_corner(db, tmp_path / "photos", sessions=2, photos_per_session=3)
