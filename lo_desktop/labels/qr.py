"""QR modules for a payload, and the horizontal runs of dark modules the painter merges. No Qt here.

Error correction is M (15 % of the code may be scuffed). The matrix has no quiet zone: the renderer
leaves 4 white modules around it inside the label. zxing-cpp's encoder (C++) is used when installed:
it is ~25× faster than the pure-Python ``qrcode``, which matters for a thousand labels; ``qrcode`` is
the fallback and gives an equally valid code.
"""
from __future__ import annotations

import re
from functools import lru_cache

QUIET_MODULES = 4


@lru_cache(maxsize=1)
def _zxing_creator():
    try:
        import zxingcpp
        zxingcpp.create_barcode  # noqa: B018 - zxing-cpp ≥ 2.3 only
    except (ImportError, AttributeError):
        return None
    return zxingcpp


def matrix(payload: str, encoder: str = "auto") -> tuple[str, ...]:
    """Rows of modules as strings, "1" for dark. ``encoder``: "auto", "zxing" or "qrcode"."""
    zx = _zxing_creator() if encoder in ("auto", "zxing") else None
    if zx is not None:
        return _zxing_matrix(zx, payload)
    if encoder == "zxing":
        raise RuntimeError("zxing-cpp's encoder is not installed")
    return _qrcode_matrix(payload)


_DARK_BYTES = bytes((49 if b < 128 else 48) for b in range(256))  # pixel value → "1" dark / "0" light


def _zxing_matrix(zx, payload: str) -> tuple[str, ...]:
    code = zx.create_barcode(payload, zx.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    size, text = image.shape[0], image.tobytes().translate(_DARK_BYTES).decode("ascii")
    return tuple(text[r * size:(r + 1) * size] for r in range(size))


def _qrcode_matrix(payload: str) -> tuple[str, ...]:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return tuple("".join("1" if v else "0" for v in row) for row in code.get_matrix())


def outline(modules) -> list[list[tuple[int, int]]]:
    """The union of the dark modules as closed polygons of module corners (x, y), y downwards.

    Every boundary edge is walked with the dark side on its right, so outer contours run clockwise and
    holes anticlockwise: filled with the non-zero rule they give exactly the dark modules, and there is
    no edge between two dark modules for a rasteriser to leave a seam on. Where two dark modules touch
    only at a corner, which edge a contour continues on does not change the filled area.
    """
    rows = [int(row[::-1], 2) for row in modules]
    columns = [int("".join(column)[::-1], 2) for column in zip(*modules)]
    edges: dict[tuple[int, int], list[tuple[int, int]]] = {}
    # Boundaries are maximal segments: two segments meet only at their ends.
    for y in range(len(rows) + 1):
        above = rows[y - 1] if y > 0 else 0
        below = rows[y] if y < len(rows) else 0
        for x0, x1 in _spans(below & ~above):  # tops of dark modules: walk east
            edges.setdefault((x0, y), []).append((x1, y))
        for x0, x1 in _spans(above & ~below):  # bottoms: walk west
            edges.setdefault((x1, y), []).append((x0, y))
    for x in range(len(columns) + 1):
        left = columns[x - 1] if x > 0 else 0
        right = columns[x] if x < len(columns) else 0
        for y0, y1 in _spans(right & ~left):  # left sides of dark modules: walk north
            edges.setdefault((x, y1), []).append((x, y0))
        for y0, y1 in _spans(left & ~right):  # right sides: walk south
            edges.setdefault((x, y0), []).append((x, y1))
    return _chain(edges)


def _spans(bits: int) -> list[tuple[int, int]]:
    """(first, end) of each run of set bits, end exclusive."""
    if not bits:
        return []
    text = format(bits, "b")[::-1]
    return [(m.start(), m.end()) for m in _ONES.finditer(text)]


def _chain(edges: dict) -> list[list[tuple[int, int]]]:
    polygons = []
    while edges:
        start = next(iter(edges))
        polygon, point = [start], start
        while True:
            targets = edges[point]
            nxt = targets.pop()
            if not targets:
                del edges[point]
            if nxt == start:
                break
            polygon.append(nxt)
            point = nxt
        polygons.append(polygon)
    return polygons


_ONES = re.compile("1+")


def runs(modules) -> list[tuple[int, int, int]]:
    """(row, first column, length) of each horizontal run of dark modules."""
    return [(y, m.start(), m.end() - m.start()) for y, row in enumerate(modules) for m in _ONES.finditer(row)]
