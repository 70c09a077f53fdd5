"""Faults are inputs: a locked, read-only, full, damaged or half-created database, and two writers."""

from __future__ import annotations

import gc
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from desktop.core.coding.commands import AddSpan, ChangeCategory, DeleteSpan
from desktop.core.coding.importing import prepare_article
from desktop.core.models import Span
from desktop.core.store import Conflict, Fault, Store, StoreError, database
from tests.conftest import PROJECT

TEXT = "各地推進創新發展，實施鄉村振興戰略，到二〇二五年基本實現目標。"


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked database is given up on after 0.2 s instead of 3 s, so that the suite stays fast."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)


def new_db(path: Path) -> int:
    with Store.open(path) as store:
        [article_id] = store.articles.add([prepare_article(TEXT, "a.txt", "utf-8")])
    return article_id


def span_of(store: Store, article_id: int, start: int = 2, end: int = 6, who: str = "a") -> Span:
    return store.document(article_id).span_from_text(start, end, "project", who)


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another program in the middle of a write transaction."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_locked_database_refuses_a_write_by_name_and_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    article_id = new_db(path)
    with Store.open(path) as store:
        other = hold_write_lock(path)
        with pytest.raises(StoreError) as caught:
            store.spans.insert(span_of(store, article_id))
        other.rollback()
        other.close()
        assert caught.value.fault is Fault.LOCKED and str(path) in str(caught.value)
        assert "locked" in str(caught.value) and not caught.value.needs_action
        assert store.spans.of_article(article_id) == []
        # The same write goes through once the other program is done.
        assert store.spans.insert(span_of(store, article_id)).id is not None


def test_a_writer_waits_for_another_writer_instead_of_failing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 3000)
    path = tmp_path / "busy.db"
    article_id = new_db(path)
    with Store.open(path) as store:
        locked = threading.Event()

        def other_program() -> None:
            other = hold_write_lock(path)
            locked.set()
            time.sleep(0.3)
            other.execute(
                "insert into categories (id, label_zh, label_en, colour, position) values ('x', 'x', 'x', '#fff', 9)"
            )
            other.commit()
            other.close()

        worker = threading.Thread(target=other_program)
        worker.start()
        locked.wait()
        started = time.monotonic()
        with store.transaction():
            # Reading first and writing second in one transaction: BEGIN IMMEDIATE waits at the start.
            store.spans.of_article(article_id)
            store.spans.insert(span_of(store, article_id))
        assert time.monotonic() - started >= 0.25
        worker.join()
        assert len(store.spans.of_article(article_id)) == 1 and "x" in store.categories.ids()


def test_a_full_disk_is_reported_as_full_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    article_id = new_db(path)
    with Store.open(path) as store:
        # SQLite's own SQLITE_FULL: the file may not grow by a single page.
        pages = store.db.execute("pragma page_count").fetchone()[0]
        store.db.execute(f"pragma max_page_count = {pages}")
        with pytest.raises(StoreError) as caught:
            store.articles.add([prepare_article(TEXT * 400, "big.txt", "utf-8")])
        assert caught.value.fault is Fault.FULL and caught.value.needs_action and "full" in str(caught.value)
        assert store.articles.count() == 1 and store.articles.get(article_id).text


def test_an_unwritable_file_opens_read_only_and_refuses_writes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ro.db"
    article_id = new_db(path)
    # Tests run as root, for whom chmod changes nothing: the program's own check is what is patched.
    monkeypatch.setattr(database, "_writable", lambda target: False)
    with Store.open(path) as store:
        assert store.read_only
        assert store.articles.get(article_id).text
        with pytest.raises(StoreError) as caught:
            store.spans.insert(span_of(store, article_id))
        assert caught.value.fault is Fault.READ_ONLY and "damaged" not in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write any file and folder")
def test_a_file_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    path = folder / "ro.db"
    article_id = new_db(path)
    folder.chmod(0o555)
    try:
        with Store.open(path) as store:
            assert store.read_only and store.articles.get(article_id).text
    finally:
        folder.chmod(0o755)


def test_reading_commands_never_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such.db"
    with pytest.raises(StoreError) as caught:
        Store.open(missing, create=False)
    assert caught.value.fault is Fault.MISSING and str(missing) in str(caught.value)
    assert not missing.parent.exists()


