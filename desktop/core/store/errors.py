"""Errors of the store, for the user to read, and what each SQLite failure means to them."""

from __future__ import annotations

import os
import sqlite3
from enum import StrEnum


class Fault(StrEnum):
    """Why a database operation failed, as far as the user must act on it."""

    LOCKED = "locked"  # another program holds a write: try again
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    FULL = "full"  # no space left on the disk
    DAMAGED = "damaged"  # the file is corrupt or not a database
    CONFLICT = "conflict"  # another window or program changed the same row
    MISSING = "missing"  # the row or the file is not there
    OTHER = "other"


class StoreError(Exception):
    """The database cannot be used or a change cannot be made; the message says why, for the user."""

    def __init__(self, message: str, fault: Fault = Fault.OTHER) -> None:
        super().__init__(message)
        self.fault = fault

    @property
    def needs_action(self) -> bool:
        """A failure that trying again will not cure (the window shows a dialog, not only a status line)."""
        return self.fault in (Fault.READ_ONLY, Fault.FULL, Fault.DAMAGED)


class SpanMismatch(StoreError):
    """A span's quoted text does not match the article text at its offsets."""


class Conflict(StoreError):
    """A row this program meant to change was changed or removed by another window or program."""

    def __init__(self, message: str) -> None:
        super().__init__(message, Fault.CONFLICT)


class Refused(StoreError):
    """A change the data's own rules refuse (a key already taken, a code moved under itself)."""


# Every failure a caller outside the store may meet when it reads or writes: the store's own
# errors and SQLite's, which reads that meet a damaged page raise directly.
STORE_FAILURES: tuple[type[Exception], ...] = (StoreError, sqlite3.Error)

_REASONS: tuple[tuple[tuple[str, ...], Fault, str], ...] = (
    (("locked", "busy"), Fault.LOCKED, "the database is locked by another program; try again in a moment"),
    (("readonly", "read-only", "read only"), Fault.READ_ONLY, "the database is read-only; changes cannot be saved"),
    (("full",), Fault.FULL, "the disk is full; free some space and try again"),
    (
        ("malformed", "not a database", "disk i/o", "corrupt"),
        Fault.DAMAGED,
        "the database file is damaged or cannot be read",
    ),
    (("unable to open",), Fault.OTHER, "the file cannot be opened (does its folder exist and allow writing?)"),
    (("unique constraint", "foreign key"), Fault.CONFLICT, "another window or program changed the same data"),
)


# Below this much free space, SQLite cannot make its log or index files and says "disk I/O error".
_NEARLY_FULL_BYTES = 64 * 1024


def disk_full(path: str) -> bool:
    """Whether the disk holding ``path`` has (almost) no space left for SQLite to work with."""
    try:
        info = os.statvfs(os.path.dirname(os.path.abspath(path)) or ".")
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < _NEARLY_FULL_BYTES


def full_disk_error(path: str, detail: str) -> StoreError:
    return StoreError(f"{path}: the disk is full; free some space and try again ({detail})", Fault.FULL)


def explain(error: BaseException, path: str) -> StoreError:
    """A StoreError naming the file and the reason, for any failure of a database operation."""
    if isinstance(error, StoreError):
        return error
    detail = str(error)
    lowered = detail.lower()
    if "disk i/o" in lowered and disk_full(path):
        # What SQLite reports when it cannot create or grow its files on a full disk: not damage.
        return full_disk_error(path, detail)
    for words, fault, reason in _REASONS:
        if any(word in lowered for word in words):
            return StoreError(f"{path}: {reason} ({detail})", fault)
    return StoreError(f"{path}: database error ({detail})")
