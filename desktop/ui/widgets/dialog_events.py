"""When a file dialog closes, in a module of its own: the window listens from its start, while the
dialogs themselves (``file_dialogs``) load only when one is first opened."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DialogEvents(QObject):
    """Says when a file dialog has closed: the window then checks its database's locks."""

    closed = Signal()

    _instance: DialogEvents | None = None

    @classmethod
    def instance(cls) -> DialogEvents:
        if cls._instance is None:
            cls._instance = DialogEvents()
        return cls._instance
