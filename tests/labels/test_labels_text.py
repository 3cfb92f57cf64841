"""Payload forms, Thai wrapping and fitting, QR outlines and label layout (the parts without Qt)."""
from __future__ import annotations

import unicodedata

import pytest

from lo_desktop.core.records import Material
from lo_desktop.labels import qr
from lo_desktop.labels.fitting import fit
from lo_desktop.labels.layout import plan
from lo_desktop.labels.payload import TITLE_BYTES, payload_for
from lo_desktop.labels.thai_wrap import ELLIPSIS, clusters, words, wrap
from lo_desktop.settings import Settings

MARKS = "ัิีึืุู่้๊๋์ำ"
MARK_HEAVY = "กั้นกิ้นกี้กึ๊กื๋กุ่กู้กำ์ ที่นี่มีน้ำผึ้งดื่มชื่นฉ่ำรื่นรมย์ สุขุมนุ่มนิ่ม ปั๊มน้ำมันเอื้อเฟื้อเผื่อแผ่"
TITLE = "คู่มือการปฏิบัติงานฝ่ายเทศกิจสำนักงานเขตบางนา เรื่องการจัดระเบียบผู้ค้าหาบเร่แผงลอย"


def measure(text: str, size: float) -> float:
    """A fake font: every base character is 0.5 em wide, marks take no width (as in Thai fonts)."""
    return sum(0 if unicodedata.category(c) == "Mn" else 0.5 for c in text) * size


def line_height(size: float) -> float:
    return 1.3 * size


def test_payload_forms():
    plain = Material(code="BN-0001", title="คู่มือ")
    assert payload_for(plain, Settings()) == "BN-0001\nคู่มือ"
    linked = Material(code="BN-0002", title="x", link="https://km.example.go.th/doc/42")
    assert payload_for(linked, Settings()) == "https://km.example.go.th/doc/42#BN-0002"
    has_code = Material(code="BN-0003", title="x", link="https://km.example.go.th/items/BN-0003")
    assert payload_for(has_code, Settings()) == "https://km.example.go.th/items/BN-0003"
    anchored = Material(code="BN-0004", title="x", link="https://km.example.go.th/doc?id=4#page=2")
    assert payload_for(anchored, Settings()) == "https://km.example.go.th/doc?id=4&code=BN-0004#page=2"
    file_link = Material(code="BN-0005", title="ก", link="\\\\server\\km\\a.pdf")
    assert payload_for(file_link, Settings()) == "BN-0005\nก"  # a phone cannot open a share
    pattern = Settings(label_url_pattern="http://intranet/km/{code}")
    assert payload_for(linked, pattern) == "http://intranet/km/BN-0002"
    assert payload_for(linked, Settings(label_url_pattern="http://intranet/km")) == "http://intranet/km?code=BN-0002"


def test_text_payload_title_is_cut_between_clusters():
    long = Material(code="BN-0009", title=MARK_HEAVY * 3)
    code, title = payload_for(long, Settings()).split("\n")
    assert code == "BN-0009" and title.endswith(ELLIPSIS)
    assert len(title.encode("utf-8")) <= TITLE_BYTES and len(title) <= 40
    kept = title[:-1]
    full = " ".join((MARK_HEAVY * 3).split())
    assert full.startswith(kept) and full[len(kept)] not in MARKS  # no mark left behind


@pytest.fixture
def scanned_db(db):
    from lo_desktop.core.catalog.materials import add_material

    for m in (Material(code="BN-0001", title=TITLE), Material(code="BN-0002", title="x",
              link="https://km.example.go.th/doc/42"), Material(code="BN-0003", title="ก" * 90)):
        add_material(db, m)
    return db


@pytest.mark.parametrize("settings", [Settings(), Settings(label_url_pattern="https://intranet/km/{code}"),
                                      Settings(label_url_pattern="https://intranet/km/view")])
def test_every_payload_form_scans_back_to_its_material(scanned_db, settings):
    scan = pytest.importorskip("lo_desktop.core.catalog.scan")
    for code in ("BN-0001", "BN-0002", "BN-0003"):
        from lo_desktop.core.catalog.materials import get_material

        payload = payload_for(get_material(scanned_db, code), settings)
        assert scan.code_from_payload(scanned_db, payload) == code, payload


