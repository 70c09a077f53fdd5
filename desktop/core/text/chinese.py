"""Character classes of Chinese text, and the line walk, shared by the cleaning rules and flags."""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    start = 0
    for count, match in enumerate(re.finditer("\n", text)):
        if limit is not None and count >= limit:
            return
        yield start, match.start()
        start = match.end()
    yield start, len(text)
