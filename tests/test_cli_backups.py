"""Backups on the command line, run in a subprocess: list, make, and restore one over a damaged database."""

from __future__ import annotations

from pathlib import Path

from tests.core.store.test_file_safety import damage_an_index, new_db
from tests.test_cli_faults import one_line_error, run


def test_a_damaged_database_names_its_backup_and_restore_puts_it_back(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    new_db(db, 4)
    listed = run("backups", "--db", str(db))
    assert listed.returncode == 0 and "no backups" in listed.stdout
    made = run("backups", "--db", str(db), "--now")
    assert made.returncode == 0 and "day.db.backups" in made.stdout
    assert "(daily, " in run("backups", "--db", str(db)).stdout

    damage_an_index(db)
    refused = run("stats", "--db", str(db))
    one_line_error(refused, "damaged", "missing from index", "policy-annotator restore")

    restored = run("restore", "--db", str(db))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "before-restore-" in restored.stdout
    stats = run("stats", "--db", str(db))
    assert stats.returncode == 0 and stats.stdout.startswith("articles: 4")
    assert list(tmp_path.glob("day.db.before-restore-*"))


def test_restore_without_a_backup_or_from_a_missing_file_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    new_db(db)
    one_line_error(run("restore", "--db", str(db)), "no backup to restore")
    one_line_error(run("restore", "--db", str(db), "--from", str(tmp_path / "nope.db")), "no such backup")
    one_line_error(run("backups", "--db", str(tmp_path / "missing.db"), "--now"), "no such database")