def test_clusters_keep_marks_with_their_consonant():
    assert clusters("น้ำ") == ["น้ำ"]
    assert clusters("เกี่ยว") == ["เกี่", "ย", "ว"]
    for piece in clusters(MARK_HEAVY):
        assert piece[0] not in MARKS


def test_words_come_from_the_dictionary():
    pytest.importorskip("pythainlp")
    assert "การ" in words("คู่มือการปฏิบัติงาน") and "คู่มือ" in words("คู่มือการปฏิบัติงาน")


@pytest.mark.parametrize("text", [TITLE, MARK_HEAVY, MARK_HEAVY.replace(" ", ""), "Lessons learned " + TITLE])
@pytest.mark.parametrize("width", [4.0, 7.5, 12.0])
def test_wrapped_lines_fit_and_never_start_with_a_mark(text, width):
    lines = wrap(text, width, 1.0, measure)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost or duplicated
    for line in lines:
        assert line and line[0] not in MARKS
        assert measure(line, 1.0) <= width or len(clusters(line)) == 1


def test_fit_shrinks_before_it_ellipsizes():
    roomy = fit(TITLE, 30, 40, measure, line_height, largest=4, smallest=2)
    assert roomy.size == 4 and not roomy.ellipsized
    tight = fit(TITLE, 30, 5.5, measure, line_height, largest=4, smallest=1)
    assert 1 <= tight.size < 4 and not tight.ellipsized
    assert len(tight.lines) * line_height(tight.size) <= 5.5
    hopeless = fit(TITLE * 4, 20, 5.5, measure, line_height, largest=4, smallest=2)
    assert hopeless.ellipsized and hopeless.lines[-1].endswith(ELLIPSIS)
    assert len(hopeless.lines) * line_height(hopeless.size) <= 5.5
    assert all(measure(line, hopeless.size) <= 20 for line in hopeless.lines)


def test_fit_shrinks_rather_than_cut_a_long_word():
    """พระราชบัญญัติ is 5 em wide: at 4 mm it would be cut in two on a 16 mm line ("พระราชบัญญั / ติ…")."""
    fitted = fit("พระราชบัญญัติทางหลวง พ.ศ. 2535", 16, 30, measure, line_height, largest=4, smallest=2)
    assert fitted.lines[0] == "พระราชบัญญัติ" and fitted.size <= 16 / 5
    assert not fitted.ellipsized
    hopeless = fit("พระราชบัญญัติ", 6, 30, measure, line_height, largest=4, smallest=2)
    assert "".join(hopeless.lines) == "พระราชบัญญัติ" and hopeless.size == 4  # cut only when no size helps


@pytest.mark.parametrize("width", [4, 5, 6, 7, 8, 9, 10])
def test_abbreviations_and_brackets_stay_whole(width):
    """พ.ศ. once broke as "พ" / ".ศ." on a label; "(" never ends a line, "." never starts one."""
    lines = wrap("พระราชบัญญัติจราจรทางบก พ.ศ. 2522 (ฉบับปรับปรุง) 15 มี.ค. 2556", width, 1.0, measure)
    assert all(not line.startswith((".", ")")) and not line.endswith("(") for line in lines)
    assert any("พ.ศ." in line for line in lines) and any("มี.ค." in line for line in lines)


def test_qr_rectangles_cover_exactly_the_dark_modules():
    for payload in ("BN-0001", "https://km.example.go.th/doc/42#BN-0002", "BN-0003\n" + MARK_HEAVY[:25]):
        modules = qr.matrix(payload)
        dark = {(x, y) for y, row in enumerate(modules) for x, v in enumerate(row) if v == "1"}
        covered = set()
        rectangles = qr.rectangles(modules)
        for x, y, w, h in rectangles:
            cells = {(x + dx, y + dy) for dx in range(w) for dy in range(h)}
            assert not cells & covered  # no overlap: any fill rule gives the same union
            covered |= cells
        assert covered == dark
        assert len(rectangles) < len(dark) / 2  # runs, carried down: far fewer shapes than modules


