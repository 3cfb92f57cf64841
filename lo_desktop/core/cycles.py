"""Python's cycle collector paused around bulk work, and whether it is paused now. No Qt here.

Reading, checking and writing a register build ~100,000 records and hold a file's 1.5 million cells,
none of them in reference cycles; the collector walked them all again and again: 1.3 s of 3.4 s of CPU
for checking and preparing 100,000 rows. Reference counting still frees memory meanwhile.
The window collects cycles on its main thread by a timer (ui/common/collector.py); it asks
``is_paused`` first, so an import running in a background task is not walked from there either.
"""
from __future__ import annotations

import functools
import gc
import threading

_lock = threading.Lock()
_pauses = 0
_enabled_before = False


def is_paused() -> bool:
    return _pauses > 0


def paused(function):
    """``function`` runs with the cycle collector off; it is switched on again afterwards only if it
    was on before the first of several overlapping pauses."""
    @functools.wraps(function)
    def run(*args, **kwargs):
        _begin()
        try:
            return function(*args, **kwargs)
        finally:
            _end()
    return run


def _begin() -> None:
    global _pauses, _enabled_before
    with _lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _pauses += 1


def _end() -> None:
    global _pauses
    with _lock:
        _pauses -= 1
        if _pauses == 0 and _enabled_before:
            gc.enable()
