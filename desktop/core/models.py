"""Plain value types shared across the core and the window."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NamedTuple

from desktop.core.layers import Layers
from desktop.core.offsets import OffsetMap
from desktop.core.units import UnitColumns


class Script(StrEnum):
    """Which of an article's two texts offsets count in."""

    SIMPLIFIED = "text"
    ORIGINAL = "original"


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class FlagKind(StrEnum):
    MOJIBAKE = "mojibake"
    REPLACEMENT_CHARACTER = "replacement_character"
    MISSING_DIGITS = "missing_digits"
    # Chinese decoded with the wrong code page, read again in the Simplified text.
    REDECODED = "redecoded"


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
    """A code of the codebook. ``shortcut`` is the key set by hand ('' for none); ``key`` the key it
    answers to, by hand or given in tree order (see ``codebook.Codebook``)."""

    id: str
    label_zh: str
    label_en: str
    colour: str
    shortcut: str
    position: int  # among its siblings
    description: str = ""  # the coding rule an analyst reads to decide
    parent_id: str | None = None
    codable: bool = True  # False: a heading that only groups its children
    guid: str = ""  # REFI-QDA's id for the code; kept as other tools wrote it
    key: str = ""


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

    def range_in(self, script: Script) -> tuple[int, int]:
        """(start, end) in the Simplified or the original text."""
        if script is Script.ORIGINAL:
            return self.original_start, self.original_end
        return self.start, self.end


def ranges_in(spans: Iterable[Span], script: Script) -> list[tuple[int, int, Span]]:
    """(start, end, span) of many spans in one script: what a pane paints when an article opens.

    A comprehension per script: calling range_in() per span made opening 2,000 spans 2 ms slower.
    """
    if script is Script.ORIGINAL:
        return [(s.original_start, s.original_end, s) for s in spans]
    return [(s.start, s.end, s) for s in spans]


def text_order(span: Span) -> tuple[int, int, int]:
    """Where a span sorts among its article's spans: in text order, then by id, as the store lists them."""
    return span.start, span.end, span.id or 0


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    status: Status
    span_counts: tuple[int, ...]  # one per layer counted (ArticleFilter.layers), never summed
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
    # The headline as the page wrote it; ``title`` is its clean Simplified form.
    original_title: str = ""


@dataclass(frozen=True)
class NewArticle:
    """An article as the text pipeline made it, ready to be stored."""

    title: str
    original_text: str
    text: str
    # None in an article an import's worker sent to its writer with ``map_json`` alone: see ``mapped``.
    offset_map: OffsetMap | None
    sha256: str
    text_sha256: str
    encoding: str
    converter: str
    converter_version: str
    pipeline_version: int
    rules: tuple[str, ...]
    source_path: str
    flags: tuple[Flag, ...]
    original_title: str = ""
    # Metadata the page states: (field name, value) pairs; stored only where the field is empty.
    metadata: tuple[tuple[str, str], ...] = ()
    # What an import's worker process worked out so that the writing process only inserts:
    # the coding units (see units.unit_columns; None: from the text), the search-index terms and the map as JSON.
    units: UnitColumns | None = None
    index_terms: str = ""
    map_json: str = ""

    def mapped(self) -> OffsetMap:
        """The map between the two texts, read from ``map_json`` when the article came without it."""
        if self.offset_map is not None:
            return self.offset_map
        return OffsetMap.from_json(json.loads(self.map_json))

    def without_map(self) -> NewArticle:
        """The article as an import's worker sends it to the writer, which stores ``map_json`` and never
        reads the map: unpickling the map's blocks and columns was ~4% of a two-worker import's wall time."""
        return replace(self, offset_map=None) if self.map_json else self


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles the article list shows; empty means all."""

    status: Status | None = None
    contains: str = ""  # in the title or the Simplified text, as typed there (already converted)
    # The articles a search found (the window's filter, worked out off its thread); None: no such limit.
    ids: tuple[int, ...] | None = None
    # Whose spans the span column counts, a number per layer (core.layers); none: every span.
    layers: Layers = ()
    # Show and filter by this analyst's own status (blind double coding), not the article's.
    status_of: str = ""
    # Articles listed first, in this order (a learned model's least sure first); the rest follow by id.
    order: tuple[int, ...] | None = None


@dataclass(frozen=True)
class SpanFilter:
    """Which spans (and articles) an export takes; an empty field means all."""

    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()
    layers: Layers = ()  # whose spans (core.layers); none: every analyst's, each span with its analyst
    # Take every article the other filters allow, even one where no span passes (a work package
    # for a second coder: the sample's articles, with none of the first coder's spans).
    every_article: bool = False
    # No spans at all: the articles alone (a work package for a second coder, blind to the first).
    texts_only: bool = False
