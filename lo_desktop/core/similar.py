"""Which of several names looks most like another: the likely other spelling of one agency or person."""
from __future__ import annotations

from difflib import SequenceMatcher


def most_alike(name: str, candidates: list[str]) -> int | None:
    """Index of the candidate most like ``name`` (letter case ignored), or None when there is none."""
    if not candidates:
        return None
    wanted = name.casefold()
    return max(range(len(candidates)), key=lambda i: SequenceMatcher(None, wanted, candidates[i].casefold()).ratio())
