"""The command line for backups: list them, make one now, put one in place of a damaged database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.core.store import StoreError
from desktop.core.store.backups import BackupKind, backups_of, make_backup, restore_backup

DbPath = Callable[[argparse.Namespace], str]


def cmd_backups(args: argparse.Namespace, db_path: DbPath) -> int:
    database = db_path(args)
    if args.now:
        if not Path(database).is_file():
            print(f"error: {database}: no such database", file=sys.stderr)
            return 1
        made = make_backup(database, BackupKind.DAILY)
        print(f"backup: {made}")
        return 0
    found = backups_of(database)
    if not found:
        print(f"{database}: no backups (the window keeps them in {database}.backups)")
        return 0
    for backup in found:
        print(backup.describe())
    return 0


def cmd_restore(args: argparse.Namespace, db_path: DbPath) -> int:
    database = db_path(args)
    if args.source:
        source = Path(args.source)
    else:
        found = backups_of(database)
        if not found:
            print(f"error: {database}: no backup to restore (name one with --from FILE)", file=sys.stderr)
            return 1
        source = found[0].path
    try:
        restored = restore_backup(database, source)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line in restored.lines():
        print(line)
    return 0


def add_commands(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], db_path: DbPath) -> None:
    backups = commands.add_parser(
        "backups", parents=parents, help="list the database's backups, newest first (--now: make today's copy)"
    )
    backups.add_argument("--now", action="store_true", help="make today's checked copy now")
    backups.set_defaults(run=lambda args: cmd_backups(args, db_path))

    restore = commands.add_parser(
        "restore",
        parents=parents,
        help="put a backup in place of the database; the files it replaces are renamed beside it, not deleted",
    )
    restore.add_argument("--from", dest="source", metavar="FILE", help="this backup (default: the newest)")
    restore.set_defaults(run=lambda args: cmd_restore(args, db_path))
