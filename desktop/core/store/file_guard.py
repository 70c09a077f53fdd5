"""The database's files on disk: which paths are ours, and whether this process still holds its locks.

SQLite's locks on Unix are POSIX advisory locks, which belong to the process: closing *any*
descriptor of the database file in this process (a file dialog sniffing its type, a hash, a copy)
silently releases every lock SQLite holds on it. Another program then believes it is alone: it
checkpoints and deletes the write-ahead log this process is still writing to, and both copies of
the truth end up in one file. So nothing but SQLite may open these files, and a long-lived
connection (the window) checks from time to time that its locks are still there.

On Linux the kernel lists every lock in ``/proc/locks``; reading it opens nothing of ours.
Elsewhere, and on file systems whose locks that list does not show, the check falls back to the
file's identity: a database replaced or removed under us is noticed, lost locks are not.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

PROC_LOCKS = Path("/proc/locks")
# What SQLite keeps beside a database: the write-ahead log, its shared-memory index, a rollback journal.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def database_files(path: str | Path) -> tuple[Path, ...]:
    base = str(path)
    return (Path(base), *(Path(base + suffix) for suffix in COMPANION_SUFFIXES))


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def is_database_file(candidate: str | Path, database: str | Path) -> bool:
    """Whether ``candidate`` is the database at ``database`` or one of SQLite's files beside it."""
    return candidate in DatabaseFiles(database)


class DatabaseFiles:
    """The database's files as they are now, to tell whether a path is one of them.

    Compared by identity (``stat``, which opens nothing), so a link or another spelling of the
    path is caught too; a name that does not exist yet is compared by its resolved path. An import
    asks this of every file it finds: the database's own files are looked at once, not each time.
    """

    def __init__(self, database: str | Path) -> None:
        self._files = database_files(database)
        self._identities = {identity for identity in map(file_identity, self._files) if identity is not None}
        # By name too: a rollback journal comes and goes while an import reads its files.
        self._names = {os.path.abspath(own) for own in self._files}

    def __contains__(self, candidate: object) -> bool:
        if not isinstance(candidate, str | Path):
            return False
        candidate_path = Path(candidate)
        found = file_identity(candidate_path)
        if found is not None:
            return found in self._identities or os.path.abspath(candidate_path) in self._names
        try:
            resolved = candidate_path.resolve()
            return any(resolved == own.resolve() for own in self._files)
        except OSError:
            return False


def lock_holders(path: str | Path) -> dict[int, int] | None:
    """Process id -> number of POSIX locks it holds on the file; None where the system does not tell."""
    return lock_holders_of([path])[0]


def lock_holders_of(paths: list[str | Path]) -> list[dict[int, int] | None]:
    """``lock_holders`` of several files from one reading of the system's lock table (it can be long)."""
    wanted: dict[str, int] = {}
    found: list[dict[int, int] | None] = [{} for _ in paths]
    for index, path in enumerate(paths):
        identity = file_identity(Path(path))
        if identity is not None:
            device, inode = identity
            wanted[f"{os.major(device):02x}:{os.minor(device):02x}:{inode}"] = index
    if not wanted:
        return found
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return [None for _ in paths]
    for line in lines:
        fields = line.split()
        # "7: POSIX  ADVISORY  READ 2994 fe:00:2154575 1073741826 1073742335"; a waiter has "->" after the number.
        if "->" in fields or len(fields) < 6 or fields[1] != "POSIX":
            continue
        place = wanted.get(fields[5])
        holders = found[place] if place is not None else None
        if holders is not None and fields[4].isdigit():
            holders[int(fields[4])] = holders.get(int(fields[4]), 0) + 1
    return found


def own_lock_count(path: str | Path) -> int | None:
    holders = lock_holders(path)
    return None if holders is None else holders.get(os.getpid(), 0)


def _database_and_shm_locked(path: str) -> bool | None:
    """Whether this process holds locks on both the database file and its ``-shm`` (None: cannot tell)."""
    database, shm = lock_holders_of([path, path + "-shm"])
    if database is None or shm is None:
        return None
    return bool(database.get(os.getpid())) and bool(shm.get(os.getpid()))


class FileProblem(Enum):
    LOCKS_LOST = "this program lost its locks on the database file (something in it opened and closed the file)"
    REPLACED = "the database file was replaced by another file while it was open"
    REMOVED = "the database file was moved or deleted while it was open"

    @property
    def reopening_helps(self) -> bool:
        """Locks are taken again by opening the same file anew; a file replaced or gone is not the one we wrote."""
        return self is FileProblem.LOCKS_LOST


@dataclass
class FileGuard:
    """What a connection saw of its files when it opened them, to notice later that they changed under it."""

    path: str
    identity: tuple[int, int] | None
    # The locks could be seen at the first look: their absence later means they were lost, not that we
    # cannot see them. None until that look.
    locks_visible: bool | None = None

    @classmethod
    def taken(cls, path: str) -> FileGuard:
        """Right after SQLite opened ``path`` in WAL mode and read it.

        The locks are read at the first look (``problem``), not here: reading the system's lock
        table the first time after locks were taken costs ~10 ms on some kernels, and only the
        window looks (soon after it opens the file, before anything in it could close the file);
        a command never does.
        """
        return cls(path, file_identity(Path(path)))

    _noting: threading.Thread | None = field(default=None, repr=False, compare=False)

    def note_locks(self) -> None:
        """Take the locks held now as the ones to keep (right after opening, or the first look)."""
        self.locks_visible = bool(_database_and_shm_locked(self.path))

    def note_locks_soon(self) -> None:
        """``note_locks`` on a thread of its own (reading the table waits in the kernel, not in Python):
        the window goes on starting meanwhile, and the first look waits for it."""
        self._noting = threading.Thread(target=self.note_locks, name="note-locks", daemon=True)
        self._noting.start()

    def problem(self) -> FileProblem | None:
        """Why the open connection can no longer be trusted with this file, or None."""
        if self._noting is not None:
            self._noting.join()
            self._noting = None
        now = file_identity(Path(self.path))
        if now is None:
            return FileProblem.REMOVED
        if self.identity is not None and now != self.identity:
            return FileProblem.REPLACED
        if self.locks_visible is None:
            self.note_locks()
            return None
        if self.locks_visible and not _database_and_shm_locked(self.path):
            return FileProblem.LOCKS_LOST
        return None