def damage(path: Path, offset: int, size: int = 8192) -> None:
    with path.open("r+b") as file:
        file.seek(offset)
        file.write(os.urandom(size))


def test_overwritten_pages_are_refused_at_open_and_the_backup_is_named(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    with Store.open(path) as store:
        store.articles.add([prepare_article(f"第{n}篇。" + TEXT * 20, f"{n}.txt", "utf-8") for n in range(300)])
        backup = store.keep_backup()
    assert backup is not None and backup.is_file()
    damage(path, path.stat().st_size // 2)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert caught.value.fault is Fault.DAMAGED and "damaged" in message and str(backup) in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "a damaged file is never written to"
    with Store.open(backup) as copy:
        assert copy.articles.count() == 300


def test_a_backup_is_refreshed_at_most_once_a_day(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    new_db(path)
    with Store.open(path) as store:
        assert store.keep_backup() is not None
        assert store.keep_backup() is None


def test_a_kill_while_creating_leaves_no_half_made_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    # The process dies at the last step of creation, just before the file would appear.
    script = textwrap.dedent(
        f"""
        import os
        os.link = lambda *args: os._exit(9)
        from desktop.core.store import Store
        Store.open({str(path)!r})
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, timeout=60)
    assert result.returncode == 9
    assert not path.exists()
    with Store.open(path) as store:
        assert [c.id for c in store.categories.all()] == ["project", "target", "measure"]


def test_a_file_cut_short_by_an_older_version_opens_as_new(tmp_path: Path) -> None:
    path = tmp_path / "half.db"
    conn = sqlite3.connect(path)
    conn.execute(
        "create table _sqlite_migrations (id integer primary key, migration_set text, name text, applied_at text)"
    )
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.articles.count() == 0 and len(store.categories.all()) == 3


def test_two_stores_on_one_file_never_undo_each_others_spans(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    article_id = new_db(path)
    with Store.open(path) as mine, Store.open(path) as theirs:
        tag = AddSpan(span_of(mine, article_id, 2, 6, "a"))
        mine_id = tag.do(mine).span_ids[0]
        tag.undo(mine)
        their_id = theirs.spans.insert(span_of(theirs, article_id, 8, 12, "b")).id
        assert their_id != mine_id, "a span id is never given out twice"
        assert tag.do(mine).span_ids == (mine_id,)
        tag.undo(mine)
        assert [s.id for s in theirs.spans.of_article(article_id)] == [their_id]


def test_an_undo_refuses_a_row_another_program_changed(tmp_path: Path) -> None:
    path = tmp_path / "changed.db"
    article_id = new_db(path)
    with Store.open(path) as mine, Store.open(path) as theirs:
        stored = AddSpan(span_of(mine, article_id)).do(mine).spans[0]
        recategorise = ChangeCategory(stored, "measure")
        recategorise.do(mine)
        assert stored.id is not None
        theirs.spans.update(stored.id, category_id="target")
        with pytest.raises(Conflict):
            recategorise.undo(mine)
        assert mine.spans.get(stored.id).category_id == "target", "their change stays"

        delete = DeleteSpan(mine.spans.get(stored.id))
        theirs.spans.delete(stored.id)
        with pytest.raises(Conflict, match="no longer there"):
            delete.do(mine)


def test_a_file_system_without_hard_links_still_gets_its_database(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_links(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "fat.db"
    with Store.open(path) as store:
        assert store.categories.ids() == {"project", "target", "measure"}
    assert path.is_file() and not [p for p in tmp_path.iterdir() if ".creating-" in p.name]


def test_a_write_that_ctrl_c_stopped_before_its_body_is_let_go_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl+C between a with-block's start and its body (a batch's transaction and a record's
    savepoint started, neither ended) and the store closed as the interrupt leaves the command: when
    the two are collected, nothing is printed, and what they held was not stored."""
    path = tmp_path / "a.db"
    article_id = new_db(path)
    store = Store.open(path)
    batch, record = store.transaction(), store.transaction()
    batch.__enter__()
    record.__enter__()
    store.db.execute("delete from articles where id = ?", [article_id])
    store.close()
    unraisable: list[object] = []
    previous, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        del batch, record
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert unraisable == []
    with Store.open(path) as again:
        assert again.articles.count() == 1
