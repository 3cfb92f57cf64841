"""pythainlp's Thai dictionary as a set, for its ``newmm`` segmenter. No Qt here.

``newmm`` asks its dictionary one question: which words begin at this position of the text
(``prefixes``). pythainlp answers it with a trie of 62,000 words that it builds in pure Python on every
run: 0.5-0.7 s, more than the rest of a one-label print from a cold start. A frozenset of the same
words answers the same question in the same order (shortest word first), made in ~10 ms from the
same file: one set look-up per length a word could have (indexed by the word's first two letters once
many texts are segmented).
The words and the segmenter are pythainlp's; only the look-up differs, so the words found are
identical (tests/labels/test_labels_thai_words.py compares both on real titles and random text).
"""
from __future__ import annotations

from functools import lru_cache


class WordIndex:
    """The words of a dictionary, answering ``prefixes(text, start)`` as pythainlp's ``Trie`` does."""

    INDEX_AFTER = 2000  # questions answered by trying every length before the lengths are indexed

    def __init__(self, words):
        # the trie strips each word, and never holds the empty one
        self._words = frozenset(map(str.strip, words)) - {""}
        self._longest = max(map(len, self._words), default=0)
        self._lengths: dict[str, tuple[int, ...]] | None = None
        self._asked = 0

    def __len__(self) -> int:  # newmm takes an empty dictionary for "none given"
        return len(self._words)

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The dictionary's words that ``text`` has at ``start``, shortest first."""
        words = self._words
        found = [text[start]] if start < len(text) and text[start] in words else []
        for length in self._lengths_at(text, start):
            piece = text[start:start + length]
            if len(piece) == length and piece in words:
                found.append(piece)
        return found

    def _lengths_at(self, text: str, start: int):
        """The lengths worth trying. A label or two (a cold start) tries them all, which costs less
        than indexing the lengths of each two-letter start (~30 ms); a long run indexes them."""
        if self._lengths is None:
            self._asked += 1
            if self._asked <= self.INDEX_AFTER:
                return range(2, min(self._longest, len(text) - start) + 1)
            self._lengths = self._index()
        return self._lengths.get(text[start:start + 2], ())

    def _index(self) -> dict[str, tuple[int, ...]]:
        lengths: dict[str, set[int]] = {}
        for word in self._words:
            if len(word) > 1:
                lengths.setdefault(word[:2], set()).add(len(word))
        return {start: tuple(sorted(found)) for start, found in lengths.items()}


@lru_cache(maxsize=1)
def default_index() -> WordIndex:
    """pythainlp's own word list (corpus/words_th.txt, the file newmm's default trie is made of)."""
    from pythainlp.corpus import thai_words

    return WordIndex(thai_words())
