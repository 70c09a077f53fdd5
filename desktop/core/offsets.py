"""Edits and the offset maps between an article's original text and a text derived from it.

Offsets are Unicode code points, end exclusive. A map is a sorted list of
*blocks* ``(o_start, o_end, t_start, t_end)``: a stretch of the original that
became a stretch of the derived text and cannot be split (a character with its
pinyin note, a deleted boilerplate tail, a phrase whose length changed). Outside
blocks the two texts correspond character for character.

Qt counts UTF-16 code units; :class:`Utf16Index` is the one place where that
is converted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

Block = tuple[int, int, int, int]
# Composing with a map of at most 1/this as many blocks takes the sparse path.
_SPARSE_RATIO = 4
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``; offsets in code points."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with sorted, non-overlapping edits applied."""
    if not edits:
        return text
    pieces: list[str] = []
    position = 0
    for start, end, replacement in edits:
        if start < position:
            raise ValueError(f"edits overlap at {start}")
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


class OffsetMapError(ValueError):
    """A stored or computed map is inconsistent with the texts it claims to join."""


class OffsetMap:
    """Maps spans of a derived text to the original text and back."""

    __slots__ = ("_o_ends", "_o_starts", "_t_ends", "_t_starts", "blocks", "original_length", "text_length")

    def __init__(
        self,
        original_length: int,
        text_length: int,
        blocks: Iterable[Block] = (),
        *,
        _checked: bool = False,
        _columns: Sequence[list[int]] = (),
    ) -> None:
        self.original_length = original_length
        self.text_length = text_length
        # tuple() hands a tuple back as it is: maps read from storage are not copied twice.
        self.blocks: tuple[Block, ...] = tuple(map(tuple, blocks))  # type: ignore[arg-type]
        # (``_columns``: the blocks' four columns when the caller has them, as a stored map does)
        columns = _columns or [list(column) for column in zip(*self.blocks, strict=True)] or [[], [], [], []]
        self._o_starts, self._o_ends, self._t_starts, self._t_ends = columns
        if not _checked:  # (from_edits checks its edits as it makes the blocks; then() composes valid maps)
            self._check()

    # construction -----------------------------------------------------------------

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(length, length)

    @classmethod
    def from_edits(cls, length: int, edits: Sequence[Edit]) -> OffsetMap:
        """A map from a text of ``length`` to the text that ``edits`` make of it."""
        blocks: list[Block] = []
        shift = previous = 0
        for start, end, replacement in edits:
            if not previous <= start <= end <= length:
                raise OffsetMapError(f"edit {start}:{end} overlaps, is out of order or lies outside the text")
            previous = end
            replacement_length = len(replacement)
            if start == end and replacement_length == 0:
                continue
            blocks.append((start, end, start + shift, start + shift + replacement_length))
            shift += replacement_length - (end - start)
        return cls(length, length + shift, blocks, _checked=True)

    def _check(self) -> None:
        previous_o = previous_t = 0
        for o_start, o_end, t_start, t_end in self.blocks:
            if not (previous_o <= o_start <= o_end and previous_t <= t_start <= t_end):
                raise OffsetMapError(f"blocks overlap or are out of order at {(o_start, o_end, t_start, t_end)}")
            if o_start - previous_o != t_start - previous_t:
                raise OffsetMapError(f"unequal identity stretch before block {(o_start, o_end, t_start, t_end)}")
            previous_o, previous_t = o_end, t_end
        if self.original_length - previous_o != self.text_length - previous_t or previous_o > self.original_length:
            raise OffsetMapError("the map does not end where both texts end")

    # composition ------------------------------------------------------------------

    def then(self, later: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps original -> middle, ``later`` maps middle -> final.

        Two valid maps compose to a valid one, so the result is not checked again (that was 5% of
        an import; tests check compositions of random maps against the full check instead).
        """
        if later.original_length != self.text_length:
            raise OffsetMapError("composed maps do not meet: lengths differ")
        if not later.blocks:
            return OffsetMap(self.original_length, later.text_length, self.blocks, _checked=True)
        if not self.blocks:
            return OffsetMap(self.original_length, later.text_length, later.blocks, _checked=True)
        if len(later.blocks) * _SPARSE_RATIO <= len(self.blocks):
            blocks = self._then_sparse(later)
        else:
            blocks = self._composed_blocks(later, self.blocks, later.blocks, whole=True)
        return OffsetMap(self.original_length, later.text_length, blocks, _checked=True)

    def _composed_blocks(
        self, later: OffsetMap, own: Sequence[Block], theirs: Sequence[Block], whole: bool = False
    ) -> list[Block]:
        """Compose ``own`` (blocks of self) with ``theirs`` (blocks of later) that may interact.

        With ``whole`` (every block of both maps), a block that meets no other is placed by how
        much the blocks before it changed the lengths, summed on the way, instead of by four
        bisections: the same block (a test checks it), at a fraction of the cost.
        """
        # Intervals on the middle text; the kind orders a deletion by the earlier
        # map before an insertion by the later one at the same point. (Each list is sorted
        # already: the sort merges two runs.)
        intervals = sorted(
            [(b[2], b[3], 0, b) for b in own] + [(b[0], b[1], 1, b) for b in theirs], key=itemgetter(0, 1, 2)
        )
        blocks: list[Block] = []
        own_shift = later_shift = 0  # original - middle and final - middle after the groups so far
        count = len(intervals)
        first = 0
        while first < count:
            lo, hi, kind, block = intervals[first]
            # Intervals that meet become one block.
            last = first + 1
            while last < count and hi > lo:
                next_lo, next_hi = intervals[last][0], intervals[last][1]
                if not (next_lo < hi and (next_hi > next_lo or next_lo > lo)):
                    break
                hi = max(hi, next_hi)
                last += 1
            if whole and last == first + 1:
                a, b, c, d = block
                if kind == 0:
                    blocks.append((a, b, c + later_shift, d + later_shift))
                    own_shift += (b - a) - (d - c)
                else:
                    blocks.append((a + own_shift, b + own_shift, c, d))
                    later_shift += (d - c) - (b - a)
                first = last
                continue
            blocks.append(self._compose_group(later, lo, hi, kind, block))
            for _, _, member_kind, (a, b, c, d) in intervals[first:last]:
                if member_kind == 0:
                    own_shift += (b - a) - (d - c)
                else:
                    later_shift += (d - c) - (b - a)
            first = last
        return blocks

    def _then_sparse(self, later: OffsetMap) -> list[Block]:
        """Compose with a map of few blocks: only own blocks near one of them need the full
        composition; the others keep their original side and shift on the other."""
        own = self.blocks
        blocks: list[Block] = []
        emitted = 0  # own blocks before this index are in ``blocks``
        shift = 0  # how much later's blocks so far changed the length

        def flush(until: int) -> None:
            nonlocal emitted
            if shift:
                # Shifted column by column and zipped in C: a block at a time in Python was most
                # of the cost of composing a map of ~160 blocks with one of a few.
                at = slice(emitted, until)
                moved = shift.__add__
                blocks.extend(
                    zip(
                        self._o_starts[at],
                        self._o_ends[at],
                        map(moved, self._t_starts[at]),
                        map(moved, self._t_ends[at]),
                        strict=True,
                    )
                )
            else:
                blocks.extend(own[emitted:until])
            emitted = until

        cluster: list[Block] = []
        first = last = 0
        for block in [*later.blocks, None]:
            if block is not None:
                lo, hi = block[0], block[1]
                # Own blocks that touch or overlap [lo, hi] on the middle text.
                start = bisect_left(self._t_ends, lo)
                end = bisect_right(self._t_starts, hi)
                if cluster and start < last:
                    cluster.append(block)
                    last = max(last, end)
                    continue
            if cluster:
                flush(first)
                blocks.extend(self._composed_blocks(later, own[first:last], cluster))
                emitted = max(emitted, last)
                shift += sum((c[3] - c[2]) - (c[1] - c[0]) for c in cluster)
            if block is None:
                break
            cluster, first, last = [block], max(start, emitted), max(end, start, emitted)
        flush(len(own))
        return blocks

    def _compose_group(self, later: OffsetMap, lo: int, hi: int, kind: int, block: Block) -> Block:
        if lo < hi:
            return (
                self._original_at_start(lo),
                self._original_at_end(hi),
                later._text_at_start(lo),
                later._text_at_end(hi),
            )
        if kind == 0:  # original text the earlier map deleted; it precedes any insertion here
            point = later._text_at_end(lo)
            return (block[0], block[1], point, point)
        point = self._original_at_start(lo)  # text the later map inserted
        return (point, point, block[2], block[3])

    # point mapping ----------------------------------------------------------------
    # "start" points take the block that contains them and skip deletions that end
    # at them; "end" points (exclusive) take the block that ends at or after them and
    # stop before deletions that start at them.

    def _original_at_start(self, t: int) -> int:
        i = bisect_right(self._t_starts, t) - 1
        if i >= 0 and self._t_starts[i] <= t < self._t_ends[i]:
            return self._o_starts[i]
        j = bisect_right(self._t_ends, t) - 1
        return t if j < 0 else t + self._o_ends[j] - self._t_ends[j]

    def _original_at_end(self, t: int) -> int:
        i = bisect_left(self._t_ends, t)
        if i < len(self.blocks) and self._t_starts[i] < t <= self._t_ends[i]:
            return self._o_ends[i]
        j = bisect_left(self._t_ends, t) - 1
        return t if j < 0 else t + self._o_ends[j] - self._t_ends[j]

    def _text_at_start(self, o: int) -> int:
        i = bisect_right(self._o_starts, o) - 1
        if i >= 0 and self._o_starts[i] <= o < self._o_ends[i]:
            return self._t_starts[i]
        j = bisect_right(self._o_ends, o) - 1
        return o if j < 0 else o + self._t_ends[j] - self._o_ends[j]

    def _text_at_end(self, o: int) -> int:
        i = bisect_left(self._o_ends, o)
        if i < len(self.blocks) and self._o_starts[i] < o <= self._o_ends[i]:
            return self._t_ends[i]
        j = bisect_left(self._o_ends, o) - 1
        return o if j < 0 else o + self._t_ends[j] - self._o_ends[j]

    # span mapping -----------------------------------------------------------------

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The one span of the original that a span of the derived text came from."""
        self._check_span(start, end, self.text_length)
        if start == end:
            point = self._original_at_start(start)
            return point, point
        return self._original_at_start(start), self._original_at_end(end)

    def to_original_columns(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """``to_original`` of each span ``starts[i]:ends[i]`` (the coding units of a text: hundreds per article).

        The same lookups as ``_original_at_start`` and ``_original_at_end``, made for every span at
        once on arrays: a bisection per span in Python cost more than finding the units.
        """
        if not starts:
            return [], []
        import numpy as np  # only where units are mapped: an import, never at start-up

        at_start, at_end = np.array(starts), np.array(ends)
        if not ((at_start >= 0) & (at_start <= at_end) & (at_end <= self.text_length)).all():
            for start, end in zip(starts, ends, strict=True):
                self._check_span(start, end, self.text_length)
        if not self.blocks:
            return list(starts), list(ends)
        t_starts, t_ends = np.array(self._t_starts), np.array(self._t_ends)
        o_starts, o_ends = np.array(self._o_starts), np.array(self._o_ends)
        # After the last block ending at or before a point, both texts move on together.
        shift = np.concatenate(([0], o_ends - t_ends))
        # A start inside a block takes the block's start.
        inside = np.searchsorted(t_starts, at_start, side="right") - 1
        holds = (inside >= 0) & (at_start < t_ends[inside])
        firsts = np.where(holds, o_starts[inside], at_start + shift[np.searchsorted(t_ends, at_start, side="right")])
        # An end inside a block (or at its end) takes the block's end.
        after = np.searchsorted(t_ends, at_end, side="left")
        closes = (after < len(t_ends)) & (t_starts[np.minimum(after, len(t_ends) - 1)] < at_end)
        lasts = np.where(closes, o_ends[np.minimum(after, len(t_ends) - 1)], at_end + shift[after])
        lasts = np.where(at_start < at_end, lasts, firsts)
        return firsts.tolist(), lasts.tolist()

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the derived text that covers a span of the original.

        Empty when the whole span was removed (boilerplate, a repeated title).
        """
        self._check_span(start, end, self.original_length)
        if start == end:
            point = self._text_at_start(start)
            return point, point
        t_start, t_end = self._text_at_start(start), self._text_at_end(end)
        return t_start, max(t_start, t_end)

    @staticmethod
    def _check_span(start: int, end: int, length: int) -> None:
        if not 0 <= start <= end <= length:
            raise OffsetMapError(f"span {start}:{end} is outside a text of length {length}")

    def removed_ranges(self) -> list[tuple[int, int]]:
        """Stretches of the original with nothing in the derived text (boilerplate, repeated titles)."""
        return [(b[0], b[1]) for b in self.blocks if b[2] == b[3] and b[1] > b[0]]

    # storage ------------------------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        flat = list(chain.from_iterable(self.blocks))
        return {"original_length": self.original_length, "text_length": self.text_length, "blocks": flat}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> OffsetMap:
        flat = list(data["blocks"])  # type: ignore[call-overload]
        if len(flat) % 4:
            raise OffsetMapError("stored block list is not a multiple of four")
        # The stored list's four strides are the map's four columns: taken as they are, not made
        # into blocks and transposed back (a third of reading a map, which a restore does per article).
        columns = flat[0::4], flat[1::4], flat[2::4], flat[3::4]
        blocks = tuple(zip(*columns, strict=True))
        return cls(int(data["original_length"]), int(data["text_length"]), blocks, _columns=columns)  # type: ignore[call-overload]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and (self.original_length, self.text_length, self.blocks) == (
            other.original_length,
            other.text_length,
            other.blocks,
        )

    def __hash__(self) -> int:
        return hash((self.original_length, self.text_length, self.blocks))

    def __repr__(self) -> str:
        return f"OffsetMap({self.original_length}, {self.text_length}, {list(self.blocks)!r})"


class Utf16Index:
    """Converts between code point offsets and UTF-16 offsets of one text.

    The only place in the project that knows Qt counts UTF-16 units.
    """

    __slots__ = ("_astral", "_astral_ends")

    def __init__(self, text: str) -> None:
        astral = [match.start() for match in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral = astral
        # UTF-16 offset just after each astral character (two units wide).
        self._astral_ends = [cp + k + 2 for k, cp in enumerate(astral)]

    def to_utf16(self, codepoint: int) -> int:
        return codepoint + bisect_left(self._astral, codepoint)

    def to_codepoint(self, utf16: int, *, round_up: bool = False) -> int:
        """The code point at a UTF-16 offset; one inside a surrogate pair rounds down unless ``round_up``."""
        whole = bisect_right(self._astral_ends, utf16)
        codepoint = utf16 - whole
        inside_pair = whole < len(self._astral) and self._astral_ends[whole] - 1 == utf16
        if inside_pair and not round_up:
            codepoint -= 1
        return codepoint
