"""The menu bar from a plain description, and key lists that bind each key sequence once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

# An entry: an action, a submenu, or None for a separator.
MenuEntry = QAction | QMenu | None


def fill_menu_bar(bar: QMenuBar, menus: Sequence[tuple[str, Sequence[MenuEntry]]]) -> None:
    """The bar's menus, built anew (on a change of language): the old ones go, their entries stay."""
    old = [action.menu() for action in bar.actions()]
    bar.clear()
    for menu in old:
        if isinstance(menu, QMenu):
            menu.deleteLater()
    for title, entries in menus:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)


def unique_keys(*keys: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Every sequence the arguments stand for (a standard key is a list per platform), each once.

    Qt treats a sequence bound twice as ambiguous and runs neither binding: Redo's standard keys
    already hold Ctrl+Shift+Z on X11 and macOS, so adding it again would make it dead there.
    """
    found: list[QKeySequence] = []
    for key in keys:
        for sequence in QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [key]:
            sequence = QKeySequence(sequence)
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def all_menu_actions(bar: QMenuBar) -> list[QAction]:
    """Every action reachable from the menu bar, submenus included, in menu order."""
    found: list[QAction] = []

    def walk(actions: Sequence[QAction]) -> None:
        for action in actions:
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu.actions())
            elif not action.isSeparator():
                found.append(action)

    walk(bar.actions())
    return found
