"""Character classes of Chinese text shared by the cleaning rules and flags."""

from __future__ import annotations

# CJK Unified Ideographs, Extension A, compatibility ideographs, Extensions B-H.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"

# Closing marks after which Chinese running text continues as if after a character.
CLOSING_MARKS = "”’」』》〉）)】"

# Sentence ends, used to find the clause a question mark closes.
SENTENCE_END = "。！？!?\n"

CHINESE_NUMERALS = "〇零一二两兩三四五六七八九十百千万萬亿億"
DIGITS = "0123456789０１２３４５６７８９"
