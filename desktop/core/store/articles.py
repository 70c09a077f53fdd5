"""Articles: both texts, the map between them, flags, status, and what the import recorded."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from desktop.core.models import Article, Flag, FlagKind, NewArticle, Script, Span, Status
from desktop.core.offsets import OffsetMap
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction, now
from desktop.core.store.errors import Conflict, StoreError
from desktop.core.store.metadata import fill_stated, restore_values
from desktop.core.store.search_index import index_article, index_articles, reindex_article
from desktop.core.store.spans import check_quotes
from desktop.core.store.units import insert_units
from desktop.core.units import UnitColumns

# Every stored column of an article but its id, in the order inserts name them.
ARTICLE_COLUMNS = (
    "title",
    "original_title",
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
    "note",
)


def map_json(offset_map: OffsetMap) -> str:
    """The map as the articles table stores it (an import's workers write it the same way)."""
    return json.dumps(offset_map.to_json(), separators=(",", ":"))


# A flag as it is stored: (kind, original start, original end, start, end, excerpt).
FlagRow = tuple[str, int, int, int, int, str]


def _flag_rows(flags: Sequence[Flag]) -> list[FlagRow]:
    return [(f.kind.value, f.original_start, f.original_end, f.start, f.end, f.excerpt) for f in flags]


def _insert_flags(db: Database, article_id: int, rows: Sequence[FlagRow]) -> None:
    db.conn.executemany(
        "insert into flags (article_id, kind, original_start, original_end, start, end, excerpt)"
        " values (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, *row) for row in rows],
    )


class ArticleTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    # adding -----------------------------------------------------------------------------

    def add(self, articles: Sequence[NewArticle]) -> list[int]:
        """Insert articles with their flags, all or none."""
        ids: list[int] = []
        imported_at = now()
        indexed: list[tuple[int, str, str, str]] = []
        with self._write():
            for article in articles:
                article_id = self._insert(
                    {
                        "title": article.title,
                        "original_title": article.original_title,
                        "original_text": article.original_text,
                        "text": article.text,
                        "offset_map": article.map_json or map_json(article.mapped()),
                        "sha256": article.sha256,
                        "text_sha256": article.text_sha256,
                        "encoding": article.encoding,
                        "converter": article.converter,
                        "converter_version": article.converter_version,
                        "pipeline_version": article.pipeline_version,
                        "rules": json.dumps(list(article.rules)),
                        "source_path": article.source_path,
                        "imported_at": imported_at,
                        "status": Status.TODO.value,
                        "note": "",
                    }
                )
                ids.append(article_id)
                if article.flags:
                    _insert_flags(self.db, article_id, _flag_rows(article.flags))
                # (the map is read only for units that were not prepared)
                offset_map = article.mapped() if article.units is None else None
                insert_units(self.db, article_id, article.text, offset_map, article.units)
                fill_stated(self.db, article_id, article.metadata)
                indexed.append((article_id, article.title, article.text, article.index_terms))
            # Last, and all together. Indexed between the other rows, each article made the next
            # article's insert cost ~30 times as much (0.45 against 0.015 ms, measured): FTS5 wrote
            # out its pending terms as a small segment each time another statement ran, and then
            # merged those segments.
            index_articles(self.db, indexed)
        return ids

    def _insert(self, values: dict[str, Any]) -> int:
        columns = [name for name in ("id", *ARTICLE_COLUMNS) if name in values]
        cursor = self.db.execute(
            f"insert into articles ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
            [values[name] for name in columns],
        )
        return int(values.get("id") or cursor.lastrowid or 0)

    def restore(
        self,
        record: dict[str, Any],
        flags: Sequence[FlagRow],
        units: UnitColumns | None = None,
        terms: str = "",
        index: bool = True,
    ) -> int:
        """Insert an article exactly as another database had it; keeps its id when that id is free.

        ``units`` and ``terms``: its coding units and search-index terms when a worker prepared them.
        Without ``index`` the caller adds it to the search index (``SearchIndex.add``) in the same
        transaction, after the other rows: see ``add``.
        """
        values = {name: record[name] for name in ARTICLE_COLUMNS if name not in ("original_title", "note")}
        values["original_title"] = record.get("original_title") or record["title"]
        values["note"] = record.get("note") or ""
        with self._write():
            wanted = record.get("id")
            if wanted is not None and not self.db.execute("select 1 from articles where id = ?", [wanted]).fetchone():
                values["id"] = wanted
            article_id = self._insert(values)
            _insert_flags(self.db, article_id, flags)
            # The map is read only to work out units a worker did not prepare.
            offset_map = OffsetMap.from_json(json.loads(values["offset_map"])) if units is None else None
            insert_units(self.db, article_id, values["text"], offset_map, units)
            restore_values(self.db, article_id, record.get("metadata") or {})
            if index:
                index_article(self.db, article_id, values["title"], values["text"], terms)
        return article_id

    # finding ----------------------------------------------------------------------------

    def id_for_sha256(self, sha256: str) -> int | None:
        """The article whose original text has this digest."""
        row = self.db.execute("select id from articles where sha256 = ?", [sha256]).fetchone()
        return None if row is None else int(row[0])

    def find_by_digest(self, digest: str) -> tuple[int, Script] | None:
        """The article whose Simplified or (failing that) original text has this digest, and which it was."""
        row = self.db.execute("select id from articles where text_sha256 = ? order by id limit 1", [digest]).fetchone()
        if row is not None:
            return int(row[0]), Script.SIMPLIFIED
        found = self.id_for_sha256(digest)
        return None if found is None else (found, Script.ORIGINAL)

    def ids_by_title(self) -> dict[str, list[int]]:
        """Every title with the ids of its articles, in id order: one pass, for a file that finds many
        articles by title (asked per row, with no index on titles, each row read every article)."""
        found: dict[str, list[int]] = {}
        for article_id, title in self.db.execute("select id, title from articles order by id"):
            found.setdefault(title, []).append(int(article_id))
        return found

    def ids(self) -> list[int]:
        return [int(row[0]) for row in self.db.execute("select id from articles order by id")]

    # reading ----------------------------------------------------------------------------

    def _value(self, column: str, article_id: int) -> Any:
        row = self.db.execute(f"select {column} from articles where id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return row[0]

    def get(self, article_id: int) -> Article:
        row = self.db.execute(
            "select id, title, original_text, text, source_path, status, sha256, encoding, converter,"
            " converter_version, pipeline_version, rules, imported_at, original_title from articles where id = ?",
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
            original_title=row[13] or row[1],
        )

    def iter_all(self) -> Iterator[Article]:
        for article_id in self.ids():
            yield self.get(article_id)

    def offset_map(self, article_id: int) -> OffsetMap:
        return OffsetMap.from_json(json.loads(self._value("offset_map", article_id)))

    def text(self, article_id: int) -> str:
        """The Simplified text alone."""
        return str(self._value("text", article_id))

    def original_text(self, article_id: int) -> str:
        """The original text alone."""
        return str(self._value("original_text", article_id))

    def texts(self, article_id: int) -> tuple[str, str, str]:
        """(Simplified text, original text, offset map JSON): what turning offsets into spans needs."""
        row = self.db.execute(
            "select text, original_text, offset_map from articles where id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return row[0], row[1], row[2]

    def status(self, article_id: int) -> Status:
        return Status(self._value("status", article_id))

    def note(self, article_id: int) -> str:
        """The analyst's memo on the article."""
        return str(self._value("note", article_id) or "")

    def flags(self, article_id: int) -> list[Flag]:
        rows = self.db.execute(
            "select kind, original_start, original_end, excerpt, start, end from flags"
            " where article_id = ? order by original_start, id",
            [article_id],
        ).fetchall()
        return [Flag(FlagKind(r[0]), r[1], r[2], r[3] or "", r[4], r[5]) for r in rows]

    def record(self, article_id: int) -> dict[str, Any]:
        """Every stored field of an article, for the lossless JSONL."""
        cursor = self.db.execute("select * from articles where id = ?", [article_id])
        row = cursor.fetchone()
        if row is None:
            raise StoreError(f"no article {article_id}")
        return dict(zip([column[0] for column in cursor.description], row, strict=True))

    # counting ---------------------------------------------------------------------------

    def count(self, status: Status | None = None) -> int:
        """From the counts the triggers keep (schema m003), not by counting rows."""
        if status is None:
            row = self.db.execute("select coalesce(sum(n), 0) from article_counts").fetchone()
        else:
            row = self.db.execute(
                "select coalesce(max(n), 0) from article_counts where status = ?", [status.value]
            ).fetchone()
        return int(row[0])

    def status_counts(self) -> dict[Status, int]:
        """How many articles have each status (every status present, zero or not), from the kept counts."""
        counts = dict.fromkeys(Status, 0)
        for status, count in self.db.execute("select status, n from article_counts"):
            counts[Status(status)] += int(count)
        return counts

    # changing ---------------------------------------------------------------------------

    def set_note(self, article_id: int, note: str, *, expected: str) -> None:
        """Replace the memo, only while it is still ``expected`` (Conflict when another window changed it)."""
        with self._write():
            if self.note(article_id) != expected:
                raise Conflict(f"the note of article {article_id} was changed elsewhere")
            self.db.execute("update articles set note = ? where id = ?", [note, article_id])

    def set_status(self, article_id: int, status: Status) -> None:
        with self._write():
            self.db.execute("update articles set status = ? where id = ?", [status.value, article_id])

    def replace_processing(self, article_id: int, fresh: NewArticle, spans: Sequence[Span]) -> None:
        """Store a recomputed Simplified text, its map and flags, and the re-mapped spans, all or none."""
        with self._write():
            old = self.db.execute("select title, text from articles where id = ?", [article_id]).fetchone()
            self.db.execute(
                "update articles set text = ?, offset_map = ?, text_sha256 = ?, converter = ?, converter_version = ?,"
                " pipeline_version = ?, rules = ?, title = ?, original_title = ? where id = ?",
                [
                    fresh.text,
                    fresh.map_json or map_json(fresh.mapped()),
                    fresh.text_sha256,
                    fresh.converter,
                    fresh.converter_version,
                    fresh.pipeline_version,
                    json.dumps(list(fresh.rules)),
                    fresh.title,
                    fresh.original_title,
                    article_id,
                ],
            )
            self.db.execute("delete from flags where article_id = ?", [article_id])
            _insert_flags(self.db, article_id, _flag_rows(fresh.flags))
            insert_units(self.db, article_id, fresh.text, fresh.mapped(), fresh.units)
            fill_stated(self.db, article_id, fresh.metadata)
            if old is not None:
                reindex_article(self.db, article_id, (old[0], old[1]), (fresh.title, fresh.text))
            for span in spans:
                check_quotes(self.db, span)
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
