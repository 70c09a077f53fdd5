"""Plain value types shared across the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``; offsets in code points."""

    start: int
    end: int
    replacement: str


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class FlagKind(StrEnum):
    MOJIBAKE = "mojibake"
    REPLACEMENT_CHARACTER = "replacement_character"
    MISSING_DIGITS = "missing_digits"


@dataclass(frozen=True)
class Flag:
    """Something suspicious in the original text, left unchanged for the analyst to judge."""

    kind: FlagKind
    original_start: int
    original_end: int
    excerpt: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Category:
    id: str
    label_zh: str
    label_en: str
    colour: str
    shortcut: str
    position: int


class Span(NamedTuple):
    """A tagged passage, quoted in both scripts. A tuple: thousands are read per article."""

    id: int | None
    article_id: int
    category_id: str
    start: int
    end: int
    text: str
    original_start: int
    original_end: int
    original_text: str
    note: str = ""
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    status: Status
    span_count: int
    flag_count: int


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    original_text: str
    text: str
    source_path: str
    status: Status
    sha256: str
    encoding: str
    converter: str
    converter_version: str
    pipeline_version: int
    rules: tuple[str, ...]
    imported_at: str
    flags: tuple[Flag, ...] = field(default=())
