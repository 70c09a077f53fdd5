"""What agreement reads: the lengths, coding units and analysts' spans of a set of articles, in few queries."""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop.core.store.connection import Database
from desktop.core.store.queries import temporary_ids


class CodingQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def coded_by(self, analysts: Sequence[str]) -> list[int]:
        """The articles where any of these analysts has a span: the set when no sample is named."""
        marks = ", ".join("?" * len(analysts))
        rows = self.db.execute(
            f"select distinct article_id from spans where annotator in ({marks}) order by article_id", list(analysts)
        )
        return [row[0] for row in rows]

    def done_by(self, article_ids: Sequence[int], analysts: Sequence[str]) -> dict[str, set[int]]:
        """Analyst -> the articles of the set they marked done (a span there counts as coded too: the
        caller adds those from the spans it reads)."""
        wanted = set(article_ids)
        marks = ", ".join("?" * len(analysts))
        found: dict[str, set[int]] = {name: set() for name in analysts}
        for annotator, article_id in self.db.execute(
            f"select annotator, article_id from analyst_status where status = 'done' and annotator in ({marks})",
            list(analysts),
        ):
            if article_id in wanted:
                found[annotator].add(int(article_id))
        return found

    def read(
        self, article_ids: Sequence[int], analysts: Sequence[str]
    ) -> tuple[dict[int, int], dict[int, tuple[list[int], list[int]]], list[tuple[int, str, int, int, str, int]]]:
        """(lengths, units, spans) of these articles: units as (starts, ends) in text order, spans as
        (article, code, start, end, analyst, id)."""
        table = temporary_ids(self.db, "coding_ids", article_ids)
        lengths = dict(
            self.db.execute(f"select a.id, length(a.text) from {table} t join articles a on a.id = t.id").fetchall()
        )
        # One row per article, the offsets joined in SQL: reading a row per unit cost most of the report.
        # SQLite 3.40 has no ORDER BY inside group_concat: rows come ordered, and are checked.
        units: dict[int, tuple[list[int], list[int]]] = {}
        for article_id, starts_text, ends_text in self.db.execute(
            # CROSS JOIN keeps the set of articles outside: each article's units are one seek of the
            # table's key, in key order; left to itself the planner scanned every unit (twice the time).
            f"select t.id, group_concat(u.start), group_concat(u.end) from {table} t"
            " cross join units u on u.article_id = t.id group by t.id"
        ):
            # json reads a list of numbers in C: int() on each of half a million strings cost a tenth of a second.
            starts, ends = json.loads(f"[[{starts_text}],[{ends_text}]]")
            if starts != sorted(starts):
                pairs = sorted(zip(starts, ends, strict=True))
                starts, ends = [a for a, _ in pairs], [b for _, b in pairs]
            units[article_id] = (starts, ends)
        marks = ", ".join("?" * len(analysts))
        spans = self.db.execute(
            f"select s.article_id, s.category_id, s.start, s.end, s.annotator, s.id from {table} t"
            f" join spans s on s.article_id = t.id where s.annotator in ({marks})",
            list(analysts),
        ).fetchall()
        return lengths, units, spans
