"""Focus goes back to the window, and to the widget that had it, when one of its dialogs closes.

With no window manager, or one that does not hand focus back to a dialog's parent, the
window stays inactive after a dialog closes and every key is lost until it is clicked.
Watching which window has focus costs nothing per event, unlike an application-wide filter.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

# Long enough for the window system's own focus events after a dialog closes to have arrived.
FOCUS_DELAY_MS = 50


class FocusReturn(QObject):
    """Brings ``window`` back into focus when a window it is the parent of closes."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._dialog: QWindow | None = None
        self._widget: QWidget | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, now: QWindow | None) -> None:
        own = self.window.windowHandle()
        if own is None or now is None or now is own or now.transientParent() is not own:
            return
        if now is not self._dialog:
            self._dialog = now
            self._widget = self.window.focusWidget()
            # A closing dialog's window is hidden, then deleted, and Qt forgets it had focus
            # without saying so: no focus change is announced at all.
            now.visibleChanged.connect(self._dialog_shown)

    def _dialog_shown(self, visible: bool) -> None:
        if not visible:
            # After the dialog's own hide, and after Qt's own attempt to give focus back.
            QTimer.singleShot(FOCUS_DELAY_MS, self._give_back)

    def _give_back(self) -> None:
        if not self.window.isVisible() or QApplication.activeModalWidget() is not None:
            return
        focus = QGuiApplication.focusWindow()
        if focus is not None and focus is not self.window.windowHandle():
            return  # another of the window's dialogs, or another program
        self._dialog = None
        # Qt may count the window active while the window system has given focus to no one.
        self.window.activateWindow()
        widget = self._widget
        if widget is not None and shiboken6.isValid(widget) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
