"""Annotations out of the store: CSV for spreadsheets, JSONL for programs."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

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
# Excel only recognises UTF-8 by its byte order mark.
CSV_ENCODING = "utf-8-sig"


def write_csv(store: Store, out: TextIO) -> int:
    """Write every span as one CSV row; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in store.export_rows():
        writer.writerow(row)
        count += 1
    return count


def write_jsonl(store: Store, out: TextIO) -> int:
    """Write one JSON object per article, spans included; returns the number of articles."""
    count = 0
    for article in store.iter_articles():
        spans = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in store.export_rows(article.id)]
        record = {
            "article_id": article.id,
            "title": article.title,
            "source_path": article.source_path,
            "sha256": article.sha256,
            "status": article.status.value,
            "original_text": article.original_text,
            "text": article.text,
            "spans": spans,
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


FORMATS: dict[str, tuple[Callable[[Store, TextIO], int], str]] = {
    "csv": (write_csv, CSV_ENCODING),
    "jsonl": (write_jsonl, "utf-8"),
}


def export_to_path(store: Store, fmt: str, path: Path) -> int:
    """Write an export to ``path``; the file appears only once it is complete."""
    writer, encoding = FORMATS[fmt]
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            count = writer(store, stream)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return count
