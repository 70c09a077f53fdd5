"""doccano's sequence-labelling JSON Lines: a text and [start, end, label], offsets in code points."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from desktop.core.exchange.incoming import (
    IncomingRecord,
    IncomingSpan,
    Sample,
    category_value,
    jsonl_objects,
    list_value,
    object_value,
    shown,
    text_value,
    whole_number,
)
from desktop.core.exchange.line_files import Line, text_lines
from desktop.core.exchange.outgoing import ExportOptions, span_records
from desktop.core.store import Store

_LABEL_KEYS = ("label", "labels", "entities")


def write(store: Store, out: TextIO, options: ExportOptions) -> int:
    """The Simplified text of each article with its spans."""
    count = 0
    for article_id in store.exports.article_ids(options.filters):
        spans = span_records(store, article_id, options.filters)
        # doccano has no analysts: the same span tagged by two of them is one label there.
        labels = list(dict.fromkeys((span["start"], span["end"], span["category"]) for span in spans))
        line = {"text": store.articles.text(article_id), "label": [list(label) for label in labels]}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def recognises(sample: Sample) -> bool:
    first = sample.first_object
    return first is not None and "text" in first and any(key in first for key in _LABEL_KEYS)


def read(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    return read_lines(text_lines(text), default_annotator)


def read_lines(lines: Iterable[Line], default_annotator: str) -> Iterator[IncomingRecord]:
    """doccano names no analysts: every span is the importing analyst's."""
    for number, value, problem in jsonl_objects(lines):
        if value is None:
            yield IncomingRecord(number, problems=[(number, problem)])
            continue
        try:
            body = text_value(value.get("text"), "text")
            labels = list(list_value(value.get("label", value.get("labels", [])), "label"))
            for entity in list_value(value.get("entities", []), "entities"):
                entity = object_value(entity, "entity")
                labels.append([entity.get("start_offset"), entity.get("end_offset"), entity.get("label")])
        except ValueError as error:
            yield IncomingRecord(number, problems=[(number, str(error))])
            continue
        record = IncomingRecord(number, text=body)
        for label in labels:
            try:
                if not isinstance(label, list) or len(label) != 3:
                    raise ValueError("not [start, end, label]")
                start, end, category = label
                record.spans.append(
                    IncomingSpan(
                        number,
                        whole_number(start, "start"),
                        whole_number(end, "end"),
                        category_value(category, "label"),
                        annotator=default_annotator,
                    )
                )
            except ValueError as error:
                record.problems.append((number, f"bad label {shown(label)}: {error}"))
        yield record
