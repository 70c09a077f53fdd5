"""The store: schema, defaults, refusals that leave files untouched, quote checks."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.annotating import Document
from desktop.core.importing import prepare_article
from desktop.core.models import Span, Status
from desktop.core.store import SpanMismatch, Store, StoreError

ORIGINAL = "青禾縣創(chuàng)業(yè)推進(jìn)發(fā)展,,項目建設。\n\n分享到:\n"


def add_article(store: Store, original: str = ORIGINAL) -> int:
    return store.add_articles([prepare_article(original, "mem.txt", "utf-8")])[0]


def span_for(store: Store, article_id: int, start: int, end: int, category: str = "project") -> Span:
    document = Document(store.article(article_id), store.offset_map(article_id))
    return document.span_at(start, end, category, "tester")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_categories(store: Store) -> None:
    assert [(c.id, c.label_zh, c.shortcut) for c in store.categories()] == [
        ("project", "项目", "1"),
        ("target", "目标", "2"),
        ("measure", "措施", "3"),
    ]


def test_article_round_trip_keeps_original_and_map(store: Store) -> None:
    article_id = add_article(store)
    article = store.article(article_id)
    assert article.original_text == ORIGINAL
    assert article.text == "青禾县创业推进发展,项目建设。"
    assert article.status is Status.TODO
    assert article.rules == ("pinyin_notes", "doubled_punctuation", "repeated_title", "boilerplate_tail")
    assert article.converter.lower() in ("opencc-python-reimplemented", "opencc")
    offset_map = store.offset_map(article_id)
    assert (offset_map.original_length, offset_map.text_length) == (len(ORIGINAL), len(article.text))


def test_spans_quote_both_scripts(store: Store) -> None:
    article_id = add_article(store)
    stored = store.insert_span(span_for(store, article_id, 3, 7))
    assert stored.id is not None
    assert (stored.text, stored.original_text) == ("创业推进", "創(chuàng)業(yè)推進(jìn)")
    assert store.spans(article_id) == [stored]
    with pytest.raises(SpanMismatch):
        store.insert_span(stored._replace(id=None, text="别的"))
    with pytest.raises(SpanMismatch):
        store.insert_span(stored._replace(id=None, end=999))
    assert len(store.spans(article_id)) == 1


def test_delete_and_restore_keep_the_id(store: Store) -> None:
    article_id = add_article(store)
    stored = store.insert_span(span_for(store, article_id, 0, 3))
    deleted = store.delete_span(stored.id)  # type: ignore[arg-type]
    assert store.spans(article_id) == []
    assert store.insert_span(deleted) == stored


def test_status_and_stats(store: Store) -> None:
    article_id = add_article(store)
    store.insert_span(span_for(store, article_id, 0, 3, "target"))
    store.set_status(article_id, Status.DONE)
    stats = store.stats()
    assert stats["articles"]["done"] == 1
    assert store.progress() == (1, 1)
    assert stats["spans"] == {"project": 0, "target": 1, "measure": 0}


def test_file_database_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.db")
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("pragma foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "insert into spans (article_id, category_id, start, end, text, original_start,"
            " original_end) values (99, 'project', 0, 1, 'x', 0, 1)"
        )
    store.close()


def test_reopening_keeps_data_and_applies_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    store = Store.open(path)
    add_article(store)
    store.close()
    again = Store.open(path)
    assert again.article_count() == 1
    applied = again.db.execute("select name from _sqlite_migrations").fetchall()
    assert [name for (name,) in applied] == ["m001_initial", "m002_find_by_text", "m003_article_counts"]
    again.close()


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) values"
        " ('policy_annotator', 'm099_from_the_future', 'later')"
    )
    conn.commit()
    conn.close()
    before = file_digest(path)
    with pytest.raises(StoreError, match="newer version"):
        Store.open(path)
    assert file_digest(path) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is not a database at all" * 100, "not a Policy Annotator database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "not a Policy Annotator database"),
    ],
)
def test_damaged_files_are_refused_and_untouched(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=reason):
        Store.open(path)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table customers (id integer primary key)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)


def test_locked_database_gets_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.db"
    Store.open(path).close()
    monkeypatch.setattr("desktop.core.store.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("pragma journal_mode = delete")
    holder.execute("begin exclusive")
    try:
        with pytest.raises(StoreError, match="locked"):
            Store.open(path)
    finally:
        holder.execute("rollback")
        holder.close()


def test_a_failing_batch_writes_nothing(store: Store) -> None:
    good = prepare_article("第一篇文章。", "a.txt", "utf-8")
    clash = replace(prepare_article("第二篇文章。", "b.txt", "utf-8"), sha256=good.sha256)
    with pytest.raises(sqlite3.IntegrityError):
        store.add_articles([good, clash])
    assert store.article_count() == 0


def test_a_crash_after_a_change_loses_nothing(tmp_path: Path) -> None:
    """A process that dies without closing the database keeps every change it reported."""
    import subprocess
    import sys
    import textwrap

    path = tmp_path / "crash.db"
    store = Store.open(path)
    article_id = add_article(store)
    store.close()
    script = textwrap.dedent(
        f"""
        import os
        from desktop.core.annotating import Document
        from desktop.core.commands import AddSpan
        from desktop.core.store import Store
        store = Store.open({str(path)!r})
        document = Document(store.article({article_id}), store.offset_map({article_id}))
        AddSpan(document.span_from_text(3, 7, "project", "li")).do(store)
        print("saved", flush=True)
        os._exit(9)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 9 and "saved" in result.stdout
    reopened = Store.open(path)
    assert [span.text for span in reopened.spans(article_id)] == ["创业推进"]
    reopened.close()


def test_summary_row_follows_the_filter(store: Store) -> None:
    ids = store.add_articles([prepare_article(f"第{i}篇\n正文{i % 2}。", f"{i}.txt", "utf-8") for i in range(6)])
    store.set_status(ids[3], Status.DONE)
    assert [store.summary_row(i) for i in ids] == [0, 1, 2, 3, 4, 5]
    assert store.summary_row(ids[3], Status.DONE) == 0
    assert store.summary_row(ids[2], Status.DONE) == -1
    assert store.summary_row(ids[5], contains="正文1") == 2
    summaries = store.article_summaries(status=Status.TODO)
    assert [s.id for s in summaries].index(ids[4]) == store.summary_row(ids[4], Status.TODO)


def test_counts_kept_by_triggers_match_real_counts(store: Store) -> None:
    ids = store.add_articles([prepare_article(f"第{i}篇文章。", f"{i}.txt", "utf-8") for i in range(7)])
    store.set_status(ids[0], Status.DONE)
    store.set_status(ids[1], Status.DONE)
    store.set_status(ids[1], Status.IN_PROGRESS)
    store.set_status(ids[2], Status.DONE)
    store.set_status(ids[2], Status.DONE)  # unchanged: no double count
    store.db.execute("delete from articles where id = ?", [ids[6]])
    for status in (None, *Status):
        where = "" if status is None else f"where status = '{status.value}'"
        real = store.db.execute(f"select count(*) from articles {where}").fetchone()[0]
        assert store.article_count(status) == real
    assert store.progress() == (2, 6)
