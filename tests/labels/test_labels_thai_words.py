"""The dictionary look-up the one segmenter uses (labels/thai_words.py) finds exactly the words
pythainlp's own trie finds, so labels and the window break Thai where newmm always did, without the
0.5-0.7 s trie being built on every run."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest

from labels_helpers import MARK_HEAVY
from lo_desktop.labels.thai_words import WordIndex, default_index

pytest.importorskip("pythainlp")

TEXTS = (
    "คู่มือการปฏิบัติงานฝ่ายเทศกิจสำนักงานเขตบางนา เรื่องการจัดระเบียบผู้ค้าหาบเร่แผงลอย",
    "รักษาความสะอาดเรียบร้อยของบ้านเมือง", "สำนักงานเขตพระโขนง", "พระราชบัญญัติจราจรทางบก",
    "ผู้ใหญ่ผู้น้อยผู้ดูแลคู่มือดีเด่นคู่ด้วยปู่ย่าตายาย", "ฎีกาฏุกฎูฐานข้อมูลญาติผู้ใหญ่ฤดูกาลฟื้นฟูปี๊บน้ำ",
    MARK_HEAVY, MARK_HEAVY.replace(" ", ""), "ต่าง ๆ วัน ๆ", "การจัดการความรู้ KM 2567 ฉบับที่ ๒",
)
THAI = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุู่้๊๋็์เแโใไ"


def _random_texts(count: int = 300, seed: int = 18) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(THAI) for _ in range(rng.randint(5, 60))) for _ in range(count)]


@pytest.fixture(scope="module")
def trie():
    from pythainlp.tokenize import word_dict_trie

    return word_dict_trie()


@pytest.mark.parametrize("index_after", [0, 10**9], ids=["indexed", "every-length"])
def test_prefixes_are_the_tries_at_every_position(trie, index_after):
    from pythainlp.corpus import thai_words

    index = WordIndex(thai_words())
    index.INDEX_AFTER = index_after
    for text in TEXTS + tuple(_random_texts(100)):
        for start in range(len(text) + 1):
            assert index.prefixes(text, start) == trie.prefixes(text, start), (text, start)


def test_newmm_breaks_the_same_words_with_either_dictionary(trie):
    from pythainlp.tokenize import word_tokenize

    for text in TEXTS + tuple(_random_texts()):
        ours = word_tokenize(text, custom_dict=default_index(), engine="newmm", keep_whitespace=True)
        assert ours == word_tokenize(text, engine="newmm", keep_whitespace=True), text


def test_the_index_reads_words_as_the_trie_does():
    index = WordIndex([" กา ", "กาแฟ", "", "ก"])
    assert len(index) == 3 and "กา" in index and "" not in index
    assert index.prefixes("กาแฟดำ") == ["ก", "กา", "กาแฟ"]
    assert index.prefixes("กาแฟ", 4) == [] and index.prefixes("", 0) == []


def test_segmenting_never_builds_pythainlps_trie():
    """In a fresh interpreter, as a one-label print starts: words() answers, no trie is made."""
    script = (
        "from lo_desktop.labels.thai_wrap import words\n"
        "assert words('การจัดการความรู้') == ('การ', 'จัดการ', 'ความรู้'), words('การจัดการความรู้')\n"
        "from pythainlp.tokenize import word_dict_trie\n"
        "print(word_dict_trie.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
