"""Backups that restore: copies made by SQLite, checked before they are kept, a few generations deep.

A copy is written with SQLite's backup API (a consistent snapshot, whatever the window is doing),
checked with ``integrity_check``, and only then given its name: a damaged database never replaces
a good backup. Beside ``day.db`` they live in ``day.db.backups/``: one per day for the last
``DAILY_KEPT`` days on which the window closed, and the state of the file when the window last
opened it. Older versions kept one copy as ``day.db.backup``; it is listed too.

Restoring moves the database and its SQLite files aside (never deleting them) and puts a copy of
the backup in its place, refusing while another process holds the database open.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from desktop.core.store.errors import Fault, StoreError
from desktop.core.store.file_guard import COMPANION_SUFFIXES, lock_holders

FOLDER_SUFFIX = ".backups"
LEGACY_SUFFIX = ".backup"
DAILY_KEPT = 3
_DATE_FORMAT = "%Y-%m-%d"


class BackupKind(StrEnum):
    DAILY = "daily"  # made when the window closes, the first time that day
    OPENED = "opened"  # the file as the window last opened it
    LEGACY = "legacy"  # NAME.db.backup, from versions before generations


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: BackupKind
    made: datetime

    def describe(self) -> str:
        when = self.made.strftime("%Y-%m-%d %H:%M")
        return {
            BackupKind.DAILY: f"{self.path} (daily, {when})",
            BackupKind.OPENED: f"{self.path} (as last opened, {when})",
            BackupKind.LEGACY: f"{self.path} (from {when}, made by an older version, not checked)",
        }[self.kind]


def backup_folder(database: str | Path) -> Path:
    return Path(str(database) + FOLDER_SUFFIX)


def _stem(database: str | Path) -> str:
    return Path(database).stem


def _kind_of(database: str | Path, candidate: Path) -> BackupKind | None:
    name, stem = candidate.name, _stem(database)
    if name == f"{stem}-opened.db":
        return BackupKind.OPENED
    if name.startswith(f"{stem}-") and name.endswith(".db"):
        try:
            datetime.strptime(name[len(stem) + 1 : -3], _DATE_FORMAT)
        except ValueError:
            return None
        return BackupKind.DAILY
    return None


def _made(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)


def backups_of(database: str | Path) -> list[Backup]:
    """Every backup of the database, newest first."""
    found: list[Backup] = []
    folder = backup_folder(database)
    if folder.is_dir():
        for candidate in folder.iterdir():
            kind = _kind_of(database, candidate)
            if kind is not None and candidate.is_file():
                found.append(Backup(candidate, kind, _made(candidate)))
    legacy = Path(str(database) + LEGACY_SUFFIX)
    if legacy.is_file():
        found.append(Backup(legacy, BackupKind.LEGACY, _made(legacy)))
    return sorted(found, key=lambda backup: backup.made, reverse=True)


def backup_note(database: str | Path) -> str:
    """For the message about a damaged database: the newest backup, and how to restore it."""
    found = backups_of(database)
    if not found:
        return "no backup of it exists"
    return (
        f"the newest backup is {found[0].describe()}; restore it with File → Restore backup… "
        f"or `policy-annotator restore --db {database}`"
    )


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """SQLite's full check (pages, indexes, constraints); None when the file is sound."""
    try:
        rows = [row[0] for row in conn.execute("pragma integrity_check(3)")]
    except sqlite3.DatabaseError as error:
        # A page so broken that the check itself cannot read it; a lock or an interruption is not damage.
        if any(word in str(error) for word in ("locked", "busy", "interrupted")):
            raise
        return str(error)
    return None if rows == ["ok"] else "; ".join(str(row) for row in rows)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None)


def _copy_checked(source: sqlite3.Connection, target: Path) -> None:
    """``source`` copied to ``target`` and checked there; a copy that fails is removed and named."""
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            source.backup(copy)
            problem = integrity_problem(copy)
        finally:
            copy.close()
        if problem is not None:
            raise StoreError(f"the copy failed its check ({problem}); the previous backups were kept", Fault.DAMAGED)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _prune(database: str | Path) -> None:
    dailies = [backup for backup in backups_of(database) if backup.kind is BackupKind.DAILY]
    for old in sorted(dailies, key=lambda backup: backup.path.name, reverse=True)[DAILY_KEPT:]:
        old.path.unlink(missing_ok=True)


def daily_backup_due(database: str | Path, today: datetime | None = None) -> bool:
    day = (today or datetime.now()).strftime(_DATE_FORMAT)
    return not (backup_folder(database) / f"{_stem(database)}-{day}.db").exists()


def make_backup(database: str | Path, kind: BackupKind, today: datetime | None = None) -> Path:
    """A checked copy of the database (read through a connection of its own); StoreError when none was kept."""
    source_path = Path(database)
    folder = backup_folder(source_path)
    name = f"{_stem(source_path)}-opened.db"
    if kind is BackupKind.DAILY:
        name = f"{_stem(source_path)}-{(today or datetime.now()).strftime(_DATE_FORMAT)}.db"
    target = folder / name
    try:
        folder.mkdir(exist_ok=True)
        source = _read_only(source_path)
        try:
            _copy_checked(source, target)
        finally:
            source.close()
    except OSError as error:
        raise StoreError(f"{target}: the backup cannot be written ({error.strerror or error})", Fault.FULL) from None
    except sqlite3.Error as error:
        raise StoreError(f"{target}: the backup was not made ({error})", Fault.DAMAGED) from None
    if kind is BackupKind.DAILY:
        _prune(source_path)
    return target


@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    set_aside: tuple[Path, ...]

    def lines(self) -> list[str]:
        kept = ", ".join(str(path) for path in self.set_aside) or "nothing (there was no database file)"
        return [f"restored {self.database} from {self.source}", f"the files it replaced were kept as: {kept}"]


def _in_use(database: Path) -> list[int]:
    holders = lock_holders(database) or {}
    return sorted(pid for pid in holders if pid != os.getpid())


def restore_backup(database: str | Path, source: str | Path) -> Restored:
    """Put a checked copy of ``source`` in place of ``database``; the files replaced are renamed, not deleted.

    The caller has closed its own connections to ``database``; another process holding it open is refused.
    """
    target, backup = Path(database), Path(source)
    users = _in_use(target)
    if users:
        raise StoreError(
            f"{target}: in use by another program (process {', '.join(map(str, users))}); close it first",
            Fault.LOCKED,
        )
    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup", Fault.MISSING)
    fresh = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    try:
        copy = _read_only(backup)
        try:
            problem = integrity_problem(copy)
            if problem is not None:
                raise StoreError(f"{backup}: this backup is damaged too ({problem}); choose another", Fault.DAMAGED)
            _copy_checked(copy, fresh)
        finally:
            copy.close()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        set_aside: list[Path] = []
        aside = target.with_name(f"{target.name}.before-restore-{stamp}")
        for suffix in ("", *COMPANION_SUFFIXES):
            current = Path(str(target) + suffix)
            if current.exists():
                moved = Path(str(aside) + suffix)
                os.rename(current, moved)
                set_aside.append(moved)
        os.rename(fresh, target)
    except OSError as error:
        raise StoreError(f"{target}: cannot restore ({error.strerror or error})", Fault.OTHER) from None
    except sqlite3.Error as error:
        raise StoreError(f"{backup}: cannot be read as a database ({error})", Fault.DAMAGED) from None
    finally:
        fresh.unlink(missing_ok=True)
    return Restored(target, backup, tuple(set_aside))
