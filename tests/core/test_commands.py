"""The undoable commands: each step does what it says and returns a record of exactly that change."""

from __future__ import annotations

from desktop.core.coding.commands import AddSpan, ChangeCategory, ChangeKind, ChangeStatus, DeleteSpan, EditNote
from desktop.core.document import Document
from desktop.core.models import Status
from desktop.core.store import Store


def test_commands_do_and_undo(store: Store, document: Document) -> None:
    add = AddSpan(document.span_from_text(3, 7, "project", "li"))
    add.do(store)
    assert add.stored is not None
    span = add.stored
    note = EditNote(span, "重要")
    note.do(store)
    category = ChangeCategory(store.spans.get(span.id), "measure")
    category.do(store)
    assert (store.spans.get(span.id).note, store.spans.get(span.id).category_id) == ("重要", "measure")
    category.undo(store)
    note.undo(store)
    assert (store.spans.get(span.id).note, store.spans.get(span.id).category_id) == ("", "project")
    delete = DeleteSpan(store.spans.get(span.id))
    delete.do(store)
    assert store.spans.of_article(document.article.id) == []
    delete.undo(store)
    assert store.spans.get(span.id).id == span.id
    add.undo(store)
    assert store.spans.of_article(document.article.id) == []
    add.do(store)  # redo brings back the same row
    assert store.spans.of_article(document.article.id)[0].id == span.id
    status = ChangeStatus(document.article.id, Status.DONE, Status.TODO)
    status.do(store)
    assert store.articles.status(document.article.id) is Status.DONE
    status.undo(store)
    assert store.articles.status(document.article.id) is Status.TODO


def test_each_step_reports_what_it_changed(store: Store, document: Document) -> None:
    """The record names the article and carries each span as the database now holds it (or held it)."""
    article_id = document.article.id
    add = AddSpan(document.span_from_text(3, 7, "project", "li"))
    added = add.do(store)
    [stored] = store.spans.of_article(article_id)
    assert (added.kind, added.article_id, added.spans, added.span_ids) == (
        ChangeKind.SPANS_ADDED,
        article_id,
        (stored,),
        (stored.id,),
    )
    assert stored.id is not None and stored.created_at

    note = EditNote(stored, "重要")
    noted = note.do(store)
    assert noted.kind is ChangeKind.SPANS_EDITED and noted.spans == (store.spans.get(stored.id),)
    assert noted.spans[0].note == "重要"
    recategorised = ChangeCategory(noted.spans[0], "measure")
    moved = recategorised.do(store)
    assert moved.spans == (store.spans.get(stored.id),) and moved.spans[0].category_id == "measure"
    back = recategorised.undo(store)
    assert back.kind is ChangeKind.SPANS_EDITED and back.spans[0].category_id == "project"
    assert back.spans == (store.spans.get(stored.id),)

    delete = DeleteSpan(back.spans[0])
    removed = delete.do(store)
    assert (removed.kind, removed.spans) == (ChangeKind.SPANS_REMOVED, back.spans)
    assert store.spans.of_article(article_id) == []
    restored = delete.undo(store)
    assert (restored.kind, restored.spans) == (ChangeKind.SPANS_ADDED, (store.spans.get(stored.id),))

    # Undo goes back in order: the note first, then the tag.
    assert note.undo(store).spans[0].note == ""
    undone = add.undo(store)
    assert undone.kind is ChangeKind.SPANS_REMOVED and undone.span_ids == (stored.id,)
    assert store.spans.of_article(article_id) == []

    status = ChangeStatus(article_id, Status.DONE, Status.TODO)
    done = status.do(store)
    assert (done.kind, done.article_id, done.status, done.spans) == (ChangeKind.STATUS, article_id, Status.DONE, ())
    assert status.undo(store).status is Status.TODO is store.articles.status(article_id)
