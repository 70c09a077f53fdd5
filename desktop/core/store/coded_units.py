"""What learning reads: which articles an analyst marked done, their units' texts, and the analyst's
spans over them; and a read-only connection for the worker process that trains."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from desktop.core.codebook import Codebook
from desktop.core.store.categories import codebook_of
from desktop.core.store.connection import Database
from desktop.core.store.database import reading_connection

# Ids per IN (...) list: far below SQLite's limit on parameters.
CHUNK = 500


class CodedUnits:
    def __init__(self, db: Database) -> None:
        self.db = db

    def done_articles(self, analyst: str) -> list[int]:
        """The articles the analyst marked done; when the analyst never gave a status of their own (a
        database from before analysts, or one imported), the articles marked done holding their spans."""
        rows = self.db.execute(
            "select article_id from analyst_status where annotator = ? and status = 'done' order by article_id",
            [analyst],
        ).fetchall()
        if rows:
            return [int(row[0]) for row in rows]
        if self.db.execute("select 1 from analyst_status where annotator = ? limit 1", [analyst]).fetchone():
            return []
        rows = self.db.execute(
            "select a.id from articles a where a.status = 'done'"
            " and exists (select 1 from spans s where s.article_id = a.id and s.annotator = ?) order by a.id",
            [analyst],
        ).fetchall()
        return [int(row[0]) for row in rows]

    def analysts_with_done(self) -> list[str]:
        """Analysts who marked an article done, or whose spans lie in articles marked done."""
        rows = self.db.execute(
            "select distinct annotator from analyst_status where status = 'done'"
            " union select distinct s.annotator from spans s join articles a on a.id = s.article_id"
            " where a.status = 'done' and s.annotator != '' order by 1"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def other_articles(self, excluded: set[int], limit: int) -> list[int]:
        """Up to ``limit`` article ids not in ``excluded``, in id order."""
        found: list[int] = []
        for (article_id,) in self.db.execute("select id from articles order by id"):
            if article_id not in excluded:
                found.append(int(article_id))
                if len(found) >= limit:
                    break
        return found

    def unit_texts(self, article_ids: Sequence[int]) -> Iterator[tuple[int, int, int, str]]:
        """(article, start, end, Simplified text) of every unit of these articles, in article and text order."""
        for article_id in article_ids:
            yield from self.db.execute(
                "select u.article_id, u.start, u.end, substr(a.text, u.start + 1, u.end - u.start)"
                " from units u join articles a on a.id = u.article_id where u.article_id = ? order by u.start",
                [article_id],
            )

    def spans(self, analyst: str, article_ids: Sequence[int]) -> Iterator[tuple[int, int, int, str]]:
        """(article, start, end, code) of the analyst's own spans in these articles."""
        for begin in range(0, len(article_ids), CHUNK):
            chunk = article_ids[begin : begin + CHUNK]
            marks = ", ".join("?" * len(chunk))
            yield from self.db.execute(
                "select article_id, start, end, category_id from spans"
                f" where annotator = ? and article_id in ({marks})",
                [analyst, *chunk],
            )

    def codebook(self) -> Codebook:
        return codebook_of(self.db)


def reading(path: str) -> CodedUnits:
    """The coded units of a database file, through a connection of its own that only reads (the worker's)."""
    return CodedUnits(reading_connection(path))
