"""Reading and indexing the text of 1,000 attachments (PDF, DOCX, XLSX, TXT; a few pages each), then
searching the catalog with that text indexed.

    python benchmarks/bench_doctext.py [--files 1000] [--materials 1000]
Prints files/s for extraction + indexing (index_pending, as after an upgrade) and search latency.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests" / "core")]

from bench_catalog import FRAGMENTS, summary, time_searches  # noqa: E402
from doctext_files import write_docx, write_pdf, write_txt, write_xlsx  # noqa: E402
from generate import WORDS, fill_database  # noqa: E402

from lo_desktop.core.catalog.attachment_index import index_pending  # noqa: E402
from lo_desktop.core.catalog.attachments import add_attachment  # noqa: E402
from lo_desktop.core.db import open_database  # noqa: E402

PAGE_CHARS = 1500
KINDS = ("pdf", "docx", "xlsx", "txt")


def page_text(rng: random.Random) -> str:
    words, size = [], 0
    while size < PAGE_CHARS:
        sentence = "".join(rng.sample(WORDS, rng.randint(2, 5))) + f" {rng.randint(2540, 2569)}"
        words.append(sentence)
        size += len(sentence) + 1
    return " ".join(words)


def write_file(folder: Path, n: int, rng: random.Random) -> Path:
    kind = KINDS[n % len(KINDS)]
    pages = [page_text(rng) for _ in range(rng.randint(2, 4))]
    path = folder / f"เอกสาร-{n:04d}.{kind}"
    if kind == "pdf":
        return write_pdf(path, pages)
    if kind == "docx":
        return write_docx(path, [line for page in pages for line in page.split(" 25")])
    if kind == "xlsx":
        return write_xlsx(path, [[i, chunk] for page in pages for i, chunk in enumerate(page.split(" "))])
    return write_txt(path, "\n\n".join(pages), "utf-8" if n % 8 else "cp874")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--materials", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(2567)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "bench.db")
        fill_database(db, args.materials)
        start = time.perf_counter()
        files = [write_file(folder, n, rng) for n in range(args.files)]
        generated = time.perf_counter() - start
        size = sum(p.stat().st_size for p in files) / 1e6
        ids = [r[0] for r in db.execute("SELECT id FROM materials ORDER BY id")]
        start = time.perf_counter()
        for n, path in enumerate(files):
            add_attachment(db, ids[n % len(ids)], path)
        attached = time.perf_counter() - start
        before = time_searches(db, FRAGMENTS, rounds=3)
        start = time.perf_counter()
        result = index_pending(db)
        indexed = time.perf_counter() - start
        chars = db.execute("SELECT COALESCE(SUM(LENGTH(text)), 0) FROM attachment_text").fetchone()[0]
        after = time_searches(db, FRAGMENTS, rounds=5)
        db.close()
    kinds = Counter(p.suffix for p in files)
    print(f"attachments:          {args.files:,} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
          f"{size:.1f} MB, written in {generated:.1f} s")
    print(f"materials:            {args.materials:,}")
    print(f"attach (copy):        {attached:.2f} s")
    print(f"extract + index:      {indexed:.2f} s = {args.files / indexed:.0f} files/s "
          f"(ok {result.ok}, empty {result.empty}, failed {len(result.failed)}; {chars / 1e6:.1f} M characters)")
    print(f"search, no file text: {summary(before)}")
    print(f"search, files indexed:{summary(after)}")


if __name__ == "__main__":
    main()
