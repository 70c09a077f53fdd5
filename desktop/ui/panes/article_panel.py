"""The open article as data: its metadata fields and its note (memo), edited in place.

A value is committed when its editor loses focus or Enter is pressed; the window turns each
commit into an undoable command. Values are shown as the database stores them, so a date
typed as 2021年3月5日 reads back as 2021-03-05.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.metadata import FieldKind, MetadataField
from desktop.ui.widgets.labels import field_label, plain_tooltip


class ArticlePanel(QWidget):
    valueEdited = Signal(str, str)  # field name, new value
    noteEdited = Signal(str)
    addFieldRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.note_label = QLabel()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.installEventFilter(self)
        self.add_field_button = QPushButton()
        self.add_field_button.clicked.connect(self.addFieldRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.add_field_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note, 1)
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self._fields: list[MetadataField] = []  # the fields the editors were built for
        self._values: dict[str, str] = {}
        self._note = ""
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("Article note (saved when you leave the box):"))
        self.add_field_button.setText(self.tr("Add field…"))
        self.note.setPlaceholderText(self.tr("Memo on this article: sampling, doubts, context"))
        if self._fields:  # the built-in fields' names are in the interface's language
            self._build(self._fields)
            self._fill()

    def show_article(self, title: str, fields: list[MetadataField], values: dict[str, str], note: str) -> None:
        """The fields of one article as stored; editors are rebuilt only when the fields changed."""
        self.setEnabled(True)
        self.heading.setText(title)
        if fields != self._fields:
            self._build(fields)
        self._values = dict(values)
        self._fill()
        self._note = note
        if self.note.toPlainText() != note:
            self.note.setPlainText(note)

    def _fill(self) -> None:
        for name, editor in self.editors.items():
            value = self._values.get(name, "")
            if isinstance(editor, QComboBox):
                editor.blockSignals(True)
                editor.setCurrentIndex(max(0, editor.findText(value)))
                editor.blockSignals(False)
            else:
                editor.setText(value)

    def clear(self) -> None:
        self.heading.clear()
        self.note.clear()
        self.setEnabled(False)

    def _build(self, fields: list[MetadataField]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        for field in fields:
            editor: QLineEdit | QComboBox
            if field.kind is FieldKind.CHOICE:
                editor = QComboBox()
                editor.addItems(["", *field.choices])
                editor.currentTextChanged.connect(lambda text, name=field.name: self._commit(name, text))
            else:
                editor = QLineEdit()
                hints = {FieldKind.DATE: self.tr("e.g. 2025-03-01"), FieldKind.NUMBER: "0"}
                editor.setPlaceholderText(hints.get(field.kind, ""))
                editor.editingFinished.connect(lambda name=field.name, e=editor: self._commit(name, e.text()))
            editor.setObjectName(f"field_{field.name}")
            self.editors[field.name] = editor
            label = QLabel(field_label(field))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(plain_tooltip(self.tr("Column in exported files: %1").replace("%1", field.name)))
            self.form.addRow(label, editor)
        self._fields = list(fields)

    def _commit(self, name: str, text: str) -> None:
        if text.strip() != self._values.get(name, ""):
            self._values[name] = text.strip()
            self.valueEdited.emit(name, text)

    def _commit_note(self) -> None:
        text = self.note.toPlainText()
        if text != self._note:
            self._note = text
            self.noteEdited.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self._commit_note()
        return super().eventFilter(watched, event)
