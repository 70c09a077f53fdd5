"""Checking a database before writing to it, and holding writes while the check runs.

``quick_check`` misses damage that ``integrity_check`` finds (an index out of step with its table,
rows out of primary-key order), and a write into such a file spreads it. A small file is checked
in full when it opens (a few tens of milliseconds); a large one is checked on a thread of its own
while it is read, and every write in this process waits at the gate until the check has passed.

The gate belongs to the file, not to a connection: the window's worker connections share it, a
file checked once is not checked again by each of them, and a file whose connection can no longer
be trusted (locks lost, file replaced) refuses every write of this process until it is reopened.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from desktop.core.store.backups import backup_note, integrity_problem
from desktop.core.store.errors import Fault, StoreError
from desktop.core.store.file_guard import file_identity

# Up to this size (database and write-ahead log) the full check runs before the file is used.
SYNC_CHECK_BYTES = 16 * 1024 * 1024
# How long a write waits for a background check before it is refused as "still being checked".
WRITE_WAIT_S = 120.0


class GateState(Enum):
    UNCHECKED = "unchecked"
    CHECKING = "checking"
    OPEN = "open"
    SHUT = "shut"  # damaged, or its connections can no longer be trusted: writes refused


def damaged_message(path: str, problem: str) -> str:
    return f"{path}: the database file is damaged ({problem}); it was not changed; {backup_note(path)}"


class WriteGate:
    """Whether this process may write to one database file now, and why not."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self.state = GateState.UNCHECKED
        self.refusal: StoreError | None = None
        self._identity: tuple[int, int] | None = None
        self._checker: _Checker | None = None
        # Stores of this process open on the file: a check holds only while one is (another program
        # may change the file once none is).
        self._users = 0

    def acquire(self) -> None:
        with self._condition:
            self._users += 1

    def release(self) -> None:
        with self._condition:
            self._users = max(0, self._users - 1)
            last = self._users == 0
        if last:
            self.reset()

    def checked_for(self, identity: tuple[int, int] | None) -> bool:
        """Whether this very file passed its check (or is being checked) in this process already."""
        with self._condition:
            passing = self.state in (GateState.OPEN, GateState.CHECKING) and self._users > 0
            return passing and identity is not None and identity == self._identity

    def admit(self, timeout: float = WRITE_WAIT_S) -> None:
        """Return when a write may start; StoreError when it may not."""
        with self._condition:
            if self.state is GateState.CHECKING:
                self._condition.wait_for(lambda: self.state is not GateState.CHECKING, timeout)
            if self.state is GateState.CHECKING:
                raise StoreError("the database is still being checked; try again in a moment", Fault.LOCKED)
            if self.state is GateState.SHUT and self.refusal is not None:
                raise self.refusal

    def open(self, identity: tuple[int, int] | None) -> None:
        with self._condition:
            self.state, self.refusal, self._identity = GateState.OPEN, None, identity
            self._condition.notify_all()

    def shut(self, refusal: StoreError, identity: tuple[int, int] | None = None) -> None:
        with self._condition:
            self.state, self.refusal = GateState.SHUT, refusal
            if identity is not None:
                self._identity = identity
            self._condition.notify_all()

    def reset(self) -> None:
        """Forget the last check (the file is about to be opened again): the next open checks it anew."""
        self.stop_check()
        with self._condition:
            self.state, self.refusal, self._identity = GateState.UNCHECKED, None, None
            self._condition.notify_all()

    def problem(self) -> StoreError | None:
        """The reason writes are refused, once a check has failed or the file was given up on."""
        with self._condition:
            return self.refusal if self.state is GateState.SHUT else None

    def checking(self) -> bool:
        with self._condition:
            return self.state is GateState.CHECKING

    def start_check(
        self, path: str, identity: tuple[int, int] | None, connect: Callable[[], sqlite3.Connection]
    ) -> None:
        with self._condition:
            self.state, self.refusal, self._identity = GateState.CHECKING, None, identity
            self._checker = _Checker(self, path, identity, connect)
        self._checker.start()

    def stop_check(self) -> None:
        checker = self._checker
        if checker is not None:
            checker.stop()
            self._checker = None


class _Checker(threading.Thread):
    """``integrity_check`` on a connection of its own; opens or shuts the gate with the result."""

    def __init__(
        self, gate: WriteGate, path: str, identity: tuple[int, int] | None, connect: Callable[[], sqlite3.Connection]
    ) -> None:
        super().__init__(name=f"integrity check of {path}", daemon=True)
        self._gate, self._path, self._identity, self._connect = gate, path, identity, connect
        self._conn: sqlite3.Connection | None = None
        self._stopped = threading.Event()

    def run(self) -> None:
        try:
            self._conn = self._connect()
            if self._stopped.is_set():
                return
            problem = integrity_problem(self._conn)
        except sqlite3.Error as error:
            problem = None if self._stopped.is_set() else str(error)
            if "interrupted" in (problem or ""):
                problem = None
        finally:
            conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()
        if self._stopped.is_set():
            return
        if problem is None:
            self._gate.open(self._identity)
        else:
            self._gate.shut(StoreError(damaged_message(self._path, problem), Fault.DAMAGED), self._identity)

    def stop(self) -> None:
        self._stopped.set()
        conn = self._conn
        if conn is not None:
            # It may have closed meanwhile: then the check is over anyway.
            with contextlib.suppress(sqlite3.ProgrammingError):
                conn.interrupt()
        if self is not threading.current_thread():
            self.join(10)


_gates: dict[str, WriteGate] = {}
_gates_lock = threading.Lock()


def gate_for(path: str) -> WriteGate:
    """The one gate of this file in this process (by its real path)."""
    key = os.path.realpath(path)
    with _gates_lock:
        gate = _gates.get(key)
        if gate is None:
            gate = _gates[key] = WriteGate()
        return gate


@atexit.register
def _stop_checks() -> None:
    # A check still running when the program ends is interrupted rather than left inside SQLite.
    for gate in list(_gates.values()):
        gate.stop_check()


def checked_size(path: str) -> int:
    total = 0
    for name in (path, path + "-wal"):
        try:
            total += os.stat(name).st_size
        except OSError:
            continue
    return total


def verify_at_open(conn: sqlite3.Connection, path: str, connect: Callable[[], sqlite3.Connection]) -> None:
    """Check a file about to be used: now when it is small (StoreError if damaged), else in the background."""
    gate = gate_for(path)
    identity = file_identity(Path(path))
    if gate.checked_for(identity):
        return
    if checked_size(path) <= SYNC_CHECK_BYTES:
        problem = integrity_problem(conn)
        if problem is not None:
            error = StoreError(damaged_message(path, problem), Fault.DAMAGED)
            gate.shut(error, identity)
            raise error
        gate.open(identity)
        return
    gate.start_check(path, identity, connect)
