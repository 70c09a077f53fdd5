"""Noticing what other windows and programs write to the open database.

SQLite's ``data_version`` changes when another connection commits; the window polls it on a
timer and whenever it becomes the active application, and refreshes what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from desktop.core.store import Store, StoreError

POLL_MS = 2000


class StoreWatcher(QObject):
    changedElsewhere = Signal()
    looked = Signal()  # every poll and every return to the window: time to check the file itself too

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def set_store(self, store: Store) -> None:
        self._store = store
        self._version = self._read()

    def _read(self) -> int | None:
        try:
            return self._store.data_version()
        except StoreError:
            return None

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        """Whether another connection has committed since the last look (and if so, say it)."""
        self.looked.emit()
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changedElsewhere.emit()
        return True
