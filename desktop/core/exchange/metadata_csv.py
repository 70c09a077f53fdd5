"""Article metadata as a CSV file: one row per article, one column per field, and the note.

Export writes every article (``article_id, title, source_path``, each field by name, ``note``).
Import finds each row's article by ``article_id``, else ``source_path``, else ``title``; a column
is a field by its name or its label (``发文机关`` is ``issuer``), and a column no field has becomes
a new text field. An empty cell leaves the value as it is. Every good value is stored in one
transaction; every refused one is reported with its row and column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from desktop.core.exchange.csv_cells import GuardedWriter, restore
from desktop.core.exchange.incoming import read_incoming, shown
from desktop.core.metadata import FIELD_NAME, MetadataField, ValueProblem, checked_value
from desktop.core.store import SQLITE_INTEGERS, STORE_FAILURES, Store, explain
from desktop.core.text.reading import ReadError, decode

KEYS = ("article_id", "source_path", "title")
NOTE = "note"

_ID_DIGITS = len(str(SQLITE_INTEGERS[-1]))


def write(store: Store, out: TextIO) -> int:
    """Every article's metadata; returns the number of rows."""
    fields = store.metadata.fields()
    writer = GuardedWriter(out)
    writer.writerow([*KEYS, *(f.name for f in fields), NOTE])
    count = 0
    for article in store.metadata.table():
        cells = [article.source_path, article.title, *(article.values.get(f.name, "") for f in fields), article.note]
        writer.writerow([article.id, *cells])
        count += 1
    return count


@dataclass
class MetadataReport:
    articles: set[int] = field(default_factory=set)
    values: int = 0
    notes: int = 0
    created_fields: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    failed: str = ""

    def lines(self) -> Iterator[str]:
        yield from self.problems
        if self.failed:
            yield f"failed: {self.failed}"
        if self.created_fields:
            yield f"new text fields: {', '.join(self.created_fields)}"
        yield (
            f"metadata: {self.values} values and {self.notes} notes for {len(self.articles)} articles,"
            f" {len(self.problems)} problems"
        )


class _Rows:
    def __init__(self, store: Store, header: list[str], report: MetadataReport) -> None:
        self.store = store
        self.report = report
        by_name = {f.name: f for f in store.metadata.fields()}
        by_label = {f.label: f for f in by_name.values()}
        self.columns: dict[str, MetadataField] = {}
        for column in header:
            if column in KEYS or column == NOTE or not column:
                continue
            known = by_name.get(column) or by_label.get(column)
            if known is None and FIELD_NAME.fullmatch(column):
                known = store.metadata.add_field(MetadataField(column, column))
                report.created_fields.append(column)
            if known is None:
                report.problems.append(f"column {column!r}: not a field name (a letter, then letters, digits or _)")
                continue
            self.columns[column] = known

    def article_of(self, number: int, row: dict[str, str]) -> int | None:
        wanted = (row.get("article_id") or "").strip()
        if wanted:
            # (isdecimal: what int() reads; an id is at most as long as SQLite's largest integer, and
            # int() refuses over 4,300 digits)
            if wanted.isdecimal() and len(wanted) <= _ID_DIGITS and int(wanted) in self.known_ids:
                return int(wanted)
            self.report.problems.append(f"row {number}: no article {shown(wanted)}")
            return None
        for key in ("source_path", "title"):
            value = restore(row.get(key) or "").strip()
            if not value:
                continue
            matches = (self.by_source if key == "source_path" else self.by_title).get(value, [])
            if len(matches) == 1:
                return matches[0]
            reason = "no article" if not matches else f"{len(matches)} articles"
            self.report.problems.append(f"row {number}: {reason} with {key} {value!r}")
            return None
        self.report.problems.append(f"row {number}: no article_id, source_path or title to find the article by")
        return None

    def prepare(self) -> None:
        self.known_ids: set[int] = set()
        self.by_source: dict[str, list[int]] = {}
        # (each row looked up by title read every article: a file for 100,000 articles, 10^10 rows read)
        self.by_title: dict[str, list[int]] = {}
        for article in self.store.metadata.table():
            self.known_ids.add(article.id)
            if article.source_path:
                self.by_source.setdefault(article.source_path, []).append(article.id)
            self.by_title.setdefault(article.title, []).append(article.id)


def import_metadata(store: Store, path: Path) -> MetadataReport:
    report = MetadataReport()
    try:
        text = decode(read_incoming(store, path), separators_too=False).text
    except ReadError as error:
        report.failed = f"{path}: {error}"
        return report
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = [name.strip() for name in reader.fieldnames or []]
    except csv.Error as error:
        report.failed = f"{path}: line {reader.line_num + 1}: {error}; nothing stored"
        return report
    if not set(KEYS) & set(header):
        report.failed = f"{path}: the header needs article_id, source_path or title to find articles by"
        return report
    reader.fieldnames = header
    try:
        with store.transaction():
            rows = _Rows(store, header, report)
            rows.prepare()
            for number, row in enumerate(reader, start=2):
                article_id = rows.article_of(number, row)
                if article_id is None:
                    continue
                _store_row(store, rows, number, article_id, row, report)
    except STORE_FAILURES as error:
        report.failed = str(explain(error, store.path))
        report.values = report.notes = 0
        report.articles.clear()
    except csv.Error as error:
        # A cell over the csv module's limit, a broken quote: the rows read so far are rolled back with it.
        report.failed = f"{path}: line {reader.line_num + 1}: {error}; nothing stored"
        report.values = report.notes = 0
        report.articles.clear()
        report.problems.clear()
    return report


def _store_row(
    store: Store, rows: _Rows, number: int, article_id: int, row: dict[str, str], report: MetadataReport
) -> None:
    values: list[tuple[int, str, str]] = []
    for column, metadata_field in rows.columns.items():
        cell = restore(row.get(column) or "")
        if not cell.strip():
            continue
        try:
            values.append((article_id, metadata_field.name, checked_value(metadata_field, cell)))
        except ValueProblem as problem:
            report.problems.append(f"row {number}, column {column}: {problem}")
    if values:
        report.values += store.metadata.set_many(values)
        report.articles.add(article_id)
    note = restore(row.get(NOTE) or "")
    if note.strip() and note != store.articles.note(article_id):
        store.articles.set_note(article_id, note, expected=store.articles.note(article_id))
        report.notes += 1
        report.articles.add(article_id)
