"""This tool's JSON Lines: one article per line with everything stored about it; the lossless format."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from desktop.core.exchange.codebook_files import category_records, codes_of_records
from desktop.core.exchange.incoming import (
    IncomingRecord,
    IncomingSpan,
    Sample,
    category_value,
    jsonl_objects,
    list_value,
    none_broken,
    object_value,
    optional_text,
    record_id,
    shown,
    text_value,
    whole_number,
)
from desktop.core.exchange.line_files import Line, text_lines
from desktop.core.exchange.outgoing import ExportOptions, flag_records, span_records
from desktop.core.models import FlagKind, Status
from desktop.core.store import Store

JSONL_FORMAT = "policy-annotator/1"
_REQUIRED = ("original_text", "text", "spans")
_OPTIONAL_TEXT = (
    "title",
    "original_title",
    "source_path",
    "encoding",
    "converter",
    "converter_version",
    "imported_at",
    "note",
)


def write(store: Store, out: TextIO, options: ExportOptions) -> int:
    """The codebook on the first line, then one article per line; returns the number of articles."""
    codebook = {"format": JSONL_FORMAT, "codebook": category_records(store.categories.codebook())}
    out.write(json.dumps(codebook, ensure_ascii=False) + "\n")
    count = 0
    for article_id in store.exports.article_ids(options.filters):
        record = store.articles.record(article_id)
        flags = flag_records(store, article_id)
        line = {
            "format": JSONL_FORMAT,
            "article_id": article_id,
            "title": record["title"],
            "original_title": record["original_title"],
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
            "note": record["note"],
            "metadata": store.metadata.values(article_id),
            "flags": flags,
            "spans": span_records(store, article_id, options.filters),
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def recognises(sample: Sample) -> bool:
    first = sample.first_object
    if first is not None and first.get("format") == JSONL_FORMAT and "codebook" in first:
        return True
    return first is not None and "spans" in first and ("original_text" in first or "format" in first)


_STATUSES = frozenset(status.value for status in Status)
_FLAG_KINDS = frozenset(kind.value for kind in FlagKind)


def _one_of(value: Any, names: frozenset[str]) -> bool:
    # (a list or an object is not looked up: it cannot be hashed)
    return type(value) is str and value in names


def checked_article(value: dict[str, Any]) -> dict[str, Any]:
    """The record's article fields, each of the type this tool writes; anything else is refused by name."""
    missing = [key for key in _REQUIRED if key not in value]
    if missing:
        # Without its texts the article cannot be stored: the record is reported, not imported.
        raise ValueError(f"missing {', '.join(missing)}")
    for name in ("original_text", "text"):
        text_value(value[name], name)
    for name in _OPTIONAL_TEXT:
        optional_text(value.get(name), name)
    list_value(value["spans"], "spans")
    for name, field_value in object_value(value.get("metadata") or {}, "metadata").items():
        text_value(field_value, f"metadata {name}")
    for rule in list_value(value.get("rules") or [], "rules"):
        text_value(rule, "rule")
    record_id(value.get("article_id"), "article_id")
    if "offset_map" in value and not _whole_numbers(value["offset_map"]):
        # (15.0 passes every comparison the map's check makes, and was stored to break a slice later)
        raise ValueError("offset_map is not an object of whole numbers")
    if value.get("pipeline_version") is not None:
        whole_number(value["pipeline_version"], "pipeline_version")
    status = value.get("status")
    if status is not None and not _one_of(status, _STATUSES):
        raise ValueError(f"status is not one of {', '.join(s.value for s in Status)}: {shown(status)}")
    flags = list_value(value.get("flags") or [], "flags")
    original_length, text_length = len(value["original_text"]), len(value["text"])
    if _as_written(flags, original_length, text_length):
        return value
    for flag in flags:
        flag = object_value(flag, "flag")
        if not _one_of(flag.get("kind"), _FLAG_KINDS):
            raise ValueError(f"flag kind is unknown: {shown(flag.get('kind'))}")
        o_start, o_end = (whole_number(flag.get(name), f"flag {name}") for name in ("original_start", "original_end"))
        start, end = (whole_number(flag.get(name, -1), f"flag {name}") for name in ("start", "end"))
        optional_text(flag.get("excerpt"), "flag excerpt")
        # (a flag elsewhere would be painted and jumped to outside its text)
        if not _within(o_start, o_end, original_length):
            raise ValueError(f"a flag at {o_start}–{o_end} lies outside the original text ({original_length})")
        if not _within_if_placed(start, end, text_length):
            raise ValueError(f"a flag at {start}–{end} lies outside the Simplified text ({text_length})")
    return value


