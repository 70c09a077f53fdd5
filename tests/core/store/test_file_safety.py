"""The database's files under faults of our own process: lost locks, damage quick_check misses, backups, restore."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.models import Span
from desktop.core.store import Fault, FileProblem, Store, StoreError, database, integrity
from desktop.core.store.backups import BackupKind, backups_of, make_backup, restore_backup
from desktop.core.store.file_guard import is_database_file, lock_holders, own_lock_count
from tests.conftest import PROJECT

TEXT = "各地推進創新發展，實施鄉村振興戰略，到二〇二五年基本實現目標。"
linux_locks = pytest.mark.skipif(lock_holders(__file__) is None, reason="/proc/locks lists the locks only on Linux")


def new_db(path: Path, articles: int = 1) -> None:
    with Store.open(path) as store:
        store.articles.add([prepare_article(f"第{n}篇。{TEXT}", f"{n}.txt", "utf-8") for n in range(articles)])


def damage_an_index(path: Path) -> None:
    """An index out of step with its table: quick_check passes it, integrity_check does not."""
    conn = sqlite3.connect(path)
    conn.execute("pragma writable_schema = 1")
    conn.execute(
        "update sqlite_master set sql = replace(sql, '(\"status\")', '(\"title\")') where name = 'idx_articles_status'"
    )
    conn.commit()
    conn.close()
    check = sqlite3.connect(path)
    assert check.execute("pragma quick_check").fetchone()[0] == "ok"
    assert check.execute("pragma integrity_check").fetchone()[0] != "ok"
    check.close()


def a_span(store: Store) -> Span:
    [article_id] = store.articles.ids()[:1]
    return store.document(article_id).span_from_text(2, 6, "project", "a")


@linux_locks
def test_closing_any_descriptor_of_the_file_drops_the_locks_and_reopening_takes_them_again(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path)
    with Store.open(path) as store:
        assert own_lock_count(path) and own_lock_count(f"{path}-shm")
        assert store.file_problem() is None
        # What a file dialog sniffing the type does: open the file, read a little, close it.
        with open(path, "rb") as sniff:
            sniff.read(16)
        assert own_lock_count(path) == 0, "POSIX locks belong to the process: closing any descriptor drops them"
        assert store.file_problem() is FileProblem.LOCKS_LOST
        store.reopen()
        assert own_lock_count(path) and store.file_problem() is None
        assert store.spans.insert(a_span(store)).id is not None


def test_a_file_replaced_or_removed_under_the_connection_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path)
    other = tmp_path / "other.db"
    new_db(other)
    with Store.open(path) as store:
        os.rename(path, tmp_path / "moved.db")
        assert store.file_problem() is FileProblem.REMOVED
        os.link(other, path)
        assert store.file_problem() is FileProblem.REPLACED
        assert not FileProblem.REPLACED.reopening_helps and FileProblem.LOCKS_LOST.reopening_helps
        store.give_up_writing(FileProblem.REPLACED.value)
        with pytest.raises(StoreError, match="replaced") as caught:
            store.spans.insert(a_span(store))
        assert caught.value.fault is Fault.READ_ONLY


def test_the_database_and_its_sqlite_files_are_known_by_identity_and_name(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path)
    with Store.open(path) as store:
        link = tmp_path / "alias.txt"
        link.symlink_to(path)
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"), link):
            assert store.owns_file(candidate), candidate
        assert is_database_file(tmp_path / "sub" / ".." / "day.db", path)
        assert not store.owns_file(tmp_path / "day.db.csv") and not store.owns_file(PROJECT / "README.md")
        # An import looks at the database's files once: what appears later is still known by its name.
        own = store.own_files()
        journal = Path(f"{path}-journal")
        journal.write_bytes(b"")  # (a stand-in: SQLite's journal is made and removed during a write)
        for candidate in (path, link, journal, Path(f"{path}-wal")):
            assert candidate in own, candidate
        assert tmp_path / "day.db.csv" not in own and PROJECT / "README.md" not in own
        journal.unlink()


def test_damage_that_quick_check_misses_is_refused_at_open_naming_the_backup_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path, 20)
    backup = make_backup(path, BackupKind.DAILY)
    damage_an_index(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert caught.value.fault is Fault.DAMAGED and "missing from index" in message
    assert str(backup) in message and "policy-annotator restore" in message and "Restore backup" in message
    assert path.read_bytes() == before, "a damaged file is never written to"


def test_a_large_file_is_checked_in_the_background_and_writes_wait_for_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "large.db"
    new_db(path)
    monkeypatch.setattr(integrity, "SYNC_CHECK_BYTES", 0)
    release = threading.Event()
    real_check = integrity.integrity_problem

    def slow_check(conn: sqlite3.Connection) -> str | None:
        release.wait(10)
        return real_check(conn)

    monkeypatch.setattr(integrity, "integrity_problem", slow_check)
    started = time.monotonic()
    with Store.open(path) as store:
        assert time.monotonic() - started < 5, "opening does not wait for the check"
        assert store.articles.count() == 1, "reading goes on while the file is checked"
        written = threading.Event()
        thread = threading.Thread(target=lambda: (store_in_thread(path), written.set()))
        thread.start()
        time.sleep(0.3)
        assert not written.is_set(), "a write waits for the check"
        release.set()
        thread.join(10)
        assert written.is_set()
        assert store.write_refusal() is None


def store_in_thread(path: Path) -> None:
    with Store.open(path) as store:
        store.spans.insert(a_span(store))


def test_damage_found_in_the_background_refuses_writes_and_names_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "large.db"
    new_db(path, 20)
    backup = make_backup(path, BackupKind.DAILY)
    damage_an_index(path)
    monkeypatch.setattr(integrity, "SYNC_CHECK_BYTES", 0)
    with Store.open(path) as store:
        assert store.articles.count() == 20
        with pytest.raises(StoreError) as caught:
            store.spans.insert(a_span(store))
        assert caught.value.fault is Fault.DAMAGED and str(backup) in str(caught.value)
        assert store.write_refusal() is not None
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from spans").fetchone()[0] == 0
    conn.close()


def test_backups_keep_three_days_and_the_last_open_and_never_replace_a_good_one_with_a_damaged_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "day.db"
    new_db(path, 3)
    today = datetime(2026, 12, 5, 18, 0)
    for days_ago in range(5, -1, -1):
        make_backup(path, BackupKind.DAILY, today - timedelta(days=days_ago))
    opened = make_backup(path, BackupKind.OPENED)
    found = backups_of(path)
    dailies = sorted(b.path.name for b in found if b.kind is BackupKind.DAILY)
    assert dailies == ["day-2026-12-03.db", "day-2026-12-04.db", "day-2026-12-05.db"]
    assert opened in [b.path for b in found]
    good = (path.parent / "day.db.backups" / "day-2026-12-05.db").read_bytes()

    damage_an_index(path)
    with pytest.raises(StoreError, match="failed its check") as caught:
        make_backup(path, BackupKind.DAILY, today)
    assert caught.value.fault is Fault.DAMAGED
    assert (path.parent / "day.db.backups" / "day-2026-12-05.db").read_bytes() == good
    assert not [p for p in (path.parent / "day.db.backups").iterdir() if "partial" in p.name]


@linux_locks
def test_a_backup_is_read_through_sqlite_and_leaves_the_locks_held(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path)
    with Store.open(path) as store:
        backup = store.keep_backup()
        assert own_lock_count(path) and store.file_problem() is None
    assert backup is not None
    with Store.open(backup) as copy:
        assert copy.articles.count() == 1


def test_restore_sets_the_damaged_files_aside_and_puts_a_checked_copy_in_place(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path, 5)
    backup = make_backup(path, BackupKind.DAILY)
    with Store.open(path) as store:
        store.articles.add([prepare_article("后来加的一篇。" + TEXT, "late.txt", "utf-8")])
    damage_an_index(path)
    restored = restore_backup(path, backup)
    assert restored.set_aside and all(p.exists() for p in restored.set_aside)
    assert any(p.name.startswith("day.db.before-restore-") for p in restored.set_aside)
    with Store.open(path) as store:
        assert store.articles.count() == 5
    # What was set aside is still the file as it was: its six articles are there to be read.
    conn = sqlite3.connect(restored.set_aside[0])
    assert conn.execute("select count(*) from articles").fetchone()[0] == 6
    conn.close()


def test_a_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path, 5)
    backup = make_backup(path, BackupKind.DAILY)
    damage_an_index(backup)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged too"):
        restore_backup(path, backup)
    assert path.read_bytes() == before


@linux_locks
def test_restore_is_refused_while_another_program_has_the_database_open(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path)
    backup = make_backup(path, BackupKind.DAILY)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from desktop.core.store import Store
                store = Store.open({str(path)!r})
                print("open", flush=True)
                time.sleep(30)
                """
            ),
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match=f"in use by another program \\(process {holder.pid}\\)"):
            restore_backup(path, backup)
    finally:
        holder.kill()
        holder.wait()
    assert restore_backup(path, backup).database == path


def test_leftovers_of_creations_cut_short_are_removed_once_their_process_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    new_db(path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = int(dead.stdout)
    leftovers = [tmp_path / f".day.db.creating-{gone}-{n}" for n in range(3)]
    leftovers += [tmp_path / f".day.db.creating-{gone}-1-wal", tmp_path / f".day.db.restoring-{gone}"]
    ours = tmp_path / f".day.db.creating-{os.getpid()}-5"
    unrelated = tmp_path / ".day.db.notes"
    for file in (*leftovers, ours, unrelated):
        file.write_bytes(b"x")
    with Store.open(path):
        pass
    assert not any(file.exists() for file in leftovers)
    assert ours.exists() and unrelated.exists()
    assert database.remove_leftovers(path) == []
