"""File menu, database part: new, open, recent databases, and switching the window to another one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.store import Store, StoreError
from desktop.ui.widgets.labels import menu_text, plain_tooltip

MAX_RECENT = 8
StoreOpener = Callable[[str], Store]


class DatabaseHost(Protocol):
    """What these actions need of the window."""

    settings: QSettings
    open_store: StoreOpener

    def use_store(self, store: Store) -> None: ...

    def show_error(self, title: str, text: str) -> None: ...


class DatabaseActions(QObject):
    def __init__(self, parent: QWidget, host: DatabaseHost) -> None:
        super().__init__(parent)
        self._parent = parent
        self._host = host
        self.new_action = QAction(parent)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_database)
        self.open_action = QAction(parent)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_database)
        parent.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(parent)

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("&New database…"))
        self.open_action.setText(self.tr("&Open database…"))
        self.recent_menu.setTitle(self.tr("Recent databases"))

    def new_database(self) -> None:
        from desktop.ui.widgets.file_dialogs import save_file

        path = save_file(self._parent, self.tr("New database"), "", self.tr("Databases (*.db)"))
        if path:
            self.switch(path if path.endswith(".db") else f"{path}.db")

    def open_database(self) -> None:
        from desktop.ui.widgets.file_dialogs import open_file

        path = open_file(self._parent, self.tr("Open database"), self.tr("Databases (*.db)"))
        if path:
            self.switch(path)

    def switch(self, path: str) -> bool:
        """Work on another database; on failure the window keeps the one it had."""
        try:
            store = self._host.open_store(path)
        except StoreError as error:
            self._host.show_error(self.tr("Cannot open the database"), str(error))
            return False
        self._host.use_store(store)
        self.remember(path)
        return True

    def remember(self, path: str) -> None:
        """First in the recent list, and the database the next start opens."""
        recent = [p for p in self.recent() if p != path]
        self._host.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self._host.settings.setValue("last_db", path)
        self.fill_recent()

    def recent(self) -> list[str]:
        value = self._host.settings.value("recent", [])
        # QSettings gives back a single entry as a plain string.
        return [value] if isinstance(value, str) else [str(p) for p in value or []]  # type: ignore[attr-defined]

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(menu_text(path))
            action.setToolTip(plain_tooltip(path))
            action.triggered.connect(lambda _=False, p=path: self.switch(p))
