"""A study as one Excel workbook: the spans, the articles with their metadata, and one sheet per
report (frequencies with a native bar chart, the code x article matrix, crosstabs by year and by
each metadata field that has values, co-occurrence per coding unit, the coding table), and a sheet
saying what the workbook holds: whose spans (the layers), which codes, statuses and articles.

The report sheets count what the spans sheet holds (the same layers and filters), or the whole
corpus in those layers, or are left out (``ExportOptions.reports``); every report row names its
layer.

XlsxWriter in constant-memory mode writes each row to disk as it comes, so a million spans
stream through without being held. Every cell is written as the value it is: text is never
taken for a formula (no apostrophes needed), Chinese and characters beyond the BMP stay intact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, BinaryIO

from desktop.core.corpus.reporting import PER_UNIT, ReportKind, ReportRequest, Table, build_report
from desktop.core.exchange.ours_csv import CSV_COLUMNS
from desktop.core.exchange.outgoing import REPORTS_CORPUS, REPORTS_NONE, ExportOptions
from desktop.core.layers import Layer, Layers, describe
from desktop.core.metadata import DATE, DOCUMENT_NUMBER, URL, YEAR
from desktop.core.models import SpanFilter
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

    def frequency_chart(self, sheet: Any, name: str, layers: Layers, codes: int) -> None:
        """Spans per code, one series per layer (each layer's rows follow the other's on the sheet)."""
        chart = self.workbook.add_chart({"type": "bar"})
        for number, layer in enumerate(layers):
            first = 1 + number * codes
            chart.add_series(
                {
                    "name": layer.name,
                    "categories": [name, first, 1, first + codes - 1, 1],
                    "values": [name, first, 2, first + codes - 1, 2],
                    "data_labels": {"value": True},
                }
            )
        chart.set_title({"name": "spans per code"})
        chart.set_legend({"none": True} if len(layers) == 1 else {"position": "top"})
        chart.set_y_axis({"reverse": True})
        chart.set_size({"width": 560, "height": max(240, 24 * codes * len(layers) + 80)})
        sheet.insert_chart(1, 6, chart)


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


def _about(store: Store, options: ExportOptions, layers: Layers) -> list[list[Any]]:
    filters = options.filters
    reports = {REPORTS_NONE: "left out", REPORTS_CORPUS: "the whole corpus, in these layers"}.get(
        options.reports, "what the spans sheet holds (these layers and filters)"
    )
    return [
        ["exported", datetime.now().astimezone().isoformat(timespec="seconds")],
        ["database", store.path],
        ["spans of", describe(filters.layers)],
        ["report sheets count", reports],
        ["report layers", describe(layers)],
        ["codes", ", ".join(filters.categories) or "every code"],
        ["article statuses", ", ".join(filters.statuses) or "every status"],
        ["articles", f"{len(filters.article_ids)} chosen" if filters.article_ids else "every article"],
    ]


def write(store: Store, stream: BinaryIO, options: ExportOptions) -> int:
    """The whole workbook; returns the number of spans written."""
    book = _Book(stream)
    spans_rows = store.exports.span_rows(CSV_COLUMNS, options.filters)
    _, count = book.sheet("spans", CSV_COLUMNS, spans_rows)
    fields = [f.name for f in store.metadata.fields()]
    article_columns = ["article_id", "title", "original_title", "source_path", "status", *fields, "note"]
    book.sheet("articles", article_columns, _article_rows(store, store.exports.article_ids(options.filters), fields))
    # Every layer the spans sheet may hold, side by side, when the export took every analyst's spans.
    layers = options.filters.layers or tuple(Layer(name) for name in store.analysts.names())
    if options.reports != REPORTS_NONE and layers:
        scope = SpanFilter() if options.reports == REPORTS_CORPUS else replace(options.filters, layers=())

        def report(kind: ReportKind, by: str = "") -> Table:
            return build_report(store, ReportRequest(kind, by=by, layers=layers, filters=scope))

        sheet, _rows = book.table("frequencies", report(ReportKind.FREQUENCIES))
        sheet.set_column(4, 4, 10, book.percent)
        book.frequency_chart(sheet, "frequencies", layers, len(store.categories.codebook()))
        book.table("matrix", report(ReportKind.MATRIX))
        with_values = [name for name in fields if name not in _NOT_CROSSED and store.reports.field_values(name)]
        for by in ([YEAR] if store.reports.field_values(DATE) else []) + with_values:
            book.table(f"by {by}", report(ReportKind.CROSSTAB, by))
        book.table("cooccurrence", report(ReportKind.COOCCURRENCE, PER_UNIT))
        book.table("coding table", report(ReportKind.CODING_TABLE))
    book.sheet("about", ["what", "value"], _about(store, options, layers))
    book.workbook.close()
    return count
