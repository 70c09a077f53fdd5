"""Reading annotation files: detect the format from the content, parse records with line numbers.

Formats: this tool's JSONL and CSV, doccano JSONL, Label Studio JSON. A record is one
text (or one article) with its spans; problems are kept per line so that the importer
can report them and go on with the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.core.csv_cells import restore

OUR_JSONL = "Policy Annotator JSONL"
OUR_CSV = "Policy Annotator CSV"
DOCCANO = "doccano JSONL"
LABEL_STUDIO = "Label Studio JSON"


class FormatError(ValueError):
    """The file as a whole cannot be read; the message names the reason."""


@dataclass
class IncomingSpan:
    line: int
    start: int
    end: int
    category: str
    # Text at start:end as the file quotes it, when it does.
    quote: str | None = None
    original_start: int | None = None
    original_end: int | None = None
    original_quote: str | None = None
    note: str = ""
    annotator: str | None = None
    created_at: str = ""
    updated_at: str = ""
    span_id: int | None = None
    # Label Studio has written UTF-16 offsets in some versions: try them when the quote disagrees.
    maybe_utf16: bool = False


@dataclass
class IncomingRecord:
    line: int
    # The text the span offsets count in (doccano, Label Studio), or None for our formats.
    text: str | None = None
    # Our JSONL: every stored field of the article.
    article: dict[str, Any] | None = None
    # Our CSV: the article the rows name.
    article_id: int | None = None
    title: str | None = None
    spans: list[IncomingSpan] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def detect(text: str) -> str:
    stripped = text.lstrip()
    if stripped.startswith("["):
        return LABEL_STUDIO
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0]
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            record = None
        if isinstance(record, dict):
            if "spans" in record and ("original_text" in record or "format" in record):
                return OUR_JSONL
            if "text" in record and any(key in record for key in ("label", "labels", "entities")):
                return DOCCANO
            if "annotations" in record and "data" in record:
                return LABEL_STUDIO
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, dict) and "annotations" in whole:
            return LABEL_STUDIO
        raise FormatError("JSON, but neither this tool's JSONL, doccano JSONL nor a Label Studio export")
    header = next(csv.reader(io.StringIO(stripped.split("\n", 1)[0])), [])
    if {"span_id", "article_id", "start", "end", "category", "text"} <= set(header):
        return OUR_CSV
    raise FormatError("unrecognised format: expected JSONL, Label Studio JSON or this tool's CSV")


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{name} is not a whole number: {value!r}")
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} is not a whole number: {value!r}") from None


def _jsonl_objects(text: str) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, None, f"broken JSON ({error.msg} at column {error.colno})"
            continue
        if not isinstance(value, dict):
            yield number, None, "not a JSON object"
            continue
        yield number, value, ""


def read_our_jsonl(text: str) -> Iterator[IncomingRecord]:
    for number, value, problem in _jsonl_objects(text):
        if value is None:
            yield IncomingRecord(number, problems=[(number, problem)])
            continue
        record = IncomingRecord(number, article=value)
        missing = [key for key in ("original_text", "text", "spans") if key not in value]
        if missing:
            record.problems.append((number, f"missing {', '.join(missing)}"))
            yield record
            continue
        for span in value["spans"]:
            try:
                record.spans.append(
                    IncomingSpan(
                        number,
                        _int(span["start"], "start"),
                        _int(span["end"], "end"),
                        str(span["category"]),
                        quote=span.get("text"),
                        original_start=_int(span["original_start"], "original_start"),
                        original_end=_int(span["original_end"], "original_end"),
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


def read_doccano(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    for number, value, problem in _jsonl_objects(text):
        if value is None:
            yield IncomingRecord(number, problems=[(number, problem)])
            continue
        if not isinstance(value.get("text"), str):
            yield IncomingRecord(number, problems=[(number, "no text")])
            continue
        record = IncomingRecord(number, text=value["text"])
        labels = value.get("label", value.get("labels", []))
        for entity in value.get("entities", []):
            labels.append([entity.get("start_offset"), entity.get("end_offset"), entity.get("label")])
        for label in labels:
            try:
                start, end, category = label
                record.spans.append(
                    IncomingSpan(
                        number, _int(start, "start"), _int(end, "end"), str(category), annotator=default_annotator
                    )
                )
            except (TypeError, ValueError) as error:
                record.problems.append((number, f"bad label {label!r}: {error}"))
        yield record


def _json_array_items(text: str) -> Iterator[tuple[int, Any]]:
    """Items of a top-level JSON array, each with the line it starts on."""
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


def read_label_studio(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
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
                    start, end = _int(value["start"], "start"), _int(value["end"], "end")
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


def read_our_csv(text: str) -> Iterator[IncomingRecord]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    _ = reader.fieldnames  # reads the header, so that line numbers below count from the first row
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
                _int(cells["start"], "start"),
                _int(cells["end"], "end"),
                cells["category"],
                quote=cells["text"],
                original_start=_int(cells["original_start"], "original_start") if cells.get("original_start") else None,
                original_end=_int(cells["original_end"], "original_end") if cells.get("original_end") else None,
                original_quote=cells.get("original_text"),
                note=cells.get("note") or "",
                annotator=cells.get("annotator") or None,
                created_at=cells.get("created_at") or "",
                updated_at=cells.get("updated_at") or "",
                span_id=_int(cells["span_id"], "span_id") if cells.get("span_id") else None,
            )
            article_id = _int(cells["article_id"], "article_id")
        except (KeyError, TypeError, ValueError) as error:
            yield IncomingRecord(number, problems=[(number, f"bad row: {error}")])
            continue
        yield IncomingRecord(number, article_id=article_id, title=cells.get("article_title"), spans=[span])
