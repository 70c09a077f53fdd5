"""A connection as the store speaks to it: SQL in, cursors out, transactions nested as savepoints.

sqlite-utils, kept for its migrations, takes ~40 ms to import; a command that opens an
up-to-date database (``stats``, ``search``, every read) needs none of it, so every query goes
through this thin wrapper of ``sqlite3`` and sqlite-utils loads only when a migration runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import Any

# Savepoint names, unique in the process (the secrets module cost every command ~3 ms to load).
_SAVEPOINTS = count(1)
# The integers SQLite stores (64 bits): a number from a file or an option outside them is refused by
# name before SQLite is asked (sqlite3 raises OverflowError, a traceback, for one past them).
SQLITE_INTEGERS = range(-(2**63), 2**63)


def in_transaction(conn: sqlite3.Connection) -> bool:
    """Whether a transaction is open: none on a closed connection, whose close rolled back what was.

    A with-block that Ctrl+C cut short in its own start or end (between the transaction's start and
    the block's body, or before the end was passed on) is never ended; its transaction is let go only
    when it is collected, often after the store was closed (a command's store is closed as the
    interrupt leaves it), and asking a closed connection printed a traceback then.
    """
    try:
        return conn.in_transaction
    except sqlite3.ProgrammingError:
        return False


class Database:
    """The store's connection to one file (the same calls as sqlite-utils' Database it replaces)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        # Passed through as given, as sqlite-utils did: no copy on the hot paths.
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction, or a savepoint inside the one under way: all of it or none."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if in_transaction(self.conn):
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return
        savepoint = f"store_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield self
        except BaseException:
            # A failure that ended the whole transaction leaves no savepoint to roll back to.
            if in_transaction(self.conn):
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
