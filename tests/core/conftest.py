"""An article with pinyin notes, doubled punctuation, an astral character and a removed tail."""

from __future__ import annotations

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.document import Document
from desktop.core.store import Store

ORIGINAL = "青禾縣創(chuàng)業(yè)推進(jìn)發(fā)展規劃,,建設產業園。\n第二行𠮷祥街區。\n\n分享到:\n"


@pytest.fixture
def document(store: Store) -> Document:
    [article_id] = store.articles.add([prepare_article(ORIGINAL, "a.txt", "utf-8")])
    return store.document(article_id)
