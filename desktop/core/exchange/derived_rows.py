"""What a processed article's record yields beside the writer: its coding units and search-index
terms, worked out in worker processes while the writer stores the records before it."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from itertools import chain, islice
from typing import Any

from desktop.core.coding.in_workers import in_order
from desktop.core.exchange.incoming import IncomingRecord
from desktop.core.offsets import OffsetMap, OffsetMapError
from desktop.core.search_terms import document_terms
from desktop.core.units import UnitColumns, unit_columns

Derived = tuple[UnitColumns, str]
# Fewer processed articles than this are worked out here: starting workers would cost more.
WORKERS_FROM = 100
_DERIVED_CHUNK = 25


def carries_map(record: IncomingRecord) -> bool:
    return record.article is not None and "offset_map" in record.article


def derived_in_order(records: Iterable[IncomingRecord], workers: int) -> Generator[Derived | None, None, None]:
    """For each record that carries a processed article (in order), its units and terms; None where a
    worker could not (the writer then works them out, and reports what is wrong)."""
    carried = (
        (record.article.get("title") or "", record.article["text"], record.article["offset_map"])
        for record in records
        if carries_map(record) and record.article is not None
    )
    # Workers only for a file with enough processed articles to pay for starting them.
    first = list(islice(carried, WORKERS_FROM))
    used = workers if len(first) >= WORKERS_FROM else 1
    return in_order(chain(first, carried), _derived_chunk, used, _DERIVED_CHUNK)


def _derived_chunk(chunk: list[tuple[str, Any, Any]]) -> list[Derived | None]:
    found: list[Derived | None] = []
    for title, text, offset_map in chunk:
        try:
            mapped = OffsetMap.from_json(offset_map)
            found.append((unit_columns(text, mapped), document_terms(title, text)))
        except (OffsetMapError, KeyError, TypeError, ValueError, AttributeError):
            found.append(None)  # a malformed record: the writer's checks say what is wrong with it
    return found
