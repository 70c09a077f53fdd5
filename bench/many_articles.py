"""A database of many articles, fast: one short article processed once, stored again and again under
distinct titles and digests (rows written by the store, no text pipeline per article)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store

BATCH = 5_000


def add_many_articles(store: Store, count: int, original: str) -> Iterator[list[int]]:
    """Store ``count`` copies of ``original`` (processed once), ``BATCH`` at a time; yields each batch's ids."""
    template = prepare_article(original, "0.txt", "utf-8")
    for first in range(0, count, BATCH):
        batch = [
            replace(template, title=f"第{n}篇文章", sha256=f"{n:064x}") for n in range(first, min(count, first + BATCH))
        ]
        yield store.articles.add(batch)