@pytest.mark.parametrize("quiet", [0, qr.QUIET_MODULES])
def test_the_one_producer_makes_codes_with_error_correction_m(quiet):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    modules = qr.matrix("BN-0042\nทดสอบ", quiet=quiet)
    assert modules[0] == "0" * len(modules) if quiet else "0" not in modules[0][:7]  # a finder's top edge
    pad = 4 - quiet
    size = len(modules) + 2 * pad
    image = Image.new("L", (size * 4, size * 4), 255)
    for y, row in enumerate(modules):
        for x, v in enumerate(row):
            if v == "1":
                image.paste(0, ((x + pad) * 4, (y + pad) * 4, (x + pad + 1) * 4, (y + pad + 1) * 4))
    (result,) = zxingcpp.read_barcodes(image)
    assert result.text == "BN-0042\nทดสอบ" and result.ec_level in ("M", "Q", "H")


class FakeMetrics:
    def width(self, text, size, bold=False):
        return measure(text, size) * (1.1 if bold else 1.0)

    def line_height(self, size):
        return line_height(size)


@pytest.mark.parametrize("width, height", [(63.5, 38.1), (38.1, 21.2), (99.06, 38.1), (40, 60), (25, 25)])
def test_layout_keeps_everything_inside_the_label(width, height):
    texts = {"code": "BN-0001", "title": TITLE, "location": "ชั้น A-1", "agency": "เขตบางนา"}
    layout = plan(width, height, ["code", "title", "location", "agency"], texts, FakeMetrics())
    qr_box = layout.qr
    assert 0 <= qr_box.x and 0 <= qr_box.y and qr_box.right <= width and qr_box.bottom <= height
    assert qr_box.w >= min(width, height) * 0.6  # as large as the label allows
    for line in layout.lines:
        assert line.x >= qr_box.right - 1e-9 or line.top >= qr_box.bottom - 1e-9  # never on the code
        assert line.x + FakeMetrics().width(line.text, line.size, line.bold) <= width + 1e-9
        assert line.top + line_height(line.size) <= height + 1e-9
    assert layout.lines[0].text == "BN-0001" or width < 30


def test_bigger_labels_show_more():
    texts = {"code": "BN-0001", "title": TITLE, "location": "ชั้น A-1", "agency": "เขตบางนา"}
    fields = ["code", "title", "location", "agency"]
    small = plan(38.1, 21.2, fields, texts, FakeMetrics())
    big = plan(99.06, 38.1, fields, texts, FakeMetrics())
    shown = lambda layout: sum(len(line.text) for line in layout.lines)  # noqa: E731
    assert shown(big) > shown(small)
    only_code = plan(63.5, 38.1, ["code"], texts, FakeMetrics())
    assert [line.text for line in only_code.lines] == ["BN-0001"]


@pytest.mark.parametrize("width", [3, 4, 5, 6, 7, 8, 9, 10, 12])
def test_ellipsis_never_cuts_inside_a_word(width):
    """The issue's "ความสะอา…" and "เรียบร้…": what stands before the ellipsis is whole words."""
    from lo_desktop.labels.fitting import ellipsize, shrink_line

    for text in ("รักษาความสะอาดเรียบร้อยของบ้านเมือง", "ระเบียบเรียบร้อย ความสะอาดของเมือง"):
        line = ellipsize(text, width, 1.0, measure)
        kept = line[: -len(ELLIPSIS)].rstrip()
        assert line.endswith(ELLIPSIS) and measure(line, 1.0) <= width
        assert kept and text.startswith(kept)
        first = words(text)[0]
        if measure(first + ELLIPSIS, 1.0) <= width:  # else the first word itself must be cut
            assert "".join(words(text)[: len(words(kept))]).rstrip() == kept  # ends at a word boundary
        assert shrink_line(text, width, measure, 1.0, 1.0)[1] == line


def test_ellipsis_cuts_a_word_by_clusters_only_when_the_first_word_is_too_wide():
    from lo_desktop.labels.fitting import ellipsize

    line = ellipsize("พระราชบัญญัติทางหลวง", 2.5, 1.0, measure)
    assert line.endswith(ELLIPSIS) and "พระราชบัญญัติ".startswith(line[:-1])
    assert line[-2] not in MARKS  # the cut keeps each consonant with its marks
    fitted = fit("ความสะอาดเรียบร้อย " * 6, 10, 2.6, measure, line_height, largest=1, smallest=1)
    last = fitted.lines[-1][: -len(ELLIPSIS)]
    assert fitted.ellipsized and not last.endswith(("ความสะอา", "เรียบร้"))


