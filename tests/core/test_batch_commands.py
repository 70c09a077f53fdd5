"""Tagging search hits as one recorded batch: skipped hits, widening, undo after reopening, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.coding.batch_commands import TagHits, UndoBatch, Widen, clause_around, plan_batch
from desktop.core.coding.commands import ChangeCategory
from desktop.core.coding.importing import import_paths, prepare_article
from desktop.core.search.searching import hits, prepare
from desktop.core.store import SpanMismatch, Store
from desktop.core.store.batches import BatchState
from tests.conftest import SAMPLE_DATA


def found(store: Store, query: str) -> list[tuple[int, int, int]]:
    return [(hit.article_id, hit.start, hit.end) for hit in hits(store, prepare(query))]


def tag_all(store: Store, query: str, widen: Widen = Widen.HIT, category: str = "measure") -> TagHits:
    command = TagHits(plan_batch(store, found(store, query), category, "ana", widen), category, "ana", query)
    command.do(store)
    return command


def test_every_hit_becomes_a_span_quoting_both_scripts(store: Store) -> None:
    list(import_paths(store, [SAMPLE_DATA], workers=1))
    command = tag_all(store, "鄉村振興")
    assert command.batch is not None
    stored = [s for a in store.articles.ids() for s in store.spans.of_article(a)]
    assert sorted((s.article_id, s.start, s.end) for s in stored) == found(store, "乡村振兴")
    for span in stored:
        document = store.document(span.article_id)
        assert document.quotes_match(span) and span.text == "乡村振兴"
        assert prepare_article(span.original_text, "x", "utf-8").text == "乡村振兴"
    assert command.batch.tagged == len(stored) and command.batch.skipped == 0


def test_hits_tagged_already_are_skipped_and_counted(store: Store) -> None:
    list(import_paths(store, [SAMPLE_DATA], workers=1))
    first = tag_all(store, "乡村振兴")
    again = plan_batch(store, found(store, "乡村振兴"), "measure", "ana")
    assert again.spans == () and again.skipped == len(first.planned.spans)
    # Another category is another tag.
    assert len(plan_batch(store, found(store, "乡村振兴"), "project", "ana").spans) == len(first.planned.spans)


def test_hits_widen_to_their_clause_or_sentence(store: Store) -> None:
    [article_id] = store.articles.add(
        [prepare_article("标题\n一是加快乡村振兴，完善设施。二是推进建设！", "a.txt", "utf-8")]
    )
    text = store.articles.text(article_id)
    hit = [(article_id, text.index("振兴"), text.index("振兴") + 2)]
    [clause] = plan_batch(store, hit, "measure", "ana", Widen.CLAUSE).spans
    assert clause.text == "一是加快乡村振兴，"
    [sentence] = plan_batch(store, hit, "measure", "ana", Widen.SENTENCE).spans
    assert sentence.text == "一是加快乡村振兴，完善设施。"
    assert clause_around("甲，乙丙。”丁", 2, 3) == (2, 6)  # the closing quote after the mark too
    # Two hits in one sentence make one span, the second counted as skipped.
    both = [(article_id, text.index("加快"), text.index("加快") + 2), *hit]
    planned = plan_batch(store, both, "measure", "ana", Widen.SENTENCE)
    assert len(planned.spans) == 1 and planned.skipped == 1


def test_a_batch_is_undone_and_redone_after_the_database_was_closed(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        list(import_paths(store, [SAMPLE_DATA], workers=1))
        command = tag_all(store, "项目", category="project")
        assert command.batch is not None
        made = [s for a in store.articles.ids() for s in store.spans.of_article(a)]
        recoded = made[0]
        ChangeCategory(recoded, "measure").do(store)  # an analyst's change since: undo keeps it
    with Store.open(path) as store:
        [batch] = store.batches.recent()
        undo = UndoBatch(batch)
        change = undo.do(store)
        assert change.detail == f"removed {len(made) - 1} spans, kept 1 changed since"
        left = [s for a in store.articles.ids() for s in store.spans.of_article(a)]
        assert [s.id for s in left] == [recoded.id]
        assert store.batches.get(batch.id).state is BatchState.UNDONE
        undo.undo(store)  # redo the batch: the same ids come back
        back = sorted(s.id or 0 for a in store.articles.ids() for s in store.spans.of_article(a))
        assert back == sorted(s.id or 0 for s in made)


def test_a_batch_is_all_or_nothing(store: Store) -> None:
    list(import_paths(store, [SAMPLE_DATA], workers=1))
    planned = plan_batch(store, found(store, "项目"), "project", "ana")
    broken = planned.spans[-1]._replace(text="不对")
    bad = TagHits(type(planned)((*planned.spans[:-1], broken), 0), "project", "ana", "项目")
    with pytest.raises(SpanMismatch):
        bad.do(store)
    assert store.batches.recent() == []
    assert all(store.spans.of_article(a) == [] for a in store.articles.ids())
