"""File → Restore backup…: the backups of a database, newest first, and putting one in its place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import StoreError
from desktop.core.store.backups import Backup, BackupKind, Restored, backups_of, restore_backup
from desktop.ui.widgets.labels import plain_label


def _size(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1024 / 1024:.1f} MiB"
    except OSError:
        return "?"


class RestoreDialog(QDialog):
    """Lists the backups of ``database``; ``chosen()`` is the one picked."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore backup"))
        self.backups: list[Backup] = backups_of(database)
        kinds = {
            BackupKind.DAILY: self.tr("daily"),
            BackupKind.OPENED: self.tr("as last opened"),
            BackupKind.LEGACY: self.tr("older version's copy (not checked)"),
        }
        self.intro: QLabel = plain_label(
            self.tr(
                "The database is replaced by the backup you choose. The file it replaces is not deleted: "
                "it is renamed beside it (…before-restore-DATE)."
            )
            if self.backups
            else self.tr("There is no backup of this database yet.")
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("File")])
        for row, backup in enumerate(self.backups):
            cells = (backup.made.strftime("%Y-%m-%d %H:%M"), kinds[backup.kind], _size(backup.path), str(backup.path))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 300)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def ask_and_restore(database: str, parent: QWidget | None) -> Restored | None:
    """Show the backups, restore the one chosen; None when nothing was restored (cancelled or refused)."""
    dialog = RestoreDialog(database, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    backup = dialog.chosen()
    if backup is None:
        return None
    try:
        restored = restore_backup(database, backup.path)
    except StoreError as error:
        title = QCoreApplication.translate("RestoreDialog", "Not restored")
        box = QMessageBox(QMessageBox.Icon.Warning, title, str(error), parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return None
    return restored
