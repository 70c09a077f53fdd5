"""What a processed article's record yields beside the writer: its coding units and search-index
terms, worked out in worker processes while the writer stores the records before it."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from itertools import chain, islice, tee
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


def with_derived(
    records: Iterator[IncomingRecord], workers: int
) -> tuple[Iterator[IncomingRecord], Generator[Derived | None, None, None]]:
    """The records for the writer, and for each that carries a processed article (in order) its units
    and terms; None where a worker could not (the writer then works them out, and reports what is wrong).

    The file's first records decide. With none carrying a processed article (a spans CSV, a doccano
    file) the writer reads the records alone: a second reader of them that never moves on made the
    first keep every record read, and such a file was held whole. Workers only for a file with
    enough processed articles to pay for starting them.
    """
    # (one more than the workers' threshold: a file of ours starts with its codebook line)
    head = list(islice(records, WORKERS_FROM + 1))
    carrying = sum(map(carries_map, head))
    if not carrying:
        return chain(head, records), _none()
    # What lies between the writer and the workers' reader is the workers' look-ahead.
    for_workers, for_writer = tee(chain(head, records))
    carried = (
        (record.article.get("title") or "", record.article["text"], record.article["offset_map"])
        for record in for_workers
        if carries_map(record) and record.article is not None
    )
    used = workers if carrying >= WORKERS_FROM else 1
    return for_writer, in_order(carried, _derived_chunk, used, _DERIVED_CHUNK)


def _none() -> Generator[Derived | None, None, None]:
    yield from ()


def _derived_chunk(chunk: list[tuple[str, Any, Any]]) -> list[Derived | None]:
    found: list[Derived | None] = []
    for title, text, offset_map in chunk:
        try:
            mapped = OffsetMap.from_json(offset_map)
            found.append((unit_columns(text, mapped), document_terms(title, text)))
        except (OffsetMapError, KeyError, TypeError, ValueError, AttributeError):
            found.append(None)  # a malformed record: the writer's checks say what is wrong with it
    return found
