"""The same labels through gLabels (glabels-3-batch), for bench_labels.py: the QR payloads lo-desktop
prints, the code, title and location, on the same sheet, merged from a CSV as gLabels users do.

Only the benchmark uses this; gLabels is not a dependency. Its document format (glabels 3, XML) is written
here from the sheet's measures: a QR object (libqrencode) and three text objects in Sarabun.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
import time
from pathlib import Path
from xml.sax.saxutils import quoteattr

PT_PER_MM = 72 / 25.4
IDENTITY = 'a0="1" a1="0" a2="0" a3="1" a4="0" a5="0"'


def available() -> bool:
    return shutil.which("glabels-3-batch") is not None


def run(sheet, contents, folder: Path) -> tuple[float, Path]:
    """Seconds glabels-3-batch took for ``contents`` (render.LabelContent) on ``sheet``, and its PDF."""
    data, document, out = folder / "glabels.csv", folder / "labels.glabels", folder / "glabels.pdf"
    with data.open("w", encoding="utf-8", newline="") as f:
        rows = csv.writer(f)
        rows.writerow(["payload", "code", "title", "location"])
        rows.writerows([c.payload, c.texts["code"], c.texts["title"], c.texts["location"]] for c in contents)
    document.write_text(_document(sheet, data), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(["glabels-3-batch", "-o", str(out), str(document)], check=True, capture_output=True)
    return time.perf_counter() - start, out


def _document(sheet, data: Path) -> str:
    side = min(sheet.label_height_mm, sheet.label_width_mm / 2) - 2  # the QR square, as lo-desktop sizes it
    text_x, text_w = side + 3, sheet.label_width_mm - side - 4
    objects = [
        f'<Object-barcode x="{_pt(1)}" y="{_pt((sheet.label_height_mm - side) / 2)}" w="{_pt(side)}" '
        f'h="{_pt(side)}" backend="libqrencode" style="IEC18004" text="False" checksum="True" '
        f'color="0x000000ff" field="payload" {IDENTITY}/>',
        _text("code", text_x, 1, text_w, 5, 11, "Bold"),
        _text("title", text_x, 6.5, text_w, sheet.label_height_mm - 13, 7.5, "Regular"),
        _text("location", text_x, sheet.label_height_mm - 6, text_w, 5, 7.5, "Regular"),
    ]
    return f'''<?xml version="1.0"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="lo-desktop" part={quoteattr(sheet.id)} size="A4" description={quoteattr(sheet.name)}>
    <Meta category="label"/>
    <Label-rectangle id="0" width="{_pt(sheet.label_width_mm)}" height="{_pt(sheet.label_height_mm)}"
        round="{_pt(sheet.corner_radius_mm)}" x_waste="0pt" y_waste="0pt">
      <Markup-margin size="0pt"/>
      <Layout nx="{sheet.columns}" ny="{sheet.rows}" x0="{_pt(sheet.left_mm)}" y0="{_pt(sheet.top_mm)}"
          dx="{_pt(sheet.h_pitch_mm)}" dy="{_pt(sheet.v_pitch_mm)}"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    {"".join(objects)}
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src={quoteattr(str(data))}/>
  <Data/>
</Glabels-document>
'''


def _text(field: str, x, y, w, h, size: float, weight: str) -> str:
    return (f'<Object-text x="{_pt(x)}" y="{_pt(y)}" w="{_pt(w)}" h="{_pt(h)}" justify="Left" valign="Top" '
            f'auto_shrink="True" {IDENTITY}><Span color="0x000000ff" font_family="Sarabun" font_size="{size}" '
            f'font_weight="{weight}" font_italic="False" line_spacing="1"><Field name="{field}"/></Span>'
            f'</Object-text>')


def _pt(mm: float) -> str:
    return f"{mm * PT_PER_MM:.3f}pt"
