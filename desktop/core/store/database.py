"""Opening a database file: refuse what is not ours or is damaged, then WAL, full sync, foreign keys, migrations.

A file that is damaged, another program's, newer than this program or locked is refused
with a message, and nothing is written to it. A new database is built under a temporary
name and renamed into place, so that a crash while creating it leaves no half-made file
(and the leftovers of creations cut short are removed). A file or folder that cannot be
written opens read-only. Every write passes the file's gate (``integrity``): it waits for a
check under way and is refused when the file failed it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from desktop.core.store.backups import BackupKind, daily_backup_due, make_backup
from desktop.core.store.connection import Database, in_transaction
from desktop.core.store.errors import Fault, StoreError, disk_full, explain, full_disk_error
from desktop.core.store.integrity import gate_for, verify_at_open
from desktop.core.store.migration_names import KNOWN_MIGRATIONS, MIGRATION_SET

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 3000
# Pages of a new database, in bytes (SQLite's default is 4096; a file keeps the size it was made
# with). An article row is ~35 kB of texts and map, and each import batch writes ~160,000 index
# terms: at 8192 a 10,000-article import took ~2.5% less time (23.4-23.5 s against 23.9-24.3 s
# in interleaved runs), in a file of the same size; at 16384 ~3% less, in a file 10% larger.
PAGE_SIZE = 8192
# Temporary files of ours that a killed process leaves behind, removed once their process is gone.
_LEFTOVERS = (".creating-", ".restoring-")
# What each table is given to open its write transactions with (``writing`` bound to the file).
WriteTransaction = Callable[[], AbstractContextManager[Database]]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Opened:
    db: Database
    read_only: bool


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date (sqlite-utils' migrations: loaded only when one is due).

    Made with execute_plugins=False: sqlite-utils plugins installed beside the program must not
    change its connections, and finding them scans every installed package (~30 ms).
    """
    import sqlite_utils

    from desktop.core.store.schema import migrations

    migrations.apply(sqlite_utils.Database(conn, execute_plugins=False))


def _check_openable(conn: sqlite3.Connection, path: str, read_only: bool) -> bool:
    """Refuse, without writing anything, a file that is not ours, damaged or newer than this program.

    Returns whether the file still needs migrations.
    """
    try:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise explain(error, path) from None
        if path != MEMORY and disk_full(path):
            raise full_disk_error(path, str(error)) from None
        raise StoreError(
            f"{path}: not a Policy Annotator database, or the file is damaged ({error})", Fault.DAMAGED
        ) from None
    # A file holding only the migrations table is one whose creation was cut short (by older versions).
    applied: set[str] = set()
    if "_sqlite_migrations" in tables:
        applied = {
            row[0]
            for row in conn.execute("select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET])
        }
    if tables - {"_sqlite_migrations", "sqlite_sequence"} and ("articles" not in tables or not applied):
        raise StoreError(f"{path}: an SQLite database of another program (no Policy Annotator tables)")
    known = set(KNOWN_MIGRATIONS)
    unknown = applied - known
    if unknown:
        raise StoreError(
            f"{path}: written by a newer version of Policy Annotator (schema {', '.join(sorted(unknown))}); "
            "update the program to open it"
        )
    if path != MEMORY and tables:
        verify_at_open(conn, path, lambda: _connect(path, read_only=True))
    return bool(known - applied)


def _writable(target: Path) -> bool:
    return os.access(target, os.W_OK) and os.access(target.parent, os.W_OK)


def _connect(path: str, read_only: bool) -> sqlite3.Connection:
    timeout = BUSY_TIMEOUT_MS / 1000
    if not read_only:
        return sqlite3.connect(path, timeout=timeout, isolation_level=None)
    uri = "file:" + quote(str(Path(path).resolve()))
    try:
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout, isolation_level=None)
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL database in a folder that cannot be written has no -shm file to share: read it as it stands.
        return sqlite3.connect(uri + "?immutable=1", uri=True, timeout=timeout, isolation_level=None)


def reading_connection(path: str) -> Database:
    """A connection that never writes, for another process to read the database beside the window's."""
    conn = _connect(path, read_only=True)
    conn.execute("pragma query_only = 1")
    return Database(conn)


