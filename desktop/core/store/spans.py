"""Spans: the tagged passages, each quoting both scripts, checked against the article on every write."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.models import Span, text_order
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction, now
from desktop.core.store.errors import Conflict, SpanMismatch, StoreError

SPAN_COLUMNS = (
    "id, article_id, category_id, start, end, text, original_start, original_end, original_text,"
    " note, annotator, created_at, updated_at"
)


def check_quotes(db: Database, span: Span) -> None:
    """Refuse a span whose quotes are not the article's texts at its offsets."""
    row = db.execute(
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
        raise SpanMismatch(f"span {span.start}:{span.end} of article {span.article_id} does not quote the article text")


class SpanTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    def of_article(self, article_id: int) -> list[Span]:
        """Every span of an article, in text order."""
        rows = self.db.execute(
            f"select {SPAN_COLUMNS} from spans where article_id = ? order by start, end, id", [article_id]
        ).fetchall()
        return [Span._make(row) for row in rows]

    def in_view(self, article_id: int, text_end: int, original_end: int) -> list[Span]:
        """The spans that begin before ``text_end`` in the Simplified text or ``original_end`` in the original.

        What the top of a newly opened article shows, read by two index ranges; text order.
        """
        rows = self.db.execute(
            f"select {SPAN_COLUMNS} from spans where article_id = ? and start < ?"
            f" union select {SPAN_COLUMNS} from spans where article_id = ? and original_start < ?",
            [article_id, text_end, article_id, original_end],
        ).fetchall()
        return sorted((Span._make(row) for row in rows), key=text_order)

    def page(self, article_id: int, after: tuple[int, int, int] | None, limit: int) -> list[Span]:
        """Up to ``limit`` spans of an article in text order, following the (start, end, id) ``after``."""
        if after is None:
            sql, args = "", [article_id, limit]
        else:
            sql, args = " and (start, end, id) > (?, ?, ?)", [article_id, *after, limit]
        rows = self.db.execute(
            f"select {SPAN_COLUMNS} from spans where article_id = ?{sql} order by start, end, id limit ?", args
        ).fetchall()
        return [Span._make(row) for row in rows]

    def ranges_of(self, article_id: int, category_id: str, annotator: str) -> list[tuple[int, int]]:
        """(start, end) of an analyst's spans of one category in an article."""
        rows = self.db.execute(
            "select start, end from spans where article_id = ? and category_id = ? and annotator = ?",
            [article_id, category_id, annotator],
        ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def get(self, span_id: int) -> Span:
        row = self.db.execute(f"select {SPAN_COLUMNS} from spans where id = ?", [span_id]).fetchone()
        if row is None:
            raise StoreError(f"no span {span_id}")
        return Span._make(row)

    def duplicate_of(self, span: Span) -> int | None:
        """The stored span that is the same tag as ``span`` (article, offsets, category, analyst), if any.

        The one rule of what counts as tagging a passage twice, for the window and for imports.
        """
        row = self.db.execute(
            "select id from spans where article_id = ? and start = ? and end = ? and category_id = ? and annotator = ?",
            [span.article_id, span.start, span.end, span.category_id, span.annotator],
        ).fetchone()
        return None if row is None else int(row[0])

    def id_free(self, span_id: int) -> bool:
        return self.db.execute("select 1 from spans where id = ?", [span_id]).fetchone() is None

    def insert(self, span: Span) -> Span:
        """Store a span (with its id when it is being restored) after checking both quotes.

        Restoring an id that is taken (another program's span since) is refused as a Conflict.
        """
        stamp = now()
        stored = span._replace(created_at=span.created_at or stamp, updated_at=span.updated_at or stamp)
        columns = SPAN_COLUMNS if stored.id is not None else SPAN_COLUMNS.removeprefix("id, ")
        values = list(stored) if stored.id is not None else list(stored[1:])
        with self._write():
            check_quotes(self.db, span)
            if stored.id is not None and not self.id_free(stored.id):
                raise Conflict(f"span {stored.id} exists already: another window or program added it")
            cursor = self.db.execute(
                f"insert into spans ({columns}) values ({', '.join('?' * len(values))})",
                values,
            )
        return stored if stored.id is not None else stored._replace(id=int(cursor.lastrowid or 0))

    def insert_many(self, spans: Iterable[Span]) -> int:
        """Insert many new spans in one transaction; every quote is checked first."""
        count = 0
        with self._write():
            for span in spans:
                self.insert(span._replace(id=None))
                count += 1
        return count

    def _current(self, span_id: int, expected: Span | None) -> Span:
        """The span as stored, refused when it is gone or differs from what the caller last saw."""
        row = self.db.execute(f"select {SPAN_COLUMNS} from spans where id = ?", [span_id]).fetchone()
        if row is None:
            raise Conflict(f"span {span_id} is no longer there: another window or program removed it")
        span = Span._make(row)
        if expected is not None and not same_tag(span, expected):
            raise Conflict(f"span {span_id} was changed by another window or program; nothing was undone or redone")
        return span

    def delete(self, span_id: int, expected: Span | None = None) -> Span:
        """Remove a span; returns it as it was. With ``expected``, only if it is still as expected."""
        with self._write():
            span = self._current(span_id, expected)
            self.db.execute("delete from spans where id = ?", [span_id])
        return span

    def update(
        self,
        span_id: int,
        *,
        category_id: str | None = None,
        note: str | None = None,
        expected: Span | None = None,
    ) -> Span:
        """Change a span's category or note; returns the span as it now is.

        With ``expected``, only if the stored span is still as expected (else a Conflict).
        """
        with self._write():
            span = self._current(span_id, expected)
            changed = span._replace(
                category_id=span.category_id if category_id is None else category_id,
                note=span.note if note is None else note,
                updated_at=now(),
            )
            self.db.execute(
                "update spans set category_id = ?, note = ?, updated_at = ? where id = ?",
                [changed.category_id, changed.note, changed.updated_at, span_id],
            )
        return changed

    def move(self, span_id: int, moved: Span, expected: Span | None = None) -> Span:
        """Give a span new offsets and quotes (both checked against the article); returns it as it now is."""
        with self._write():
            self._current(span_id, expected)
            check_quotes(self.db, moved)
            changed = moved._replace(id=span_id, updated_at=now())
            self.db.execute(
                "update spans set start = ?, end = ?, text = ?, original_start = ?, original_end = ?,"
                " original_text = ?, updated_at = ? where id = ?",
                [
                    changed.start,
                    changed.end,
                    changed.text,
                    changed.original_start,
                    changed.original_end,
                    changed.original_text,
                    changed.updated_at,
                    span_id,
                ],
            )
        return changed


def same_tag(span: Span, other: Span) -> bool:
    """Whether two versions of a span are the same tag (times aside: they change on every write)."""
    return (span.article_id, span.category_id, span.start, span.end, span.note, span.annotator) == (
        other.article_id,
        other.category_id,
        other.start,
        other.end,
        other.note,
        other.annotator,
    )
