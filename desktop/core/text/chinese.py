"""Character classes of Chinese text, and the line walk, shared by the cleaning rules and flags."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate
from operator import add

# CJK Unified Ideographs, Extension A, compatibility ideographs, Extensions B-H.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"

# Closing marks after which Chinese running text continues as if after a character.
CLOSING_MARKS = "”’」』》〉）)】"

# Sentence ends, used to find the clause a question mark closes.
SENTENCE_END = "。！？!?\n"

CHINESE_NUMERALS = "〇零一二两兩三四五六七八九十百千万萬亿億"
DIGITS = "0123456789０１２３４５６７８９"


def line_spans(text: str, limit: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each line (of the first ``limit`` lines), end before its newline."""
    lines = text.split("\n") if limit is None else text.split("\n", limit)
    if limit is not None and len(lines) > limit and "\n" in lines[-1]:
        lines.pop()  # (a text of exactly ``limit`` newlines gives all its lines, as it always did)
    # Worked out from the lines' lengths in C: a page has hundreds of lines.
    lengths = list(map(len, lines))
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))
    return zip(starts, map(add, starts, lengths), strict=True)
