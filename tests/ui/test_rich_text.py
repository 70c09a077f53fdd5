"""No data is ever rendered as rich text: a database full of HTML shows every tag as typed, in every widget.

Every piece of data (title, text, code labels and coding rule, analysts, notes, metadata field and
value, sample) carries a tag and the marker Ω. After every dock, report and dialog that shows data
is opened, every string any widget shows (labels, buttons, tooltips, item and header texts of
every view, recursively) is rendered as Qt renders it; wherever Ω appears, its tag must be there
as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel

from desktop.core.corpus.reporting import ReportKind, ReportRequest
from desktop.core.metadata import FieldKind, MetadataField
from desktop.core.store import Store
from desktop.ui.app import create_window
from tests.ui.conftest import make_db

TITLE = '<img src="file:///etc/hostname"><b>Ω粗体标题</b>'
BODY = "正文<i>Ω斜体</i>内容，<a href='https://example.org'>链接</a>结束。推进创新发展。"
NOTE = "<script>alert(1)</script><u>Ω备注</u>"
CODE = "<b>Ωcat</b>"
RULE = "<u>Ω规则</u>：<img src='x'>"
ANALYST = "<s>Ω甲</s>"
FIELD_LABEL = "<b>Ω字段</b>"
VALUE = "<i>Ω值</i>"
TAGS = ("<b>", "<i>", "<u>", "<s>", "<img", "<a ", "<script>")


def rendered(text: str, format_: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a reader sees: as HTML where Qt would take it for HTML, else as typed."""
    rich = format_ == Qt.TextFormat.RichText or (
        format_ == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)  # type: ignore[attr-defined]
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent if parent is not None else QModelIndex()
    try:
        columns, rows = model.columnCount(parent), model.rowCount(parent)
    except TypeError:  # a list model whose counts PySide keeps private: one column of plain items
        columns, rows = 1, model.rowCount()
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role) if not parent.isValid() else None
            if isinstance(value, str):
                yield value if role == Qt.ItemDataRole.ToolTipRole else f"<!--plain-->{value}"
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    # An item's text is drawn as plain text; only its tooltip can be read as HTML.
                    yield value if role == Qt.ItemDataRole.ToolTipRole else f"<!--plain-->{value}"
        first = model.index(row, 0, parent)
        try:
            nested = model.rowCount(first) > 0
        except TypeError:
            nested = False
        if nested:
            yield from model_texts(model, first)


def shown_strings() -> Iterator[tuple[str, str]]:
    """(where, what a reader sees) for every string of every widget of the application."""
    for widget in QApplication.allWidgets():
        where = f"{type(widget).__name__} {widget.objectName()}"
        if widget.toolTip():
            yield where + " tooltip", rendered(widget.toolTip())
        if isinstance(widget, QLabel):
            yield where, rendered(widget.text(), widget.textFormat())
        if isinstance(widget, QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in model_texts(widget.model()):
                plain = text.startswith("<!--plain-->")
                yield where + " item", text.removeprefix("<!--plain-->") if plain else rendered(text)
    for widget in QApplication.topLevelWidgets():
        for action in widget.findChildren(QAction):
            if action.toolTip():
                yield "action tooltip", rendered(action.toolTip())


def faithful(text: str) -> bool:
    """Every Ω shown keeps the tag right before it (data never turned into markup)."""
    return all(text[max(0, i - 3) : i].startswith(("<b>", "<i>", "<u>", "<s>")) for i in _marks(text))


def _marks(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch == "Ω"]


def test_a_database_full_of_html_shows_every_tag_as_text_in_every_widget(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, settings_file: Path
) -> None:
    db = make_db(tmp_path, {"html.txt": f"{TITLE}\n{BODY}\n", "two.txt": f"第二篇{TITLE}\n{BODY}再一篇。\n"})
    with Store.open(db) as store:
        store.categories.add(CODE, label_zh="<i>Ω码</i>", label_en="<u>Ωcode</u>", description=RULE)
        store.metadata.add_field(MetadataField("issuer_html", FIELD_LABEL, FieldKind.TEXT))
        for article_id in store.articles.ids():
            document = store.document(article_id)
            start = document.article.text.index("<i>Ω斜体</i>")
            for who in (ANALYST, "<u>Ω乙</u>"):
                span = document.span_from_text(start, start + len("<i>Ω斜体</i>"), CODE, who)
                store.spans.insert(span._replace(note=NOTE))
            store.metadata.set_many([(article_id, "issuer_html", VALUE)])
            store.articles.set_note(article_id, NOTE, expected="")
        store.samples.save("<b>Ω样本</b>", store.articles.ids(), seed=1, size=2, stratify="")
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    window = create_window(str(db), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.document is not None)
    window.controller.finish_reading()
    qtbot.waitUntil(lambda: window.span_list.span_model.rowCount() == 2)

    # Every part of the window that shows data, opened.
    for dock in (*window.study.docks(), *window.corpus.docks(), window.coding_round.dock, window.codebook_dock):
        dock.show()
    window.study.show_report(ReportRequest(ReportKind.CROSSTAB, by="issuer_html"))
    window.corpus.passages.open(CODE)
    window.corpus.open_search()
    window.corpus.search_panel.query.setText("斜体")
    qtbot.keyClick(window.corpus.search_panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.corpus.search_panel.results.topLevelItemCount() > 0, timeout=10000)
    window.coding_round.panel.choice.fill([ANALYST, "<u>Ω乙</u>"], ["<b>Ω样本</b>"])
    window.coding_round.start()
    agreement = window.coding_round.show_agreement()
    agreement.show_report()
    qtbot.waitUntil(lambda: agreement.compute.isEnabled(), timeout=20000)
    hover = window.controller.tooltip(window.text_pane, window.text_pane.text.index("Ω斜体"))
    QApplication.processEvents()

    strings = [*shown_strings(), ("pane tooltip", rendered(hover))]
    marked = [(where, text) for where, text in strings if "Ω" in text]
    # The data is on screen in every place it should be.
    # An English window names codes by their English label.
    for piece in ("Ω粗体标题", "Ω斜体", "Ωcode", "Ω规则", "Ω甲", "Ω备注", "Ω字段", "Ω值", "Ω样本"):
        assert any(piece in text for _where, text in marked), piece
    lost = [(where, text[:120]) for where, text in marked if not faithful(text)]
    assert lost == [], "\n".join(map(str, lost))
    window.store.close()