def test_a_district_name_the_dictionary_splits_stays_one_piece_on_labels_too():
    assert words("สำนักงานเขตพระโขนง") == ("สำนักงานเขต", "พระโขนง")  # newmm alone gives พระ | โขนง


def test_fit_asks_how_tall_the_lines_are():
    """Lines with marks above and below need more room than the font's line box: the fit keeps to
    what ``height_of`` says (here every line after the first costs 0.5 more), shrinking or cutting."""
    taller = lambda lines, size: len(lines) * line_height(size) + 0.5 * max(0, len(lines) - 1)  # noqa: E731
    plain = fit(TITLE, 30, 8, measure, line_height, largest=2, smallest=1)
    spaced = fit(TITLE, 30, 8, measure, line_height, largest=2, smallest=1, height_of=taller)
    assert spaced.size < plain.size and taller(spaced.lines, spaced.size) <= 8
    cut = fit(TITLE * 3, 30, 3, measure, line_height, largest=1, smallest=1, height_of=taller)
    assert cut.ellipsized and taller(cut.lines, cut.size) <= 3
    assert len(cut.lines) < len(fit(TITLE * 3, 30, 3, measure, line_height, largest=1, smallest=1).lines)


def test_an_ellipsis_keeps_the_words_of_the_whole_text():
    """The last line is shortened by the pieces the whole title was segmented into, not by segmenting
    that line alone again."""
    fitted = fit("รักษาความสะอาดเรียบร้อยของบ้านเมือง " * 4, 9, 2.6, measure, line_height, largest=1, smallest=1)
    kept = "".join(fitted.lines)[: -len(ELLIPSIS)].replace(" ", "")
    pieces = words("รักษาความสะอาดเรียบร้อยของบ้านเมือง " * 4)
    assert kept in {"".join(pieces[:n]).replace(" ", "") for n in range(1, len(pieces) + 1)}


def test_lines_move_apart_only_where_their_ink_would_meet():
    from lo_desktop.labels.stacking import GAP_MM, Extent, head, pitch, tail

    plain = Extent(ascent=1.07, descent=0.23, top=0.6, bottom=0.01)   # no marks: the line boxes decide
    assert pitch(plain, plain) == 1.3
    low = Extent(1.07, 0.23, 0.6, 0.33)    # ผู้: a vowel below
    high = Extent(1.07, 0.23, 1.25, 0.01)  # ฟื้: marks stacked above
    assert pitch(low, high) == 0.33 + GAP_MM + 1.25
    assert head(high) == 1.25 and tail(low) == 0.33 and head(plain) == 1.07


@pytest.mark.parametrize("width", [12, 17, 20])
def test_a_compound_wider_than_the_line_breaks_between_the_words_it_is_made_of(width):
    """The dictionary holds ความเป็นระเบียบเรียบร้อย whole; on a narrow label it must not read
    "…ระเบียบเรียบ / ร้อย…" (one character measured as one unit of width here)."""
    text = "พระราชบัญญัติรักษาความสะอาดและความเป็นระเบียบเรียบร้อยของบ้านเมือง"
    lines = wrap(text, width, 1.0, lambda piece, size: len(piece) * size)
    assert "".join(lines) == text and all(len(line) <= width for line in lines)
    inner = ("ความ", "เป็น", "ระเบียบ", "เรียบร้อย", "พระ", "ราช", "บัญญัติ")
    for before, after in zip(lines, lines[1:]):
        assert before.endswith(inner + ("และ", "รักษา", "ของ")) or after.startswith(inner), (before, after)
    assert not any(line.endswith("เรียบ") and not line.endswith("ระเบียบ") for line in lines)


def test_a_compound_wider_than_the_line_begins_where_the_line_has_room():
    """"ความสะอาดและ / ความ / เป็นระเบียบเรียบร้อย" wasted a line (on a real L7160 label it pushed the
    agency's line off): the compound's first word ends the line that has room for it."""
    text = "พระราชบัญญัติรักษาความสะอาดและความเป็นระเบียบเรียบร้อยของบ้านเมือง"
    lines = wrap(text, 20, 1.0, lambda piece, size: len(piece) * size)
    assert lines[:3] == ["พระราชบัญญัติรักษา", "ความสะอาดและความ", "เป็นระเบียบเรียบร้อย"]
    assert "".join(lines) == text and all(len(line) <= 20 for line in lines)
