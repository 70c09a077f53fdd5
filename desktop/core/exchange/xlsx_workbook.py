"""A study as one Excel workbook: the spans, the articles with their metadata, and one sheet per
report (frequencies with a native bar chart, the code x article matrix, crosstabs by year and by
each metadata field that has values, co-occurrence per coding unit, the coding table).

XlsxWriter in constant-memory mode writes each row to disk as it comes, so a million spans
stream through without being held. Every cell is written as the value it is: text is never
taken for a formula (no apostrophes needed), Chinese and characters beyond the BMP stay intact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from desktop.core.exchange.ours_csv import CSV_COLUMNS
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.metadata import DATE, DOCUMENT_NUMBER, URL, YEAR
from desktop.core.reporting import PER_UNIT, ReportKind, ReportRequest, Table, build_report
from desktop.core.store import Store

EXCEL_ROWS = 1_048_576  # rows per sheet, the header included
# Fields that name one article each (or a day): a crosstab by them would have a column per article.
_NOT_CROSSED = {DATE, DOCUMENT_NUMBER, URL}
_WIDE = {"article_title", "text", "original_text", "note", "title", "unit_text", "category_path", "source_path"}


class _Book:
    def __init__(self, stream: BinaryIO) -> None:
        import xlsxwriter  # only the Excel export needs it

        self.workbook = xlsxwriter.Workbook(
            stream, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self.header = self.workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
        self.percent = self.workbook.add_format({"num_format": "0.0%"})

    def sheet(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> tuple[Any, int]:
        """One sheet (continued on "name (2)" … past Excel's row limit); returns the first sheet and its rows."""
        first, sheet, written, total, part = None, None, 0, 0, 1
        for row in rows:
            if sheet is None or written == EXCEL_ROWS - 1:
                if sheet is not None:
                    self._finish(sheet, written, len(columns))
                    part += 1
                sheet = self._start(name if part == 1 else f"{name} ({part})", columns)
                first = first or sheet
                written = 0
            written += 1
            total += 1
            sheet.write_row(written, 0, row)
        if sheet is None:
            sheet = first = self._start(name, columns)
        self._finish(sheet, written, len(columns))
        return first, total

    def _start(self, name: str, columns: Sequence[str]) -> Any:
        sheet = self.workbook.add_worksheet(name[:31])
        for index, column in enumerate(columns):
            sheet.set_column(index, index, 40 if column in _WIDE else max(10, min(24, len(column) + 4)))
        sheet.write_row(0, 0, columns, self.header)
        sheet.freeze_panes(1, 0)
        return sheet

    def _finish(self, sheet: Any, rows: int, width: int) -> None:
        sheet.autofilter(0, 0, max(rows, 1), width - 1)

    def table(self, name: str, table: Table) -> tuple[Any, int]:
        return self.sheet(name, table.columns, table.rows)

    def frequency_chart(self, sheet: Any, name: str, rows: int) -> None:
        chart = self.workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": "spans",
                "categories": [name, 1, 0, rows, 0],
                "values": [name, 1, 1, rows, 1],
                "data_labels": {"value": True},
            }
        )
        chart.set_title({"name": "spans per code"})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})
        chart.set_size({"width": 560, "height": max(240, 24 * rows + 80)})
        sheet.insert_chart(1, 5, chart)


def _article_rows(store: Store, article_ids: Sequence[int], fields: Sequence[str]) -> Iterable[list[Any]]:
    for article in store.metadata.table(article_ids):
        yield [
            article.id,
            article.title,
            article.original_title,
            article.source_path,
            article.status,
            *(article.values.get(name, "") for name in fields),
            article.note,
        ]


def write(store: Store, stream: BinaryIO, options: ExportOptions) -> int:
    """The whole workbook; returns the number of spans written."""
    book = _Book(stream)
    spans_rows = store.exports.span_rows(CSV_COLUMNS, options.filters)
    _, count = book.sheet("spans", CSV_COLUMNS, spans_rows)
    fields = [f.name for f in store.metadata.fields()]
    article_columns = ["article_id", "title", "original_title", "source_path", "status", *fields, "note"]
    book.sheet("articles", article_columns, _article_rows(store, store.exports.article_ids(options.filters), fields))
    annotators = options.filters.annotators
    frequencies = build_report(store, ReportRequest(ReportKind.FREQUENCIES, annotators=annotators))
    sheet, rows = book.table("frequencies", frequencies)
    sheet.set_column(3, 3, 10, book.percent)
    book.frequency_chart(sheet, "frequencies", rows)
    book.table("matrix", build_report(store, ReportRequest(ReportKind.MATRIX, annotators=annotators)))
    with_values = [name for name in fields if name not in _NOT_CROSSED and store.reports.field_values(name)]
    for by in ([YEAR] if store.reports.field_values(DATE) else []) + with_values:
        book.table(f"by {by}", build_report(store, ReportRequest(ReportKind.CROSSTAB, by=by, annotators=annotators)))
    book.table(
        "cooccurrence", build_report(store, ReportRequest(ReportKind.COOCCURRENCE, by=PER_UNIT, annotators=annotators))
    )
    book.table("coding table", build_report(store, ReportRequest(ReportKind.CODING_TABLE, annotators=annotators)))
    book.workbook.close()
    return count
