"""The point size of both article panes: zoomed in steps, kept in the settings between sessions."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.ui.panes.text_pane import TextPane

DEFAULT_POINT_SIZE = 13.0


class PaneZoom:
    def __init__(self, panes: list[TextPane], settings: QSettings) -> None:
        self._panes = panes
        self._settings = settings
        self.point_size = float(str(settings.value("view/point_size", DEFAULT_POINT_SIZE)))
        self._apply()

    def step(self, step: int) -> None:
        """One point larger (1) or smaller (-1), or back to the default (0)."""
        self.point_size = DEFAULT_POINT_SIZE if step == 0 else max(6.0, min(48.0, self.point_size + step))
        self._apply()

    def save(self) -> None:
        self._settings.setValue("view/point_size", self.point_size)

    def _apply(self) -> None:
        for pane in self._panes:
            pane.set_point_size(self.point_size)
