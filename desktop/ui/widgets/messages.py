"""Message boxes and failure reports that never read data as rich text.

QMessageBox guesses rich text from the first tag it sees; file names, article titles and
reasons from a database are data, so every box here is set to plain text.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.store import StoreError

log = logging.getLogger("policy_annotator")


# A box taller than the screen hides its buttons (an import report can list thousands of skipped
# lines, a reason can run to hundreds of characters): the box shows at most this many rows of text,
# the first lines and the last, each cut to three rows, and the whole under Show Details.
SHOWN_ROWS = 24
_ROW = 60  # characters in a row of a box's text, about
_LONGEST = 3 * _ROW
_LAST_ROWS = 6


def _width(line: str) -> int:
    """Columns a line takes, about: a Chinese character (three bytes of UTF-8) two, a Latin letter one."""
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) // 2


def _rows(line: str) -> int:
    return max(1, -(-_width(line) // _ROW))


def _cut(line: str) -> str:
    keep = len(line)
    while _width(line[:keep]) > _LONGEST:
        keep = keep * 3 // 4
    return line if keep == len(line) else line[: max(keep - 1, 1)] + "…"


def fitted(box: QMessageBox, text: str) -> None:
    """Give the box ``text`` as plain text, cut to ``SHOWN_ROWS`` rows with the whole under Show Details."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    whole = text.splitlines()
    lines = [_cut(line) for line in whole]
    if sum(map(_rows, lines)) <= SHOWN_ROWS:
        box.setText("\n".join(lines))
        if lines != whole:
            box.setDetailedText(text)
        return
    tail: list[str] = []
    used = 0
    for line in reversed(lines[1:]):
        if used + _rows(line) > _LAST_ROWS:
            break
        tail.insert(0, line)
        used += _rows(line)
    head: list[str] = []
    for line in lines[: len(lines) - len(tail)]:
        if used + _rows(line) > SHOWN_ROWS - 1:
            break
        head.append(line)
        used += _rows(line)
    if len(lines) - len(head) - len(tail) == 1:
        head.pop()  # (the line that says so would take the place of a single hidden one)
    hidden = len(lines) - len(head) - len(tail)
    more = QCoreApplication.translate("Messages", "… %1 more lines: Show Details").replace("%1", str(hidden))
    box.setText("\n".join([*head, more, *tail]))
    box.setDetailedText(text)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    fitted(box, text)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question, No by default; whether the answer was Yes."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, "", buttons, parent)
    fitted(box, text)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def log_failure(what: str, error: StoreError) -> None:
    log.warning("%s: %s (%s)", what, error, error.fault.value)
