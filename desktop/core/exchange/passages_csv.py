"""Every passage of some codes with the words around it, as CSV (the retrieval view's export)."""

from __future__ import annotations

from typing import TextIO

from desktop.core.exchange.csv_cells import GuardedWriter
from desktop.core.store import Store
from desktop.core.store.passages import PassageFilter, PassageOrder

COLUMNS = ("span_id", "article_id", "title", "category", "annotator", "start", "end", "before", "text", "after", "note")


def write_passages(store: Store, chosen: PassageFilter, order: PassageOrder, out: TextIO) -> int:
    """One row per passage, a page of the store at a time; text cells are never formulas. Returns the rows."""
    writer = GuardedWriter(out)
    writer.writerow(COLUMNS)
    offset = 0
    while page := store.passages.page(chosen, order, offset, 500):
        for passage in page:
            span = passage.span
            cells = [span.id, span.article_id, passage.title, span.category_id, span.annotator, span.start, span.end]
            cells += [passage.before, span.text, passage.after, span.note]
            writer.writerow(cells)
        offset += len(page)
    return offset
