"""This tool's CSV: one row per span, Excel-ready, formula cells guarded; read back as Excel saves it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from desktop.core.exchange.csv_cells import FORMULA_STARTS, neutralise, restore
from desktop.core.exchange.incoming import (
    IncomingRecord,
    IncomingSpan,
    Sample,
    category_value,
    record_id,
    whole_number,
)
from desktop.core.exchange.line_files import Line, UndecodedLine
from desktop.core.exchange.outgoing import SPAN_FIELDS, Counted, ExportOptions
from desktop.core.store import Store

# unit_id: the coding units the span falls in (``<article>-<chapter>-<clause>-<sentence>``, space-separated).
CSV_COLUMNS = (*SPAN_FIELDS, "unit_id")
CONTEXT_COLUMNS = ("context_before", "context_after")
STATUS_COLUMN = "article_status"
METADATA_COLUMNS = (
    "article_original_title",
    "article_sha256",
    "article_encoding",
    "converter",
    "converter_version",
    "pipeline_version",
    "imported_at",
)
# A header with these is one of ours, whatever other columns a spreadsheet added.
_REQUIRED = {"span_id", "article_id", "start", "end", "category", "text"}


def csv_columns(options: ExportOptions) -> tuple[str, ...]:
    """The header for these options, in order."""
    columns: tuple[str, ...] = CSV_COLUMNS
    if options.context:
        columns += CONTEXT_COLUMNS
    if options.with_status:
        columns += (STATUS_COLUMN,)
    if options.with_metadata:
        columns += METADATA_COLUMNS
    return columns


def write(store: Store, out: TextIO, options: ExportOptions) -> int:
    """Write one CSV row per span; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    header = csv_columns(options)
    writer.writerow(header)
    stored = [name for name in header if name not in CONTEXT_COLUMNS]
    rows = store.exports.span_rows(
        stored, options.filters, formula_starts=FORMULA_STARTS if options.neutralise_formulas else ""
    )
    if not options.context:
        counted = Counted(rows)
        writer.writerows(counted)
        return counted.count
    # Context is cut from the article's text here; rows arrive in article order, so each text is read once.
    article: tuple[int, str] = (-1, "")
    count = 0
    for row in rows:
        record: dict[str, Any] = dict(zip(stored, row, strict=True))
        if article[0] != record["article_id"]:
            article = (record["article_id"], store.articles.text(record["article_id"]))
        start, end = record["start"], record["end"]
        before, after = article[1][max(0, start - options.context) : start], article[1][end : end + options.context]
        if options.neutralise_formulas:
            before, after = neutralise(before), neutralise(after)
        record.update(context_before=before, context_after=after)
        writer.writerow([record[name] for name in header])
        count += 1
    return count


def recognises(sample: Sample) -> bool:
    return set(sample.csv_header) >= _REQUIRED


def read(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    """Rows as this tool wrote them, or as a spreadsheet saved them back (apostrophes removed again)."""
    return _rows(io.StringIO(text, newline=""))


def read_lines(lines: Iterable[Line], default_annotator: str) -> Iterator[IncomingRecord]:
    """The same from the file's lines as they are read (a file of UTF-8 throughout: see file_records).
    A line that cannot be read ends the rows there: it may lie inside a quoted cell."""
    stopped: list[tuple[int, str]] = []

    def texts() -> Iterator[str]:
        for number, line in enumerate(lines, start=1):
            if isinstance(line, UndecodedLine):
                stopped.append((number, f"{line.reason}; the rows after it were not read"))
                return
            yield line + "\n"

    yield from _rows(texts())
    if stopped:
        yield IncomingRecord(stopped[0][0], problems=stopped)


def _rows(lines: Iterable[str]) -> Iterator[IncomingRecord]:
    reader = csv.DictReader(lines)
    try:
        _ = reader.fieldnames  # reads the header, so that line numbers below count from the first row
    except csv.Error as error:
        yield IncomingRecord(1, problems=[(1, f"broken CSV ({error})")])
        return
    while True:
        number = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield IncomingRecord(number, problems=[(number, f"broken CSV ({error})")])
            return
        cells = {key: restore(value) if isinstance(value, str) else value for key, value in row.items() if key}
        try:
            span = IncomingSpan(
                number,
                whole_number(cells["start"], "start"),
                whole_number(cells["end"], "end"),
                category_value(cells["category"]),
                quote=cells["text"],
                original_start=_optional_number(cells, "original_start"),
                original_end=_optional_number(cells, "original_end"),
                original_quote=cells.get("original_text"),
                note=cells.get("note") or "",
                annotator=cells.get("annotator") or None,
                created_at=cells.get("created_at") or "",
                updated_at=cells.get("updated_at") or "",
                span_id=record_id(cells.get("span_id") or None, "span_id"),
            )
            article_id = whole_number(cells["article_id"], "article_id")
        except (KeyError, TypeError, ValueError) as error:
            yield IncomingRecord(number, problems=[(number, f"bad row: {error}")])
            continue
        yield IncomingRecord(number, article_id=article_id, title=cells.get("article_title"), spans=[span])


def _optional_number(cells: dict[str, Any], name: str) -> int | None:
    return whole_number(cells[name], name) if cells.get(name) else None
