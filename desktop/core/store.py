"""The local database: the only code that speaks SQL.

Every write runs in ``db.atomic()``; the database is opened in WAL mode with full
synchronisation so that a change reported as saved survives a crash or power cut.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.core.models import Article, ArticleSummary, Category, Flag, FlagKind, Span, Status
from desktop.core.offsets import OffsetMap
from desktop.core.resources import resource_path
from desktop.core.schema import MIGRATION_SET, migrations
from desktop.core.store_errors import SpanMismatch, StoreError
from desktop.core.store_exchange import ExchangeQueries, insert_flags

__all__ = ["NewArticle", "SpanMismatch", "Store", "StoreError"]

BUSY_TIMEOUT_MS = 3000


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class NewArticle:
    title: str
    original_text: str
    text: str
    offset_map: OffsetMap
    sha256: str
    text_sha256: str
    encoding: str
    converter: str
    converter_version: str
    pipeline_version: int
    rules: tuple[str, ...]
    source_path: str
    flags: tuple[Flag, ...]


def _known_migrations() -> list[str]:
    return [migration.name for migration in migrations.pending(Database(memory=True))]


def _check_openable(conn: sqlite3.Connection, path: str) -> None:
    """Refuse, without writing anything, a file that is not ours or is newer than this program."""
    try:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as error:
        message = str(error)
        if "locked" in message:
            raise StoreError(f"{path}: the database is locked by another program; close it and try again") from None
        raise StoreError(f"{path}: not a Policy Annotator database, or the file is damaged ({message})") from None
    if not tables:
        return
    if "_sqlite_migrations" not in tables or "articles" not in tables:
        raise StoreError(f"{path}: an SQLite database of another program (no Policy Annotator tables)")
    applied = {
        row[0] for row in conn.execute("select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET])
    }
    unknown = applied - set(_known_migrations())
    if unknown:
        raise StoreError(
            f"{path}: written by a newer version of Policy Annotator (schema {', '.join(sorted(unknown))}); "
            "update the program to open it"
        )


class Store(ExchangeQueries):
    """Articles, categories, flags and spans in one SQLite file."""

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        self.path = path

    # opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        path_text = str(path)
        if path_text != ":memory:":
            target = Path(path_text)
            if target.is_dir():
                raise StoreError(f"{path_text}: is a folder, not a database file")
            if not target.parent.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path_text, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"{path_text}: cannot open ({error})") from None
        try:
            _check_openable(conn, path_text)
            db = Database(conn)
            db.execute("pragma foreign_keys = on")
            if path_text != ":memory:":
                db.execute("pragma journal_mode = wal")
                db.execute("pragma synchronous = full")
            migrations.apply(db)
            store = cls(db, path_text)
            store._ensure_default_categories()
        except StoreError:
            conn.close()
            raise
        except sqlite3.DatabaseError as error:
            conn.close()
            message = str(error)
            if "locked" in message or "busy" in message:
                raise StoreError(
                    f"{path_text}: the database is locked by another program; close it and try again"
                ) from None
            raise StoreError(f"{path_text}: cannot use the database ({message})") from None
        return store

    @classmethod
    def in_memory(cls) -> Store:
        return cls.open(":memory:")

    def close(self) -> None:
        self.db.close()

    def transaction(self) -> AbstractContextManager[Database]:
        """Several writes as one: all of them or none (nests)."""
        return self.db.atomic()

    def _ensure_default_categories(self) -> None:
        if self.db["categories"].count:  # type: ignore[union-attr]
            return
        defaults = json.loads(resource_path("default_categories.json").read_text(encoding="utf-8"))
        with self.db.atomic():
            for position, category in enumerate(defaults):
                self.db["categories"].insert({**category, "position": position})  # type: ignore[union-attr]

    # articles -------------------------------------------------------------------------

    def article_id_for_hash(self, sha256: str) -> int | None:
        row = self.db.execute("select id from articles where sha256 = ?", [sha256]).fetchone()
        return None if row is None else int(row[0])

    def add_articles(self, articles: Sequence[NewArticle]) -> list[int]:
        """Insert articles with their flags, all or none."""
        ids: list[int] = []
        imported_at = now()
        with self.db.atomic():
            for article in articles:
                cursor = self.db.execute(
                    "insert into articles (title, original_text, text, offset_map, sha256, text_sha256, encoding,"
                    " converter, converter_version, pipeline_version, rules, source_path, imported_at, status)"
                    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        article.title,
                        article.original_text,
                        article.text,
                        json.dumps(article.offset_map.to_json(), separators=(",", ":")),
                        article.sha256,
                        article.text_sha256,
                        article.encoding,
                        article.converter,
                        article.converter_version,
                        article.pipeline_version,
                        json.dumps(list(article.rules)),
                        article.source_path,
                        imported_at,
                        Status.TODO.value,
                    ],
                )
                article_id = int(cursor.lastrowid or 0)
                ids.append(article_id)
                if article.flags:
                    insert_flags(self.db, article_id, article.flags)
        return ids

    def article_count(self, status: Status | None = None) -> int:
        """From the counts the triggers keep (schema m003), not by counting rows."""
        if status is None:
            row = self.db.execute("select coalesce(sum(n), 0) from article_counts").fetchone()
        else:
            row = self.db.execute(
                "select coalesce(max(n), 0) from article_counts where status = ?", [status.value]
            ).fetchone()
        return int(row[0])

    def progress(self) -> tuple[int, int]:
        """(done, total)."""
        return self.article_count(Status.DONE), self.article_count()

    def article(self, article_id: int) -> Article:
        row = self.db.execute(
            "select id, title, original_text, text, source_path, status, sha256, encoding, converter,"
            " converter_version, pipeline_version, rules, imported_at from articles where id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return Article(
            id=row[0],
            title=row[1],
            original_text=row[2],
            text=row[3],
            source_path=row[4] or "",
            status=Status(row[5]),
            sha256=row[6],
            encoding=row[7] or "",
            converter=row[8] or "",
            converter_version=row[9] or "",
            pipeline_version=int(row[10] or 0),
            rules=tuple(json.loads(row[11] or "[]")),
            imported_at=row[12] or "",
            flags=tuple(self.flags(article_id)),
        )

    def offset_map(self, article_id: int) -> OffsetMap:
        row = self.db.execute("select offset_map from articles where id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return OffsetMap.from_json(json.loads(row[0]))

    def flags(self, article_id: int) -> list[Flag]:
        rows = self.db.execute(
            "select kind, original_start, original_end, excerpt, start, end from flags"
            " where article_id = ? order by original_start, id",
            [article_id],
        ).fetchall()
        return [Flag(FlagKind(r[0]), r[1], r[2], r[3] or "", r[4], r[5]) for r in rows]

    def status_of(self, article_id: int) -> Status:
        row = self.db.execute("select status from articles where id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return Status(row[0])

    def replace_processing(self, article_id: int, fresh: NewArticle, spans: Sequence[Span]) -> None:
        """Store a recomputed Simplified text, its map and flags, and the re-mapped spans, all or none."""
        with self.db.atomic():
            self.db.execute(
                "update articles set text = ?, offset_map = ?, text_sha256 = ?, converter = ?, converter_version = ?,"
                " pipeline_version = ?, rules = ? where id = ?",
                [
                    fresh.text,
                    json.dumps(fresh.offset_map.to_json(), separators=(",", ":")),
                    fresh.text_sha256,
                    fresh.converter,
                    fresh.converter_version,
                    fresh.pipeline_version,
                    json.dumps(list(fresh.rules)),
                    article_id,
                ],
            )
            self.db.execute("delete from flags where article_id = ?", [article_id])
            insert_flags(self.db, article_id, fresh.flags)
            for span in spans:
                self._check_quotes(span)
                self.db.execute(
                    "update spans set start = ?, end = ?, text = ?, original_start = ?, original_end = ?,"
                    " original_text = ? where id = ?",
                    [
                        span.start,
                        span.end,
                        span.text,
                        span.original_start,
                        span.original_end,
                        span.original_text,
                        span.id,
                    ],
                )

    def set_status(self, article_id: int, status: Status) -> None:
        with self.db.atomic():
            self.db.execute("update articles set status = ? where id = ?", [status.value, article_id])

    def article_ids(self) -> list[int]:
        return [int(row[0]) for row in self.db.execute("select id from articles order by id")]

    def article_summaries(
        self, offset: int = 0, limit: int = 200, status: Status | None = None, contains: str = ""
    ) -> list[ArticleSummary]:
        where, params = self._summary_filter(status, contains)
        rows = self.db.execute(
            "select a.id, a.title, a.status,"
            " (select count(*) from spans s where s.article_id = a.id),"
            " (select count(*) from flags f where f.article_id = a.id)"
            f" from articles a {where} order by a.id limit ? offset ?",
            [*params, limit, offset],
        ).fetchall()
        return [ArticleSummary(r[0], r[1], Status(r[2]), r[3], r[4]) for r in rows]

    def summary_row(self, article_id: int, status: Status | None = None, contains: str = "") -> int:
        """The row an article has in ``article_summaries`` under a filter, or -1."""
        where, params = self._summary_filter(status, contains)
        joined = f"{where} and" if where else "where"
        row = self.db.execute(
            f"select (select count(*) from articles a {joined} a.id < ?),"
            f" exists (select 1 from articles a {joined} a.id = ?)",
            [*params, article_id, *params, article_id],
        ).fetchone()
        return int(row[0]) if row[1] else -1

    def summary_count(self, status: Status | None = None, contains: str = "") -> int:
        if not contains:
            return self.article_count(status)
        where, params = self._summary_filter(status, contains)
        return int(self.db.execute(f"select count(*) from articles a {where}", params).fetchone()[0])

    @staticmethod
    def _summary_filter(status: Status | None, contains: str) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status is not None:
            clauses.append("a.status = ?")
            params.append(status.value)
        if contains:
            # instr() counts characters, so short Chinese queries work without an FTS index.
            clauses.append("(instr(a.title, ?) > 0 or instr(a.text, ?) > 0 or instr(a.original_text, ?) > 0)")
            params.extend([contains, contains, contains])
        return ("where " + " and ".join(clauses)) if clauses else "", params

    # categories -----------------------------------------------------------------------

    def categories(self) -> list[Category]:
        rows = self.db.execute(
            "select id, label_zh, label_en, colour, shortcut, position from categories order by position, id"
        ).fetchall()
        return [Category(r[0], r[1], r[2], r[3], r[4] or "", r[5] or 0) for r in rows]

    def add_category(
        self, category_id: str, label_zh: str = "", label_en: str = "", colour: str = "#b0b0b0"
    ) -> Category:
        with self.db.atomic():
            position = int(self.db.execute("select coalesce(max(position), -1) + 1 from categories").fetchone()[0])
            self.db.execute(
                "insert into categories (id, label_zh, label_en, colour, shortcut, position)"
                " values (?, ?, ?, ?, '', ?)",
                [category_id, label_zh or category_id, label_en or category_id, colour, position],
            )
        return Category(category_id, label_zh or category_id, label_en or category_id, colour, "", position)

    # spans ----------------------------------------------------------------------------

    _SPAN_COLUMNS = (
        "id, article_id, category_id, start, end, text, original_start, original_end, original_text,"
        " note, annotator, created_at, updated_at"
    )

    def spans(self, article_id: int) -> list[Span]:
        rows = self.db.execute(
            f"select {self._SPAN_COLUMNS} from spans where article_id = ? order by start, end, id", [article_id]
        ).fetchall()
        return [Span._make(row) for row in rows]

    def span(self, span_id: int) -> Span:
        row = self.db.execute(f"select {self._SPAN_COLUMNS} from spans where id = ?", [span_id]).fetchone()
        if row is None:
            raise StoreError(f"no span {span_id}")
        return Span(*row)

    def _check_quotes(self, span: Span) -> None:
        row = self.db.execute(
            "select substr(text, ? + 1, ?), substr(original_text, ? + 1, ?), length(text), length(original_text)"
            " from articles where id = ?",
            [
                span.start,
                span.end - span.start,
                span.original_start,
                span.original_end - span.original_start,
                span.article_id,
            ],
        ).fetchone()
        if row is None:
            raise SpanMismatch(f"no article {span.article_id}")
        text_ok = 0 <= span.start < span.end <= row[2] and row[0] == span.text
        original_ok = 0 <= span.original_start <= span.original_end <= row[3] and row[1] == span.original_text
        if not (text_ok and original_ok):
            raise SpanMismatch(
                f"span {span.start}:{span.end} of article {span.article_id} does not quote the article text"
            )

    def insert_span(self, span: Span) -> Span:
        """Store a span (with its id when it is being restored) after checking both quotes."""
        self._check_quotes(span)
        stamp = now()
        stored = span._replace(created_at=span.created_at or stamp, updated_at=span.updated_at or stamp)
        values = [
            stored.article_id,
            stored.category_id,
            stored.start,
            stored.end,
            stored.text,
            stored.original_start,
            stored.original_end,
            stored.original_text,
            stored.note,
            stored.annotator,
            stored.created_at,
            stored.updated_at,
        ]
        with self.db.atomic():
            if stored.id is None:
                cursor = self.db.execute(
                    "insert into spans (article_id, category_id, start, end, text, original_start, original_end,"
                    " original_text, note, annotator, created_at, updated_at)"
                    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
                stored = stored._replace(id=int(cursor.lastrowid or 0))
            else:
                self.db.execute(
                    "insert into spans (id, article_id, category_id, start, end, text, original_start, original_end,"
                    " original_text, note, annotator, created_at, updated_at)"
                    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [stored.id, *values],
                )
        return stored

    def insert_spans(self, spans: Iterable[Span]) -> int:
        """Insert many new spans in one transaction; every quote is checked first."""
        count = 0
        with self.db.atomic():
            for span in spans:
                self.insert_span(span._replace(id=None))
                count += 1
        return count

    def delete_span(self, span_id: int) -> Span:
        span = self.span(span_id)
        with self.db.atomic():
            self.db.execute("delete from spans where id = ?", [span_id])
        return span

    def update_span(self, span_id: int, *, category_id: str | None = None, note: str | None = None) -> Span:
        span = self.span(span_id)
        changed = span._replace(
            category_id=span.category_id if category_id is None else category_id,
            note=span.note if note is None else note,
            updated_at=now(),
        )
        with self.db.atomic():
            self.db.execute(
                "update spans set category_id = ?, note = ?, updated_at = ? where id = ?",
                [changed.category_id, changed.note, changed.updated_at, span_id],
            )
        return changed

    def span_exists(self, article_id: int, start: int, end: int, category_id: str, annotator: str) -> bool:
        row = self.db.execute(
            "select 1 from spans where article_id = ? and start = ? and end = ? and category_id = ? and annotator = ?",
            [article_id, start, end, category_id, annotator],
        ).fetchone()
        return row is not None

    # reading out ------------------------------------------------------------------------

    def iter_articles(self) -> Iterator[Article]:
        for article_id in self.article_ids():
            yield self.article(article_id)

    def stats(self) -> dict[str, dict[str, int]]:
        def counted(sql: str) -> dict[str, int]:
            return {str(key): int(count) for key, count in self.db.execute(sql).fetchall()}

        by_status = {status.value: 0 for status in Status}
        by_status.update(counted("select status, count(*) from articles group by status"))
        by_category = {category.id: 0 for category in self.categories()}
        by_category.update(counted("select category_id, count(*) from spans group by category_id"))
        by_flag = {kind.value: 0 for kind in FlagKind}
        by_flag.update(counted("select kind, count(*) from flags group by kind"))
        return {"articles": by_status, "spans": by_category, "flags": by_flag}
