"""The one QR producer, and the outline of its dark modules that the label painter fills. No Qt here.

``matrix`` is the only place a QR code is made: the labels (render.py), the window's detail pane
(ui/qr.py) and the catalog register (reports/catalog_register.py) all draw what it returns. Error
correction is M (15 % of the code may be scuffed). zxing-cpp's encoder (C++) makes it, ~25× faster
than the pure-Python ``qrcode``, which matters for a thousand labels or a register with QRs.
"""
from __future__ import annotations

import re
from functools import lru_cache

import zxingcpp

QUIET_MODULES = 4

_DARK_BYTES = bytes((49 if b < 128 else 48) for b in range(256))  # pixel value → "1" dark / "0" light


def matrix(payload: str, quiet: int = 0) -> tuple[str, ...]:
    """Rows of modules as strings, "1" for dark, with ``quiet`` light modules around the code (the
    labels leave their quiet zone inside the label instead, so they ask for none)."""
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    size, text = image.shape[0], image.tobytes().translate(_DARK_BYTES).decode("ascii")
    rows = tuple(text[r * size:(r + 1) * size] for r in range(size))
    if not quiet:
        return rows
    blank = ("0" * (size + 2 * quiet),) * quiet
    margin = "0" * quiet
    return blank + tuple(margin + row + margin for row in rows) + blank


def outline(modules) -> list[list[tuple[int, int]]]:
    """The union of the dark modules as closed polygons of module corners (x, y), y downwards.

    Every boundary edge is walked with the dark side on its right, so outer contours run clockwise and
    holes anticlockwise: filled with the non-zero rule they give exactly the dark modules, and there is
    no edge between two dark modules for a rasteriser to leave a seam on. Where two dark modules touch
    only at a corner, which edge a contour continues on does not change the filled area.
    """
    polygons, stride = corner_polygons(modules)
    return [[(v % stride, v // stride) for v in polygon] for polygon in polygons]


def corner_polygons(modules) -> tuple[list[list[int]], int]:
    """``outline`` with each corner (x, y) as the number y * stride + x; returns the stride too."""
    if not modules:
        return [], 1
    height, width = len(modules), len(modules[0])
    rows = [0] + [int(row[::-1], 2) for row in modules] + [0]
    columns = [0] + [int("".join(column)[::-1], 2) for column in zip(*modules)] + [0]
    stride = width + 2  # a corner (x, y) is the number y * stride + x
    # Boundaries as maximal segments, found by one regex pass per kind over all lines at once.
    # Tops of dark modules walk east, bottoms west, left sides north, right sides south.
    east = _horizontal([rows[y + 1] & ~rows[y] for y in range(height + 1)], stride)
    west = {b: a for a, b in _horizontal([rows[y] & ~rows[y + 1] for y in range(height + 1)], stride).items()}
    north = {b: a for a, b in _vertical([columns[x + 1] & ~columns[x] for x in range(width + 1)],
                                        height + 2, stride).items()}
    south = _vertical([columns[x] & ~columns[x + 1] for x in range(width + 1)], height + 2, stride)
    # Where two dark modules touch only at a corner, two edges leave it (both east/west or both
    # north/south): the second one waits in ``extra``.
    extra = {k: west[k] for k in west.keys() & east.keys()}
    extra.update({k: north[k] for k in north.keys() & south.keys()})
    edges = {**west, **east, **north, **south}
    return _chain(edges, extra), stride


def _horizontal(lines: list[int], stride: int) -> dict[int, int]:
    """Runs of set bits as {start corner: end corner}; line y's bit x is the corner y * stride + x."""
    text = "".join(format(bits, f"0{stride}b")[::-1] for bits in lines)
    return {m.start(): m.end() for m in _ONES.finditer(text)}


def _vertical(lines: list[int], length: int, stride: int) -> dict[int, int]:
    """The same for columns: line x's bit y is the corner y * stride + x."""
    text = "".join(format(bits, f"0{length}b")[::-1] for bits in lines)
    corner = _column_corners(len(lines), length, stride)
    return {corner[m.start()]: corner[m.end()] for m in _ONES.finditer(text)}


@lru_cache(maxsize=64)
def _column_corners(count: int, length: int, stride: int) -> tuple[int, ...]:
    """Position x * length + y in the column text → the corner y * stride + x."""
    return tuple((q % length) * stride + q // length for q in range(count * length + 1))


def _chain(edges: dict[int, int], extra: dict[int, int]) -> list[list[int]]:
    """Closed walks using every edge once (each corner has as many edges in as out)."""
    polygons = []
    while edges or extra:
        start, point = (edges or extra).popitem()
        polygon = [start]
        while point != start:
            polygon.append(point)
            point = extra.pop(point) if point in extra else edges.pop(point)
        polygons.append(polygon)
    return polygons


_ONES = re.compile("1+")
