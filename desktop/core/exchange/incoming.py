"""What every reader of annotation files shares: the records it yields, line numbers, a sample to detect by.

A record is one text (or one article) with its spans; problems are kept per line so that
the importer can report them and go on with the rest.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.exchange.line_files import Line, UndecodedLine
from desktop.core.store import SQLITE_INTEGERS, Store
from desktop.core.text.reading import MAX_EXCHANGE_BYTES, ReadError, read_limited

OWN_FILE = "is the database itself (or one of SQLite's files beside it), not a file to import"


def read_incoming(store: Store, path: Path) -> bytes:
    """The bytes of a file to import into ``store``: never one of the database's own files, never unbounded."""
    if store.owns_file(path):
        raise ReadError(OWN_FILE)
    return read_limited(path, MAX_EXCHANGE_BYTES)


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
    """One of three shapes, by what the file knows: a whole stored article (this tool's JSONL),
    a text with spans counted in it (doccano, Label Studio), or a span naming its article (this
    tool's CSV)."""

    line: int
    # The text the span offsets count in (doccano, Label Studio).
    text: str | None = None
    # This tool's JSONL: every stored field of the article.
    article: dict[str, Any] | None = None
    # This tool's CSV: the article the row names.
    article_id: int | None = None
    title: str | None = None
    spans: list[IncomingSpan] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    # A codebook (this tool's JSONL, REFI-QDA): merged before the spans that use it.
    codes: list[IncomingCode] = field(default_factory=list)
    # What the reader found out about the file as a whole (how its positions count), for the summary.
    notices: list[str] = field(default_factory=list)


class Sample:
    """The start of a file, parsed the ways the formats recognise themselves by."""

    def __init__(self, text: str) -> None:
        # Where the text starts after white space: a file can be hundreds of megabytes, and every
        # copy of it (lstrip, split) cost as much as decoding it.
        visible = _VISIBLE.search(text)
        self._text = text
        self._start = visible.start() if visible else len(text)

    def starts_with(self, prefix: str | tuple[str, ...]) -> bool:
        """Whether the text, after white space, starts with ``prefix``."""
        return self._text.startswith(prefix, self._start)

    @property
    def first_line(self) -> str:
        """The first line after white space."""
        end = self._text.find("\n", self._start)
        return self._text[self._start : end if end >= 0 else len(self._text)]

    @property
    def looks_like_json(self) -> bool:
        return self.starts_with(("{", "["))

    @cached_property
    def first_object(self) -> dict[str, Any] | None:
        """The first line as a JSON object, when it is one."""
        if not self.starts_with("{"):
            return None
        try:
            value = json.loads(self.first_line)
        except JSON_LIMITS:
            return None
        return value if isinstance(value, dict) else None

    @cached_property
    def whole(self) -> Any:
        """The whole file as one JSON value, or None."""
        try:
            return json.loads(self._text[self._start :] if self._start else self._text)
        except JSON_LIMITS:
            return None

    @cached_property
    def csv_header(self) -> list[str]:
        if self.looks_like_json:
            return []
        return next(csv.reader(io.StringIO(self.first_line)), [])


# What json raises, beside JSONDecodeError (itself a ValueError), for a text past its limits: a
# number of over 4,300 digits (ValueError) or nesting deeper than the recursion limit.
JSON_LIMITS = (ValueError, RecursionError)


def past_json_limit(error: BaseException) -> str:
    return "nested too deeply" if isinstance(error, RecursionError) else "a number of over 4,300 digits"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_VISIBLE = re.compile(r"\S")


def shown(value: Any) -> str:
    """A value as the file wrote it, short enough for a report line."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def text_value(value: Any, name: str) -> str:
    """A string, refused by name when it is anything else or holds a lone surrogate (broken UTF-16)."""
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text: {shown(value)}")
    broken = _LONE_SURROGATE.search(value)
    if broken:
        raise ValueError(f"{name} holds a lone surrogate (broken UTF-16) at character {broken.start()}")
    return value


def none_broken(texts: Iterable[str]) -> bool:
    """Whether no text of ``texts`` holds a lone surrogate: one search over them all, for many short texts."""
    return _LONE_SURROGATE.search("".join(texts)) is None


def optional_text(value: Any, name: str) -> str | None:
    return None if value is None else text_value(value, name)


def category_value(value: Any, name: str = "category") -> str:
    """A category name: non-empty text; null, numbers, lists and objects are refused, not turned into names."""
    text = text_value(value, name)
    if not text.strip():
        raise ValueError(f"{name} is empty")
    return text


def list_value(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list: {shown(value)}")
    return value


def object_value(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{name} is not an object: {shown(value)}")
    return value


def whole_number(value: Any, name: str) -> int:
    """An integer from a JSON number or a CSV cell; anything else (true, 1.5, "x") is refused by name."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{name} is not a whole number: {shown(value)}")
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name} is not a whole number: {shown(value)}") from None
    if number not in SQLITE_INTEGERS:
        raise ValueError(f"{name} is out of range: {shown(value)}")
    return number


def record_id(value: Any, name: str) -> int | None:
    """An id a file gives a record (an article's, a span's) to keep: a whole number from 1, or None."""
    if value is None:
        return None
    number = whole_number(value, name)
    if number < 1:
        raise ValueError(f"{name} is not an id (a whole number from 1): {shown(value)}")
    return number


def jsonl_objects(lines: Iterable[Line]) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, object or None, problem) for each non-blank line of a JSON Lines file."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, UndecodedLine):
            yield number, None, line.reason
            continue
        if not line or line.isspace():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, None, f"broken JSON ({error.msg} at column {error.colno})"
            continue
        except JSON_LIMITS as error:
            yield number, None, f"broken JSON ({past_json_limit(error)})"
            continue
        if not isinstance(value, dict):
            yield number, None, "not a JSON object"
            continue
        yield number, value, ""
