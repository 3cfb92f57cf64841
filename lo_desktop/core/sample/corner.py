"""The sample corner (Bang Na, FY 2556) for the demo database.

Each loader adds what is missing and recognises what it added before (by code or stable id), so
loading twice changes nothing. Materials come first: the indicator records and the loans name them.
"""
from __future__ import annotations

from lo_desktop.core.sample.indicator import load_indicator_sample
from lo_desktop.core.sample.lending import load_sample_loans
from lo_desktop.core.sample.materials import load_sample_materials

LOADERS = [load_sample_materials, load_indicator_sample, load_sample_loans]


def load_demo(db) -> int:
    """Load every part of the sample corner; returns how many records were added."""
    return sum(loader(db) for loader in LOADERS)
