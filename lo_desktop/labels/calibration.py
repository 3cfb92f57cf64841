"""The printer offset: how far (mm) a printer shifts what it prints, measured on the calibration page.

Kept in ``Settings.calibration_mm``: ``x``/``y`` for the PDF and any printer without its own entry, and
``printers`` mapping a printer's name to its own ``{"x", "y"}``. Positive x moves labels right, positive
y moves them down. No Qt here.
"""
from __future__ import annotations

LIMIT_MM = 15.0


def offset_for(calibration: dict, printer: str = "") -> tuple[float, float]:
    own = (calibration.get("printers") or {}).get(printer) if printer else None
    values = own if isinstance(own, dict) else calibration
    return _clamp(values.get("x", 0.0)), _clamp(values.get("y", 0.0))


def with_offset(calibration: dict, printer: str, x: float, y: float) -> dict:
    """A new calibration dict with ``printer``'s offset (the default one when ``printer`` is empty)."""
    result = {**calibration, "printers": dict(calibration.get("printers") or {})}
    if printer:
        result["printers"][printer] = {"x": _clamp(x), "y": _clamp(y)}
    else:
        result["x"], result["y"] = _clamp(x), _clamp(y)
    return result


def _clamp(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return round(max(-LIMIT_MM, min(LIMIT_MM, number)), 2)
