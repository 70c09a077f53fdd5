"""Opening a database file: refuse what is not ours, then WAL, full sync, foreign keys, migrations.

A file that is damaged, another program's, newer than this program or locked is refused
with a message, and nothing is written to it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from desktop.core.store.errors import StoreError
from desktop.core.store.schema import MIGRATION_SET, migrations

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 3000


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _known_migrations() -> list[str]:
    return [migration.name for migration in migrations.pending(Database(memory=True))]


def _locked(path: str) -> StoreError:
    return StoreError(f"{path}: the database is locked by another program; close it and try again")


def _check_openable(conn: sqlite3.Connection, path: str) -> None:
    """Refuse, without writing anything, a file that is not ours or is newer than this program."""
    try:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as error:
        message = str(error)
        if "locked" in message:
            raise _locked(path) from None
        raise StoreError(f"{path}: not a Policy Annotator database, or the file is damaged ({message})") from None
    if not tables:
        return
    if "_sqlite_migrations" not in tables or "articles" not in tables:
        raise StoreError(f"{path}: an SQLite database of another program (no Policy Annotator tables)")
    applied = {
        row[0] for row in conn.execute("select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET])
    }
    unknown = applied - set(_known_migrations())
    if unknown:
        raise StoreError(
            f"{path}: written by a newer version of Policy Annotator (schema {', '.join(sorted(unknown))}); "
            "update the program to open it"
        )


def open_database(path: str) -> Database:
    """The database at ``path`` (created when missing), migrated to this program's schema."""
    if path != MEMORY:
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        if not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot open ({error})") from None
    try:
        _check_openable(conn, path)
        db = Database(conn)
        db.execute("pragma foreign_keys = on")
        if path != MEMORY:
            db.execute("pragma journal_mode = wal")
            db.execute("pragma synchronous = full")
        migrations.apply(db)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as error:
        conn.close()
        message = str(error)
        if "locked" in message or "busy" in message:
            raise _locked(path) from None
        raise StoreError(f"{path}: cannot use the database ({message})") from None
    return db
