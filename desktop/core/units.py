"""Numbered coding units: an article's Simplified text as chapters, clauses and sentences.

Policy-text studies code documents unit by unit and cite a unit as policy–chapter–clause
(``3-2-1``). A unit here is one sentence; its id says where it sits:
``<article>-<chapter>-<clause>-<sentence>``. The numbers count what the text marks, in order
(not the numerals it writes, which repeat: ``1.`` under ``(一)`` and again under ``(二)``), so
the ids depend on the text alone and stay the same every time the article is opened.

- a line starting ``第X章`` or ``一、`` opens the next chapter (clause and sentence counts restart);
- a line starting ``第X条``, ``(一)`` / ``（一）`` or ``1.`` / ``1．`` / ``1、`` opens the next clause;
- a sentence ends at ``。！？；!?`` (with the closing quotes or brackets after it) or at the end
  of its line; text before the first marker is chapter 0, clause 0.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from desktop.core.offsets import OffsetMap

_NUMERAL = "一二三四五六七八九十百千零〇两"
_SPACE = " \t\u3000\u00a0"
CHAPTER = re.compile(rf"[{_SPACE}]*(?:第[{_NUMERAL}\d]+章|[{_NUMERAL}]+[、])")
# "1." followed by a digit is a decimal number (1.5亿), not a clause.
CLAUSE = re.compile(rf"[{_SPACE}]*(?:第[{_NUMERAL}\d]+条|[(（][{_NUMERAL}]+[)）]|\d{{1,3}}[.．、](?![\d]))")
_ENDS = "。！？；!?"
_CLOSERS = "”’」』）)\\]】"
# A sentence without the white space at its ends, found in the whole text at once: from a visible
# character that ends no sentence up to the next run of sentence ends (with the closing marks after
# it), or up to its line's last visible character; or a run of sentence ends with nothing before it.
_SENTENCE = re.compile(
    rf"[^\s{_ENDS}](?:[^{_ENDS}\n]*(?:[{_ENDS}]+[{_CLOSERS}]*|[^\s{_ENDS}]))?|[{_ENDS}]+[{_CLOSERS}]*"
)
# The line a marker opens: a chapter first, else a clause.
_MARKER = re.compile(rf"^(?:({CHAPTER.pattern})|{CLAUSE.pattern})", re.MULTILINE)
UNIT_SEPARATOR = "-"


class Unit(NamedTuple):
    """One sentence of the Simplified text: [start, end) in code points, and where it sits."""

    start: int
    end: int
    chapter: int
    clause: int
    sentence: int

    def label(self, article_id: int) -> str:
        return UNIT_SEPARATOR.join(str(n) for n in (article_id, self.chapter, self.clause, self.sentence))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_units(text: str) -> list[Unit]:
    """The coding units of a Simplified text, in text order; whitespace between them belongs to none."""
    units: list[Unit] = []
    # Where each marker line starts and whether it opens a chapter; sentences count within them.
    markers = [(found.start(), found.group(1) is not None) for found in _MARKER.finditer(text)]
    markers.append((len(text) + 1, False))
    next_marker, opens_chapter = markers[0]
    marker_index = 0
    chapter = clause = sentence = 0
    for found in _SENTENCE.finditer(text):
        start, end = found.span()
        while next_marker <= start:
            if opens_chapter:
                chapter, clause = chapter + 1, 0
            else:
                clause += 1
            sentence = 0
            marker_index += 1
            next_marker, opens_chapter = markers[marker_index]
        sentence += 1
        units.append(Unit(start, end, chapter, clause, sentence))
    return units


# A unit as an import prepares it before the article has an id: (start, end, original_start,
# original_end, chapter, clause, sentence, and its id without the article: "chapter-clause-sentence").
UnitRow = tuple[int, int, int, int, int, int, int, str]


def unit_rows(text: str, offset_map: OffsetMap) -> tuple[UnitRow, ...]:
    """The units of a Simplified text with their offsets in the original, ready to store."""
    units = split_units(text)
    originals = offset_map.to_original_all([(unit.start, unit.end) for unit in units])
    return tuple(
        (
            start,
            end,
            original_start,
            original_end,
            chapter,
            clause,
            sentence,
            f"{chapter}{UNIT_SEPARATOR}{clause}{UNIT_SEPARATOR}{sentence}",
        )
        for (start, end, chapter, clause, sentence), (original_start, original_end) in zip(
            units, originals, strict=True
        )
    )


def parse_label(label: str) -> tuple[int, int, int, int]:
    """(article, chapter, clause, sentence) of a unit id; ValueError when it is not one."""
    parts = label.strip().split(UNIT_SEPARATOR)
    if len(parts) != 4 or not all(part.isdigit() for part in parts):
        raise ValueError(f"not a unit id (article-chapter-clause-sentence): {label!r}")
    article, chapter, clause, sentence = (int(part) for part in parts)
    return article, chapter, clause, sentence


class PlacedUnit(NamedTuple):
    """A unit as stored: its id, and its offsets in the Simplified and the original text."""

    label: str
    start: int
    end: int
    original_start: int
    original_end: int