def _move_into_place(temporary: Path, target: Path) -> None:
    """Give the finished file its name, never replacing a database another process created meanwhile."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        pass
    except OSError:
        # A file system without hard links (FAT, some network shares): rename, checking first.
        if not target.exists():
            os.rename(temporary, target)


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def remove_leftovers(target: Path) -> list[Path]:
    """Temporary files of creations and restores of ``target`` whose process has ended."""
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{target.name}.*"))
    except OSError:
        return removed
    for candidate in candidates:
        rest = candidate.name[len(target.name) + 1 :]
        marker = next((m for m in _LEFTOVERS if rest.startswith(m)), None)
        if marker is None:
            continue
        pid = rest[len(marker) :].split("-", 1)[0]
        if pid.isdigit() and _process_gone(int(pid)):
            try:
                candidate.unlink()
                removed.append(candidate)
            except OSError:
                continue
    return removed


def _create(path: str, prepare: Callable[[Database], None]) -> None:
    """Build the new database beside its final name, then link it into place in one step."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    temporary = target.with_name(f".{target.name}.creating-{os.getpid()}-{time.monotonic_ns()}")
    try:
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            # Built with a rollback journal: every page is in the file itself when a commit returns, so a
            # disk that fills up fails the build here instead of leaving pages in a log that is then deleted.
            # The file switches to WAL when it is first opened.
            conn.execute(f"pragma page_size = {PAGE_SIZE}")  # (before the first table: fixed from then on)
            db = Database(conn)
            _migrate(conn)
            prepare(db)
            problem = conn.execute("pragma quick_check(1)").fetchone()[0]
            if problem != "ok":
                raise StoreError(f"{path}: the new database could not be written whole ({problem})", Fault.FULL)
        finally:
            conn.close()
        _move_into_place(temporary, target)
    except OSError as error:
        raise StoreError(f"{path}: cannot create the database ({error.strerror or error})", Fault.READ_ONLY) from None
    except sqlite3.Error as error:
        raise explain(error, path) from None
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{suffix}") for suffix in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)


def open_database(path: str, *, create: bool = True, prepare: Callable[[Database], None] = lambda db: None) -> Opened:
    """The database at ``path``, migrated to this program's schema; read-only when it cannot be written.

    ``create``: make the file when it is missing (else refuse); ``prepare`` fills a new database.
    """
    read_only = False
    if path != MEMORY:
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        remove_leftovers(target)
        if not target.exists():
            if not create:
                raise StoreError(f"{path}: no such database (check the path given with --db)", Fault.MISSING)
            _create(path, prepare)
        read_only = not _writable(target)
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as error:
        raise explain(error, path) from None
    try:
        needs_migrations = _check_openable(conn, path, read_only)
        db = Database(conn)
        db.execute("pragma foreign_keys = on")
        if read_only:
            if needs_migrations:
                raise StoreError(
                    f"{path}: read-only, and made by an older version that must update it first; open a writable copy",
                    Fault.READ_ONLY,
                )
            return Opened(db, read_only=True)
        if path != MEMORY:
            db.execute("pragma journal_mode = wal")
            db.execute("pragma synchronous = full")
        if needs_migrations:
            with writing(db, path):
                _migrate(conn)
                prepare(db)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        raise explain(error, path) from None
    return Opened(db, read_only=False)


@contextmanager
def writing(db: Database, path: str) -> Iterator[Database]:
    """One write transaction, taken at once (BEGIN IMMEDIATE) so that a concurrent writer is waited
    for up to the busy timeout instead of failing half way; nested calls become savepoints.

    Every SQLite failure leaves the database as it was and becomes a StoreError naming the file.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    if path != MEMORY:
        gate_for(path).admit()
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise explain(error, path) from None
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as error:
        if in_transaction(conn):
            conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise explain(error, path) from None
        raise


def keep_backup(path: str) -> Path | None:
    """Today's checked copy of the database when there is none yet; StoreError when the copy was not kept."""
    if path == MEMORY or not daily_backup_due(path):
        return None
    return make_backup(path, BackupKind.DAILY)
