"""Re-process on request: a new Simplified text, spans re-mapped through their original offsets."""

from __future__ import annotations

from desktop.core.coding.importing import prepare_article
from desktop.core.coding.reprocessing import reprocess_article
from desktop.core.document import Document
from desktop.core.store import Store
from desktop.core.text.pipeline import process

ORIGINAL = "標題\n\n推進,,項目建設,,發展新產業。加快創新。\n\n分享到:\n相關文章:\n"


def tagged(store: Store) -> tuple[int, Document]:
    [article_id] = store.articles.add([prepare_article(ORIGINAL, "a.txt", "utf-8", rules=["pinyin_notes"])])
    document = store.document(article_id)
    text = document.article.text
    for phrase, category in (("發展新產業", "target"), ("加快創新", "measure")):
        start = text.index(phrase.replace("發展新產業", "发展新产业").replace("加快創新", "加快创新"))
        store.spans.insert(document.span_at(start, start + len(phrase), category, "li"))
    return article_id, document


def test_spans_follow_the_new_text(store: Store) -> None:
    article_id, _ = tagged(store)
    outcome = reprocess_article(store, article_id)
    assert outcome.changed and outcome.spans_moved == 2 and not outcome.blocking
    after = store.articles.get(article_id)
    assert after.text == process(ORIGINAL).text
    assert after.rules == process(ORIGINAL).rules
    for span in store.spans.of_article(article_id):
        assert after.text[span.start : span.end] == span.text
        assert after.original_text[span.original_start : span.original_end] == span.original_text
    assert [s.text for s in store.spans.of_article(article_id)] == ["发展新产业", "加快创新"]
    again = reprocess_article(store, article_id)
    assert not again.changed


def test_a_span_in_text_now_removed_keeps_the_article_as_it_was(store: Store) -> None:
    article_id, document = tagged(store)
    tail = document.article.text.index("分享到")
    blocker = store.spans.insert(document.span_at(tail, tail + 3, "project", "li"))
    before = (store.articles.get(article_id), store.spans.of_article(article_id), store.articles.offset_map(article_id))
    outcome = reprocess_article(store, article_id)
    assert not outcome.changed and [s.id for s in outcome.blocking] == [blocker.id]
    assert (
        store.articles.get(article_id),
        store.spans.of_article(article_id),
        store.articles.offset_map(article_id),
    ) == before
