"""This tool's JSON Lines: one article per line with everything stored about it; the lossless format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from desktop.core.exchange.incoming import IncomingRecord, IncomingSpan, Sample, jsonl_objects, whole_number
from desktop.core.exchange.outgoing import ExportOptions, span_records
from desktop.core.store import Store

JSONL_FORMAT = "policy-annotator/1"
_REQUIRED = ("original_text", "text", "spans")


def write(store: Store, out: TextIO, options: ExportOptions) -> int:
    count = 0
    for article_id in store.exports.article_ids(options.filters):
        record = store.articles.record(article_id)
        flags = [
            {
                "kind": f.kind.value,
                "original_start": f.original_start,
                "original_end": f.original_end,
                "start": f.start,
                "end": f.end,
                "excerpt": f.excerpt,
            }
            for f in store.articles.flags(article_id)
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
            "spans": span_records(store, article_id, options.filters),
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def recognises(sample: Sample) -> bool:
    first = sample.first_object
    return first is not None and "spans" in first and ("original_text" in first or "format" in first)


def read(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    for number, value, problem in jsonl_objects(text):
        if value is None:
            yield IncomingRecord(number, problems=[(number, problem)])
            continue
        missing = [key for key in _REQUIRED if key not in value]
        if missing:
            # Without its texts the article cannot be stored: the record is reported, not imported.
            yield IncomingRecord(number, problems=[(number, f"missing {', '.join(missing)}")])
            continue
        record = IncomingRecord(number, article=value)
        for span in value["spans"]:
            try:
                record.spans.append(
                    IncomingSpan(
                        number,
                        whole_number(span["start"], "start"),
                        whole_number(span["end"], "end"),
                        str(span["category"]),
                        quote=span.get("text"),
                        original_start=whole_number(span["original_start"], "original_start"),
                        original_end=whole_number(span["original_end"], "original_end"),
                        original_quote=span.get("original_text"),
                        note=span.get("note") or "",
                        annotator=span.get("annotator"),
                        created_at=span.get("created_at") or "",
                        updated_at=span.get("updated_at") or "",
                        span_id=span.get("span_id"),
                    )
                )
            except (KeyError, TypeError, ValueError) as error:
                record.problems.append((number, f"bad span: {error}"))
        yield record