def _within(start: int, end: int, length: int) -> bool:
    return 0 <= start <= end <= length


def _within_if_placed(start: int, end: int, length: int) -> bool:
    """A flag's place in the Simplified text: none (-1, -1, its text was removed), or inside it."""
    return start == end == -1 or _within(start, end, length)


def _whole_numbers(offset_map: Any) -> bool:
    """Whether a stored map holds whole numbers only (whether they fit the texts is checked as it is read)."""
    if type(offset_map) is not dict or type(offset_map.get("blocks")) is not list:
        return False
    lengths = {type(offset_map.get("original_length")), type(offset_map.get("text_length"))}
    return lengths == {int} and set(map(type, offset_map["blocks"])) <= {int}


def _as_written(flags: list[Any], original_length: int, text_length: int) -> bool:
    """Whether every flag is as this tool writes it: the common case, checked without a call per field
    (an article has ~20 flags, and checking each field on its own was a twentieth of a restore)."""
    for flag in flags:
        if not (type(flag) is dict and _one_of(flag.get("kind"), _FLAG_KINDS)):
            return False
        o_start, o_end = flag.get("original_start"), flag.get("original_end")
        start, end = flag.get("start", -1), flag.get("end", -1)
        if not (
            type(o_start) is int
            and type(o_end) is int
            and type(start) is int
            and type(end) is int
            and type(flag.get("excerpt", "")) is str
            and _within(o_start, o_end, original_length)
            and _within_if_placed(start, end, text_length)
        ):
            return False
    return none_broken(flag.get("excerpt", "") for flag in flags)


def _span_of(number: int, span: Any) -> IncomingSpan:
    span = object_value(span, "span")
    span_id = span.get("span_id")
    return IncomingSpan(
        number,
        whole_number(span.get("start"), "start"),
        whole_number(span.get("end"), "end"),
        category_value(span.get("category")),
        quote=optional_text(span.get("text"), "text"),
        original_start=whole_number(span.get("original_start"), "original_start"),
        original_end=whole_number(span.get("original_end"), "original_end"),
        original_quote=optional_text(span.get("original_text"), "original_text"),
        note=optional_text(span.get("note"), "note") or "",
        annotator=optional_text(span.get("annotator"), "annotator"),
        created_at=optional_text(span.get("created_at"), "created_at") or "",
        updated_at=optional_text(span.get("updated_at"), "updated_at") or "",
        span_id=record_id(span_id, "span_id"),
    )


def read(text: str, default_annotator: str) -> Iterator[IncomingRecord]:
    return read_lines(text_lines(text), default_annotator)


def read_lines(lines: Iterable[Line], default_annotator: str) -> Iterator[IncomingRecord]:
    for number, value, problem in jsonl_objects(lines):
        if value is None:
            yield IncomingRecord(number, problems=[(number, problem)])
            continue
        if "codebook" in value and "spans" not in value:
            try:
                codes = list(codes_of_records(list_value(value["codebook"], "codebook"), f"line {number}: category"))
            except ValueError as error:
                yield IncomingRecord(number, problems=[(number, str(error))])
                continue
            yield IncomingRecord(number, codes=codes)
            continue
        try:
            article = checked_article(value)
        except ValueError as error:
            yield IncomingRecord(number, problems=[(number, str(error))])
            continue
        record = IncomingRecord(number, article=article)
        for span in article["spans"]:
            try:
                record.spans.append(_span_of(number, span))
            except ValueError as error:
                record.problems.append((number, f"bad span: {error}"))
        yield record
