"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy whenever it is installed, only to store numpy values, which lo-desktop never
passes. On a PC where another program installed numpy, that import was 0.13 s of every command's start
(a search answered in 0.05 s waited 0.25 s for the database). The Windows bundle leaves numpy out anyway.
Import sqlite-utils from here; numpy stays importable for anything else that wants it.
"""
from __future__ import annotations

import sys

if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # "not installed", for this one import
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]

import sqlite_utils  # noqa: E402
from sqlite_utils import Migrations  # noqa: E402

__all__ = ["sqlite_utils", "Migrations"]
