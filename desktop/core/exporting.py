"""Annotations out of the store: CSV for spreadsheets, the project's lossless JSONL,
and the import formats of doccano and Label Studio. Every writer streams."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from desktop.core.csv_cells import neutralise
from desktop.core.span_filter import SpanFilter
from desktop.core.store import Store

CSV_COLUMNS = (
    "span_id",
    "article_id",
    "article_title",
    "source_path",
    "category",
    "category_label",
    "start",
    "end",
    "text",
    "original_start",
    "original_end",
    "original_text",
    "note",
    "annotator",
    "created_at",
    "updated_at",
)
STATUS_COLUMN = "article_status"
METADATA_COLUMNS = (
    "article_sha256",
    "article_encoding",
    "converter",
    "converter_version",
    "pipeline_version",
    "imported_at",
)
CONTEXT_COLUMNS = ("context_before", "context_after")
# Excel only recognises UTF-8 by its byte order mark.
CSV_ENCODING = "utf-8-sig"
JSONL_FORMAT = "policy-annotator/1"


@dataclass(frozen=True)
class ExportOptions:
    filters: SpanFilter = field(default_factory=SpanFilter)
    context: int = 0
    with_status: bool = False
    with_metadata: bool = False
    # Guard cells a spreadsheet would run as formulas (OWASP); off writes them untouched.
    neutralise_formulas: bool = True

    def csv_columns(self) -> tuple[str, ...]:
        columns: tuple[str, ...] = CSV_COLUMNS
        if self.context:
            columns += CONTEXT_COLUMNS
        if self.with_status:
            columns += (STATUS_COLUMN,)
        if self.with_metadata:
            columns += METADATA_COLUMNS
        return columns


def write_csv(store: Store, out: TextIO, options: ExportOptions | None = None) -> int:
    """Write one CSV row per span; returns the number of rows."""
    options = options or ExportOptions()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(options.csv_columns())
    extra = options.with_status or options.with_metadata
    rows = store.export_rows(
        filters=options.filters, guard_formulas=options.neutralise_formulas, with_article_fields=extra
    )
    if not options.context and not extra:
        counter = _Counter(rows)
        writer.writerows(counter)
        return counter.count
    text_of: tuple[int, str] = (-1, "")
    count = 0
    for row in rows:
        cells: list[Any] = list(row[: len(CSV_COLUMNS)])
        if options.context:
            if text_of[0] != row[1]:
                text_of = (row[1], store.article_text(row[1]))
            start, end = row[6], row[7]
            context = [text_of[1][max(0, start - options.context) : start], text_of[1][end : end + options.context]]
            cells += [neutralise(value) for value in context] if options.neutralise_formulas else context
        if options.with_status:
            cells.append(row[16])
        if options.with_metadata:
            cells += list(row[17:23])
        writer.writerow(cells)
        count += 1
    return count


class _Counter:
    """Passes rows through, counting them (keeps the fast path a single writerows call)."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        for row in self._rows:
            self.count += 1
            yield row


def _span_dicts(store: Store, article_id: int, filters: SpanFilter) -> list[dict[str, Any]]:
    return [
        dict(zip(CSV_COLUMNS, row[: len(CSV_COLUMNS)], strict=True)) for row in store.export_rows(article_id, filters)
    ]


def _articles(store: Store, options: ExportOptions) -> list[int]:
    return store.article_ids_matching(options.filters)


def write_jsonl(store: Store, out: TextIO, options: ExportOptions | None = None) -> int:
    """One article per line with everything stored about it: the lossless exchange format."""
    options = options or ExportOptions()
    count = 0
    for article_id in _articles(store, options):
        record = store.article_record(article_id)
        flags = [
            {
                "kind": f.kind.value,
                "original_start": f.original_start,
                "original_end": f.original_end,
                "start": f.start,
                "end": f.end,
                "excerpt": f.excerpt,
            }
            for f in store.flags(article_id)
        ]
        line = {
            "format": JSONL_FORMAT,
            "article_id": article_id,
            "title": record["title"],
            "source_path": record["source_path"],
            "sha256": record["sha256"],
            "status": record["status"],
            "original_text": record["original_text"],
            "text": record["text"],
            "offset_map": json.loads(record["offset_map"]),
            "encoding": record["encoding"],
            "converter": record["converter"],
            "converter_version": record["converter_version"],
            "pipeline_version": record["pipeline_version"],
            "rules": json.loads(record["rules"] or "[]"),
            "imported_at": record["imported_at"],
            "flags": flags,
            "spans": _span_dicts(store, article_id, options.filters),
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_doccano(store: Store, out: TextIO, options: ExportOptions | None = None) -> int:
    """doccano's sequence-labelling JSONL: the Simplified text and [start, end, label] in code points."""
    options = options or ExportOptions()
    count = 0
    for article_id in _articles(store, options):
        spans = _span_dicts(store, article_id, options.filters)
        # doccano has no analysts: the same span tagged by two of them is one label there.
        labels = list(dict.fromkeys((span["start"], span["end"], span["category"]) for span in spans))
        line = {"text": store.article_text(article_id), "label": [list(label) for label in labels]}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_label_studio(store: Store, out: TextIO, options: ExportOptions | None = None) -> int:
    """Label Studio tasks (a JSON array), one per article, its spans as one annotation per analyst."""
    options = options or ExportOptions()
    out.write("[")
    count = 0
    for article_id in _articles(store, options):
        by_annotator: dict[str, list[dict[str, Any]]] = {}
        for span in _span_dicts(store, article_id, options.filters):
            results = by_annotator.setdefault(span["annotator"] or "", [])
            results.append(
                {
                    # Ids count within the annotation, so that the same spans give the same file.
                    "id": f"r{len(results) + 1}",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {
                        "start": span["start"],
                        "end": span["end"],
                        "text": span["text"],
                        "labels": [span["category"]],
                    },
                    "meta": {"text": [span["note"]]} if span["note"] else {},
                }
            )
        record = store.article_record(article_id)
        task = {
            "data": {"text": record["text"], "title": record["title"]},
            "annotations": [
                {"completed_by": {"email": annotator} if annotator else {}, "result": results}
                for annotator, results in by_annotator.items()
            ],
        }
        out.write(("," if count else "") + "\n" + json.dumps(task, ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count


Writer = Callable[[Store, TextIO, ExportOptions], int]
FORMATS: dict[str, tuple[Writer, str, str]] = {
    "csv": (write_csv, CSV_ENCODING, "spans"),
    "jsonl": (write_jsonl, "utf-8", "articles"),
    "doccano": (write_doccano, "utf-8", "articles"),
    "labelstudio": (write_label_studio, "utf-8", "articles"),
}


def export_to_path(
    store: Store, fmt: str, path: Path, options: ExportOptions | None = None, encoding: str | None = None
) -> int:
    """Write an export to ``path``; the file appears only once it is complete."""
    writer, default_encoding, _ = FORMATS[fmt]
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding or default_encoding, newline="") as stream:
            count = writer(store, stream, options or ExportOptions())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return count
