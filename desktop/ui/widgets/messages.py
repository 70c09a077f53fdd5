"""Message boxes and failure reports that never read data as rich text.

QMessageBox guesses rich text from the first tag it sees; file names, article titles and
reasons from a database are data, so every box here is set to plain text.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.store import StoreError

log = logging.getLogger("policy_annotator")


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question, No by default; whether the answer was Yes."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def log_failure(what: str, error: StoreError) -> None:
    log.warning("%s: %s (%s)", what, error, error.fault.value)
