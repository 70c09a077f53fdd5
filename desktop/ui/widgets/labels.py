"""User-visible names of core values, translatable."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from desktop.core import metadata
from desktop.core.exchange.formats import ExchangeFormat
from desktop.core.metadata import MetadataField
from desktop.core.models import Category, FlagKind, Status
from desktop.ui.widgets.i18n import current_language


def status_label(status: Status) -> str:
    labels = {
        Status.TODO: QCoreApplication.translate("labels", "to do"),
        Status.IN_PROGRESS: QCoreApplication.translate("labels", "in progress"),
        Status.DONE: QCoreApplication.translate("labels", "done"),
    }
    return labels[status]


def flag_label(kind: FlagKind) -> str:
    labels = {
        FlagKind.MOJIBAKE: QCoreApplication.translate("labels", "mojibake"),
        FlagKind.REPLACEMENT_CHARACTER: QCoreApplication.translate("labels", "replacement character"),
        FlagKind.MISSING_DIGITS: QCoreApplication.translate("labels", "missing digits"),
        FlagKind.REDECODED: QCoreApplication.translate("labels", "wrong code page, read again"),
    }
    return labels[kind]


def category_label(category: Category) -> str:
    """The Chinese label under a Chinese interface, the English one otherwise."""
    return category.label_zh if current_language().startswith("zh") else category.label_en


def field_label(field: MetadataField) -> str:
    """A built-in field in the interface's language; a field the analysts added by the name they gave it."""
    builtin = {
        metadata.DATE: QCoreApplication.translate("labels", "Date"),
        metadata.ISSUER: QCoreApplication.translate("labels", "Issuer"),
        metadata.DOCUMENT_NUMBER: QCoreApplication.translate("labels", "Document number"),
        metadata.REGION: QCoreApplication.translate("labels", "Region"),
        metadata.LEVEL: QCoreApplication.translate("labels", "Level"),
        metadata.TYPE: QCoreApplication.translate("labels", "Type"),
        metadata.URL: QCoreApplication.translate("labels", "Web address"),
        metadata.YEAR: QCoreApplication.translate("labels", "Year"),
    }
    return builtin.get(field.name, field.label) if field.builtin or field.name == metadata.YEAR else field.label


def format_label(fmt: ExchangeFormat) -> str:
    """A format by its own name; the two that say what they hold say it in the interface's language."""
    described = {
        "qdpx": QCoreApplication.translate("labels", "REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)"),
        "xlsx": QCoreApplication.translate("labels", "Excel workbook (spans, articles, reports)"),
    }
    return described.get(fmt.key, fmt.label)


def encoding_label(name: str) -> str:
    """How an export encoding is offered: what it is for, where that is not obvious from its name."""
    if name == "utf-8-sig":
        return QCoreApplication.translate("labels", "UTF-8 with BOM (Excel)")
    return name.upper()


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is.

    Qt renders a tooltip as HTML whenever it looks like HTML; an article titled
    ``<img src=file:///…>`` would load a local file. Escaped inside an explicit paragraph,
    the text is always shown literally, line breaks and spaces kept.
    """
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def menu_text(text: str) -> str:
    """Data shown in a menu entry: a lone & would otherwise become a keyboard mnemonic."""
    return text.replace("&", "&&")


def plain_label(text: str = "") -> QLabel:
    """A label that never reads its text as HTML (QLabel guesses, like tooltips)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
