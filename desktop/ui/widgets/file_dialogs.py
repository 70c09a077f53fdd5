"""Every file dialog of the window: one that never opens a file it lists.

Qt's file model names each file's type and icon from its MIME type, and for a name it cannot
place (``day.db-wal``) or a database (``day.db``) it reads the first bytes. Opening and closing the
open database's files in this process releases SQLite's POSIX locks on them (they belong to the
process), after which another program may delete the write-ahead log this window writes to. So
every dialog here is Qt's own (a platform dialog may run in this process and read what it likes)
with an icon provider that decides from the name alone, and the window is told each time a dialog
closes, to check that it still holds its locks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QFileInfo, QSize
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QStyle, QTreeView, QWidget

from desktop.ui.widgets.dialog_events import DialogEvents


class NameOnlyIcons(QAbstractFileIconProvider):
    """Icons and type names from the file name and ``stat`` alone: nothing is opened to sniff it."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            kind = QStyle.StandardPixmap.SP_DirIcon if what.isDir() else QStyle.StandardPixmap.SP_FileIcon
            return style.standardIcon(kind)
        return super().icon(what)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        return QCoreApplication.translate("FileDialogs", "%1 file").replace("%1", suffix.upper()) if suffix else ""


_ICONS: NameOnlyIcons | None = None


def _icons() -> NameOnlyIcons:
    global _ICONS
    if _ICONS is None:
        _ICONS = NameOnlyIcons()
    return _ICONS


def make_dialog(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> QFileDialog:
    """A file dialog that lists files by name only; not shown yet."""
    dialog = QFileDialog(parent, title, start, filters)
    # Windows' own dialog is out of reach of this problem (its locks are not POSIX locks).
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, sys.platform != "win32")
    dialog.setIconProvider(_icons())
    _fit_columns(dialog)
    return dialog


# Room the list of files gets by default: Qt's own size cuts names and sizes ("682...tes").
_DIALOG_SIZE = QSize(900, 540)


def _fit_columns(dialog: QFileDialog) -> None:
    """Names take the spare width, sizes, types and dates as much as they need; the dialog as
    large as fits the screen up to _DIALOG_SIZE."""
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    size = _DIALOG_SIZE if screen is None else _DIALOG_SIZE.boundedTo(screen.size() * 0.9)
    dialog.resize(size)
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:
        header = details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def _run(dialog: QFileDialog) -> list[str]:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return dialog.selectedFiles() if accepted else []
    finally:
        dialog.deleteLater()
        DialogEvents.instance().closed.emit()


def open_file(parent: QWidget | None, title: str, filters: str = "", start: str = "") -> str:
    dialog = make_dialog(parent, title, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog)), "")


def open_files(parent: QWidget | None, title: str, filters: str = "", start: str = "") -> list[str]:
    dialog = make_dialog(parent, title, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def save_file(parent: QWidget | None, title: str, suggested: str = "", filters: str = "") -> str:
    dialog = make_dialog(parent, title, "", filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if suggested:
        dialog.selectFile(suggested)
    return next(iter(_run(dialog)), "")


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    dialog = make_dialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog)), "")
