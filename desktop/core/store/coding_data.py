"""What agreement reads: the lengths, coding units and analysts' spans of a set of articles, in few queries."""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop.core.store.connection import Database


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
        (article, code, start, end, analyst, id) in no set order (the measures sort what they need)."""
        # The set travels as one JSON array: SQLite reads it with json_each, so no table of ids is
        # written, and a read-only database serves as well.
        listed = json.dumps(list(article_ids))
        in_set = "in (select value from json_each(?))"
        lengths = dict(self.db.execute(f"select id, length(text) from articles where id {in_set}", [listed]).fetchall())
        # Units and spans come back as a few JSON arrays, which json reads in C: a row per unit or
        # span, and int() on each offset, cost most of the report. Each article's units are one seek
        # of the table's key, in key order (SQLite 3.40 has no ORDER BY inside an aggregate: the order
        # is checked).
        (units_json,) = self.db.execute(
            "select json_group_array(json_array(a, json(s), json(e))) from (select u.article_id a,"
            " json_group_array(u.start) s, json_group_array(u.end) e from units u"
            f" where u.article_id {in_set} group by u.article_id)",
            [listed],
        ).fetchone()
        units: dict[int, tuple[list[int], list[int]]] = {}
        for article_id, starts, ends in json.loads(units_json):
            if starts != sorted(starts):
                pairs = sorted(zip(starts, ends, strict=True))
                starts, ends = [a for a, _ in pairs], [b for _, b in pairs]
            units[article_id] = (starts, ends)
        marks = ", ".join("?" * len(analysts))
        columns = self.db.execute(
            "select json_group_array(article_id), json_group_array(category_id), json_group_array(start),"
            " json_group_array(end), json_group_array(annotator), json_group_array(id)"
            f" from spans where annotator in ({marks}) and article_id {in_set}",
            [*analysts, listed],
        ).fetchone()
        spans = list(zip(*map(json.loads, columns), strict=True))
        return lengths, units, spans
