"""File → Analyst: who is coding, switching analyst, and "show only my spans" for blind double coding.

The analyst's name is a setting of this computer (stored with every new span); blind mode hides
other analysts' spans from the panes, the span list, the article list's counts and the codebook's
counts, so a second coder never sees the first coder's work before the agreement is measured.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from desktop.core.environment import default_annotator
from desktop.core.store import STORE_FAILURES
from desktop.ui.widgets.labels import menu_text, plain_label, plain_tooltip

BLIND_KEY = "Ctrl+Shift+B"


class AnalystActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.menu = QMenu(window)
        self.menu.aboutToShow.connect(self.fill_menu)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.other_action = QAction(self)
        self.other_action.triggered.connect(self.ask)
        self.blind_action = QAction(self, checkable=True)
        self.blind_action.setShortcut(QKeySequence(BLIND_KEY))
        self.blind_action.setChecked(self.blind())
        self.blind_action.toggled.connect(self.set_blind)
        window.addAction(self.blind_action)
        self.label = plain_label()
        self.extra: list[QAction | None] = []
        self.name_actions: list[QAction] = []
        self.separators = [QAction(self) for _ in range(4)]
        for separator in self.separators:
            separator.setSeparator(True)

    def current(self) -> str:
        return str(self.settings.value("annotator", "") or "") or default_annotator()

    def blind(self) -> bool:
        return str(self.settings.value("analysts/blind", "false")).lower() == "true"

    def only(self) -> str:
        """The analyst whose spans alone are shown, or '' when every analyst's are."""
        return self.current() if self.blind() else ""

    def switch(self, name: str) -> None:
        name = name.strip()
        if name and name != self.current():
            self.settings.setValue("annotator", name)
            self.apply()

    def ask(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, self.tr("Analyst"), self.tr("Name stored with every new span:"), text=self.current()
        )
        if ok:
            self.switch(name)

    def set_blind(self, on: bool) -> None:
        self.settings.setValue("analysts/blind", "true" if on else "false")
        self.apply()

    def apply(self) -> None:
        """Show the work as the current analyst and mode see it."""
        only = self.only()
        try:
            self.window.controller.show_only(only)
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), error)
        # Blind coding locks whose spans are counted to the analyst's own; a new analyst is a new default.
        self.window.layer_choice.fill()
        self.window.layer_choice.apply()
        self.window.show_current_lists()
        self.show_label()

    def show_label(self) -> None:
        text = self.tr("Analyst: %1").replace("%1", self.current())
        self.label.setText(text + (self.tr(" · only my spans") if self.blind() else ""))

    def fill_menu(self) -> None:
        """Every analyst the database knows, the current one ticked; then the other entries."""
        # Not QMenu.clear(): it would delete the dock's own toggle action listed here too.
        for action in self.menu.actions():
            self.menu.removeAction(action)
        for action in self.name_actions:
            self.group.removeAction(action)
            action.deleteLater()
        try:
            names = sorted(set(self.window.store.analysts.names()) | {self.current()})
        except STORE_FAILURES:
            names = [self.current()]
        self.name_actions = []
        for name in names:
            action = QAction(menu_text(name), self, checkable=True)
            action.setToolTip(plain_tooltip(name))
            action.setChecked(name == self.current())
            action.triggered.connect(lambda _=False, n=name: self.switch(n))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.name_actions.append(action)
        self.menu.addAction(self.other_action)
        self.menu.addAction(self.separators[0])
        self.menu.addAction(self.blind_action)
        separators = iter(self.separators[1:])
        for entry in self.extra:
            self.menu.addAction(next(separators) if entry is None else entry)

    def actions(self) -> list[QAction]:
        """What the keyboard-shortcut list shows of this menu."""
        return [self.other_action, self.blind_action, *(a for a in self.extra if a is not None)]

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Analyst"))
        self.other_action.setText(self.tr("&Other analyst…"))
        self.blind_action.setText(self.tr("Show only &my spans (blind double coding)"))
        self.show_label()
        self.fill_menu()
