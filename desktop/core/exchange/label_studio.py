"""Label Studio's JSON: an array of tasks, one annotation per analyst, results with start/end/text/labels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from desktop.core.exchange.incoming import FormatError, IncomingRecord, IncomingSpan, Sample, whole_number
from desktop.core.exchange.outgoing import ExportOptions, span_records
from desktop.core.store import Store


def write(store: Store, out: TextIO, options: ExportOptions) -> int:
    """One task per article, its spans as one annotation per analyst."""
    out.write("[")
    count = 0
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


def recognises(sample: Sample) -> bool:
    if sample.stripped.startswith("["):
        return True
    first = sample.first_object
    if first is not None and "annotations" in first and "data" in first:
        return True
    return sample.stripped.startswith("{") and isinstance(sample.whole, dict) and "annotations" in sample.whole


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
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise FormatError(f"line {error.lineno}: broken JSON ({error.msg})") from None
        yield text.count("\n", 0, position) + 1, value
        position = end


def _annotator_of(annotation: dict[str, Any], default: str) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or who.get("username") or who.get("id") or default)
    return str(who) if who not in (None, "") else default


def read(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    for number, task in _json_array_items(text):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            yield IncomingRecord(number, problems=[(number, "not a Label Studio task (no data)")])
            continue
        data = task["data"]
        body = data.get("text")
        if not isinstance(body, str):
            body = next((value for value in data.values() if isinstance(value, str)), None)
        if body is None:
            yield IncomingRecord(number, problems=[(number, "task without text")])
            continue
        title = data.get("title")
        record = IncomingRecord(number, text=body, title=title if isinstance(title, str) else None)
        for annotation in task.get("annotations") or task.get("completions") or []:
            annotator = _annotator_of(annotation, default_annotator)
            for result in annotation.get("result", []):
                value = result.get("value", {})
                if "start" not in value or "end" not in value:
                    continue  # not a text span (a choice, a rating ...)
                try:
                    start, end = whole_number(value["start"], "start"), whole_number(value["end"], "end")
                    labels = value.get("labels") or value.get("hypertextlabels") or []
                    if not labels:
                        raise ValueError("no label")
                    note = result.get("meta", {}).get("text", [""])
                    for label in labels:
                        record.spans.append(
                            IncomingSpan(
                                number,
                                start,
                                end,
                                str(label),
                                quote=value.get("text"),
                                note=note[0] if note else "",
                                annotator=annotator,
                                maybe_utf16=True,
                            )
                        )
                except (TypeError, ValueError, AttributeError) as error:
                    record.problems.append((number, f"bad result: {error}"))
        yield record
