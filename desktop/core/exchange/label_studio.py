"""Label Studio's JSON: an array of tasks, one annotation per analyst, results with start/end/text/labels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from desktop.core.exchange.incoming import (
    JSON_LIMITS,
    FormatError,
    IncomingRecord,
    IncomingSpan,
    Sample,
    category_value,
    list_value,
    object_value,
    optional_text,
    past_json_limit,
    text_value,
    whole_number,
)
from desktop.core.exchange.outgoing import ExportOptions, span_records
from desktop.core.store import Store


def write(store: Store, out: TextIO, options: ExportOptions) -> int:
    """One task per article, its spans as one annotation per analyst."""
    out.write("[")
    count = annotation_count = 0
    for article_id in store.exports.article_ids(options.filters):
        by_annotator: dict[str, list[dict[str, Any]]] = {}
        for span in span_records(store, article_id, options.filters):
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
        record = store.articles.record(article_id)
        # Label Studio's own tools need an id on every task and annotation (its converter stops
        # without one): the article's id, and the annotations numbered through the file.
        annotations = []
        for annotator, results in by_annotator.items():
            annotation_count += 1
            who = {"email": annotator} if annotator else {}
            annotations.append({"id": annotation_count, "completed_by": who, "result": results})
        task = {
            "id": article_id,
            "data": {"text": record["text"], "title": record["title"]},
            "annotations": annotations,
        }
        out.write(("," if count else "") + "\n" + json.dumps(task, ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count


def recognises(sample: Sample) -> bool:
    if sample.starts_with("["):
        return True
    first = sample.first_object
    if first is not None and "annotations" in first and "data" in first:
        return True
    return sample.starts_with("{") and isinstance(sample.whole, dict) and "annotations" in sample.whole


def _json_array_items(text: str) -> Iterator[tuple[int, Any]]:
    """Items of a top-level JSON array (or one task on its own), each with the line it starts on."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if text.startswith("{", position):
        value, _ = decoder.raw_decode(text, position)
        yield text.count("\n", 0, position) + 1, value
        return
    position += 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            raise FormatError("the JSON array is not closed")
        if text[position] == "]":
            return
        line = text.count("\n", 0, position) + 1
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise FormatError(f"line {error.lineno}: broken JSON ({error.msg})") from None
        except JSON_LIMITS as error:
            raise FormatError(f"line {line}: broken JSON ({past_json_limit(error)})") from None
        yield line, value
        position = end


def _annotator_of(annotation: dict[str, Any], default: str) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if isinstance(who, str | int) and not isinstance(who, bool) and who != "":
        return str(who)
    return default


def _note_of(result: dict[str, Any]) -> str:
    meta = result.get("meta")
    texts = meta.get("text") if isinstance(meta, dict) else None
    if isinstance(texts, list) and texts:
        return text_value(texts[0], "meta.text")
    return ""


def _spans_of(number: int, result: Any, annotator: str) -> list[IncomingSpan]:
    """The spans one result tags (one per label); [] for a result that is not a text span."""
    result = object_value(result, "result")
    value = object_value(result.get("value", {}), "value")
    if "start" not in value or "end" not in value:
        return []  # a choice, a rating ...
    start, end = whole_number(value["start"], "start"), whole_number(value["end"], "end")
    labels = list_value(value.get("labels") or value.get("hypertextlabels") or [], "labels")
    if not labels:
        raise ValueError("no label")
    quote = optional_text(value.get("text"), "text")
    note = _note_of(result)
    return [
        IncomingSpan(
            number,
            start,
            end,
            category_value(label, "label"),
            quote=quote,
            note=note,
            annotator=annotator,
            maybe_utf16=True,
        )
        for label in labels
    ]


def read(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    for number, task in _json_array_items(text):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            yield IncomingRecord(number, problems=[(number, "not a Label Studio task (no data)")])
            continue
        data = task["data"]
        body = data.get("text")
        if not isinstance(body, str):
            body = next((value for value in data.values() if isinstance(value, str)), None)
        title = data.get("title")
        try:
            body = text_value(body, "task text")
            title = optional_text(title if isinstance(title, str) else None, "title")
            annotations = list_value(task.get("annotations") or task.get("completions") or [], "annotations")
        except ValueError as error:
            yield IncomingRecord(number, problems=[(number, str(error))])
            continue
        record = IncomingRecord(number, text=body, title=title)
        for annotation in annotations:
            try:
                annotation = object_value(annotation, "annotation")
                annotator = _annotator_of(annotation, default_annotator)
                results = list_value(annotation.get("result", []), "result")
            except ValueError as error:
                record.problems.append((number, f"bad annotation: {error}"))
                continue
            for result in results:
                try:
                    record.spans.extend(_spans_of(number, result, annotator))
                except ValueError as error:
                    record.problems.append((number, f"bad result: {error}"))
        yield record
