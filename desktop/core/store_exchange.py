"""The store's queries for exchange: streamed export rows, finding and restoring articles.

Part of the store layer (the only code that speaks SQL); kept apart to keep store.py small.
Mixed into Store, whose ``db`` it uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from desktop.core.models import Flag
from desktop.core.pipeline import sha256
from desktop.core.span_filter import SpanFilter, formula_guard
from desktop.core.store_errors import StoreError


def insert_flags(db: Database, article_id: int, flags: Sequence[Flag]) -> None:
    db.conn.executemany(
        "insert into flags (article_id, kind, original_start, original_end, start, end, excerpt)"
        " values (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, f.kind.value, f.original_start, f.original_end, f.start, f.end, f.excerpt) for f in flags],
    )


class ExchangeQueries:
    db: Database

    def export_rows(
        self,
        article_id: int | None = None,
        filters: SpanFilter | None = None,
        *,
        guard_formulas: bool = False,
        with_article_fields: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        """Spans with their article and category in the CSV column order, streamed in article and offset order.

        ``guard_formulas`` applies csv_cells.neutralise to every text cell inside SQLite, so a million
        rows pass through Python untouched; ``with_article_fields`` appends the article's status,
        sha256, encoding, converter, converter version, pipeline version and import time.
        """
        clauses, params = (filters or SpanFilter()).where()
        if article_id is not None:
            clauses.append("s.article_id = ?")
            params.append(article_id)
        where = ("where " + " and ".join(clauses)) if clauses else ""

        def cell(column: str) -> str:
            return formula_guard(column) if guard_formulas else column

        columns = [
            "s.id",
            "s.article_id",
            cell("a.title"),
            cell("a.source_path"),
            cell("s.category_id"),
            cell("c.label_zh"),
            "s.start",
            "s.end",
            cell("s.text"),
            "s.original_start",
            "s.original_end",
            cell("s.original_text"),
            cell("s.note"),
            cell("s.annotator"),
            cell("s.created_at"),
            cell("s.updated_at"),
        ]
        if with_article_fields:
            columns += [
                "a.status",
                "a.sha256",
                cell("a.encoding"),
                cell("a.converter"),
                cell("a.converter_version"),
                "a.pipeline_version",
                cell("a.imported_at"),
            ]
        cursor = self.db.conn.execute(
            f"select {', '.join(columns)}"
            " from spans s join articles a on a.id = s.article_id left join categories c on c.id = s.category_id"
            f" {where} order by s.article_id, s.start, s.end, s.id",
            params,
        )
        yield from cursor

    def article_text(self, article_id: int) -> str:
        row = self.db.execute("select text from articles where id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return str(row[0])

    def article_ids_matching(self, filters: SpanFilter) -> list[int]:
        """Articles an export covers: the filters on articles, and at least one span when spans are filtered."""
        clauses, params = filters.article_where()
        span_clauses, span_params = filters.span_where()
        if span_clauses:
            clauses.append(f"exists (select 1 from spans s where s.article_id = a.id and {' and '.join(span_clauses)})")
            params.extend(span_params)
        where = ("where " + " and ".join(clauses)) if clauses else ""
        return [int(row[0]) for row in self.db.execute(f"select a.id from articles a {where} order by a.id", params)]

    def find_article(self, text: str) -> tuple[int, str] | None:
        """The article whose Simplified ("text") or original ("original") text is exactly ``text``."""
        digest = sha256(text)
        row = self.db.execute("select id from articles where text_sha256 = ? order by id limit 1", [digest]).fetchone()
        if row is not None:
            return int(row[0]), "text"
        row = self.db.execute("select id from articles where sha256 = ?", [digest]).fetchone()
        return (int(row[0]), "original") if row is not None else None

    def article_ids_titled(self, title: str) -> list[int]:
        return [int(row[0]) for row in self.db.execute("select id from articles where title = ? order by id", [title])]

    def article_record(self, article_id: int) -> dict[str, Any]:
        """Every stored field of an article, for the lossless JSONL."""
        cursor = self.db.execute("select * from articles where id = ?", [article_id])
        row = cursor.fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return dict(zip([column[0] for column in cursor.description], row, strict=True))

    def restore_article(self, record: dict[str, Any], flags: Sequence[Flag]) -> int:
        """Insert an article exactly as another database had it; keeps its id when that id is free."""
        columns = [
            "title",
            "original_text",
            "text",
            "offset_map",
            "sha256",
            "text_sha256",
            "encoding",
            "converter",
            "converter_version",
            "pipeline_version",
            "rules",
            "source_path",
            "imported_at",
            "status",
        ]
        values = [record[column] for column in columns]
        wanted: int | None = record.get("id")
        with self.db.atomic():
            if wanted is not None and self.db.execute("select 1 from articles where id = ?", [wanted]).fetchone():
                wanted = None
            if wanted is not None:
                columns, values = ["id", *columns], [wanted, *values]
            cursor = self.db.execute(
                f"insert into articles ({', '.join(columns)}) values ({', '.join('?' * len(columns))})", values
            )
            article_id = wanted if wanted is not None else int(cursor.lastrowid or 0)
            insert_flags(self.db, article_id, flags)
        return article_id

    def span_id_free(self, span_id: int) -> bool:
        return self.db.execute("select 1 from spans where id = ?", [span_id]).fetchone() is None
