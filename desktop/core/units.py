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
from bisect import bisect_left
from collections.abc import Iterator
from itertools import repeat
from typing import NamedTuple

from desktop.core.line_starts import LineStarts
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
# The lines a marker opens: a chapter first (group 1), else a clause.
_MARKER_LINES = LineStarts(rf"({CHAPTER.pattern})|{CLAUSE.pattern}")
UNIT_SEPARATOR = "-"
_LABEL = UNIT_SEPARATOR.join(["{}"] * 4)


class Unit(NamedTuple):
    """One sentence of the Simplified text: [start, end) in code points, and where it sits."""

    start: int
    end: int
    chapter: int
    clause: int
    sentence: int

    def label(self, article_id: int) -> str:
        return _LABEL.format(article_id, self.chapter, self.clause, self.sentence)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _numbered(text: str) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    """The units as columns: starts, ends, chapters, clauses, sentences."""
    spans = [found.span() for found in _SENTENCE.finditer(text)]
    starts = [span[0] for span in spans]
    chapters: list[int] = []
    clauses: list[int] = []
    sentences: list[int] = []
    # Each marker line opens a stretch of sentences numbered alike; the counts change only at
    # markers, so the columns are extended a stretch at a time, not a sentence at a time.
    # (line start, whether it opens a chapter) of each marker line, then the end.
    markers = [(line_start, found.group(1) is not None) for line_start, found in _MARKER_LINES.matches(text)]
    markers.append((len(text) + 1, False))
    chapter = clause = 0
    first = 0
    for line_start, opens_chapter in markers:
        last = bisect_left(starts, line_start)
        count = last - first
        chapters += [chapter] * count
        clauses += [clause] * count
        sentences += range(1, count + 1)
        first = last
        chapter, clause = (chapter + 1, 0) if opens_chapter else (chapter, clause + 1)
    return starts, [span[1] for span in spans], chapters, clauses, sentences


def split_units(text: str) -> list[Unit]:
    """The coding units of a Simplified text, in text order; whitespace between them belongs to none."""
    return list(map(Unit, *_numbered(text)))


class UnitColumns(NamedTuple):
    """An article's units as an import prepares them, before the article has an id: one list per
    column, so that the writer inserts them without a line of Python per unit."""

    starts: list[int]
    ends: list[int]
    original_starts: list[int]
    original_ends: list[int]
    chapters: list[int]
    clauses: list[int]
    sentences: list[int]

    def labels(self, article_id: int) -> Iterator[str]:
        """Each unit's id (``Unit.label``), made in C."""
        return map(_LABEL.format, repeat(article_id), self.chapters, self.clauses, self.sentences)


def unit_columns(text: str, offset_map: OffsetMap) -> UnitColumns:
    """The units of a Simplified text with their offsets in the original, ready to store."""
    starts, ends, chapters, clauses, sentences = _numbered(text)
    original_starts, original_ends = offset_map.to_original_columns(starts, ends)
    return UnitColumns(
        starts,
        ends,
        original_starts,
        original_ends,
        chapters,
        clauses,
        sentences,
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
