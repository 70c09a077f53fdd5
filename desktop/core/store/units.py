"""Coding units as stored: worked out once per Simplified text, found by offset for spans."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat

from desktop.core.offsets import OffsetMap
from desktop.core.store.connection import Database
from desktop.core.units import PlacedUnit, UnitColumns, unit_columns


def unit_id(alias: str = "u") -> str:
    """A unit's id, ``article-chapter-clause-sentence`` (units.Unit.label), worked out in SQL from the
    unit's numbers: stored, it was a third of storing the units (even as a generated column)."""
    return f"({alias}.article_id || '-' || {alias}.chapter || '-' || {alias}.clause || '-' || {alias}.sentence)"


# The units ``u`` a span ``s`` falls in: the one it starts in (the last one starting at or before
# it) and every later one starting before its end, overlapping the span. Two index seeks per span.
SPAN_IN_UNIT = (
    "u.article_id = s.article_id and u.start < s.end and u.end > s.start and u.start >= coalesce("
    "(select max(w.start) from units w where w.article_id = s.article_id and w.start <= s.start), 0)"
)
# The ids of those units, space-separated (an export column).
UNITS_OF_SPAN = f"(select group_concat({unit_id()}, ' ') from units u where {SPAN_IN_UNIT})"


def insert_units(
    db: Database, article_id: int, text: str, offset_map: OffsetMap | None, units: UnitColumns | None = None
) -> None:
    """(Re)write the units of one article (``units`` when an import prepared them, else from its
    text and ``offset_map``)."""
    db.execute("delete from units where article_id = ?", [article_id])
    if units is None:
        if offset_map is None:
            raise ValueError("the units of an article need its offset map when they were not prepared")
        units = unit_columns(text, offset_map)
    # Rows zipped from the columns in C: ~180 units per article, no line of Python per unit.
    db.conn.executemany(
        "insert into units (article_id, start, end, original_start, original_end, chapter, clause, sentence)"
        " values (?, ?, ?, ?, ?, ?, ?, ?)",
        zip(repeat(article_id), *units, strict=False),  # (repeat has no end)
    )


class UnitTable:
    def __init__(self, db: Database) -> None:
        self.db = db

    def of_article(self, article_id: int) -> list[PlacedUnit]:
        return [
            PlacedUnit(*row)
            for row in self.db.execute(
                f"select {unit_id()}, u.start, u.end, u.original_start, u.original_end from units u"
                " where u.article_id = ? order by u.start",
                [article_id],
            )
        ]

    def rows(self, article_id: int | None = None) -> Iterator[tuple[int, str, int, int, int, int, str]]:
        """(article id, unit id, start, end, original start, original end, text), streamed in text order."""
        condition = "where u.article_id = ?" if article_id is not None else ""
        yield from self.db.conn.execute(
            f"select u.article_id, {unit_id()}, u.start, u.end, u.original_start, u.original_end,"
            " substr(a.text, u.start + 1, u.end - u.start) from units u join articles a on a.id = u.article_id"
            f" {condition} order by u.article_id, u.start",
            [] if article_id is None else [article_id],
        )
