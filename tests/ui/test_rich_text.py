"""No data is ever rendered as rich text: a database full of HTML shows every tag as typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from desktop.core.store import Store
from desktop.ui.app import create_window
from tests.ui.conftest import make_db

TITLE = '<img src="file:///etc/hostname"><b>粗体标题</b>'
BODY = "正文<i>斜体</i>内容，<a href='https://example.org'>链接</a>结束。"
NOTE = "<script>alert(1)</script><u>备注</u>"
CATEGORY = "<b>cat</b>"


def as_qt_shows_it(text: str) -> QTextDocument:
    """A tooltip or label the way Qt renders it: as HTML whenever the text looks like HTML."""
    document = QTextDocument()
    if QtGuiNamespace.mightBeRichText(text):  # type: ignore[attr-defined]
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document


def shows_literally(shown: str, data: str) -> bool:
    document = as_qt_shows_it(shown)
    return data in document.toPlainText() and "<img" not in document.toHtml() and "<a " not in document.toHtml()


def test_a_database_full_of_html_shows_every_tag_as_text(qtbot, tmp_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    db = make_db(tmp_path, {"html.txt": f"{TITLE}\n{BODY}\n"})
    with Store.open(db) as store:
        store.categories.add(CATEGORY, label_zh="<i>码</i>", label_en="<u>code</u>")
        [article_id] = store.articles.ids()
        document = store.document(article_id)
        start = document.article.text.index("<i>斜体</i>")
        span = document.span_from_text(start, start + len("<i>斜体</i>"), CATEGORY, "<s>analyst</s>")
        store.spans.insert(span._replace(note=NOTE))
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    window = create_window(str(db), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.document is not None)

    articles = window.article_list.model
    title = articles.data(articles.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert "<b>粗体标题</b>" in title
    assert shows_literally(articles.data(articles.index(0, 0), Qt.ItemDataRole.ToolTipRole), title)

    spans = window.span_list.span_model
    # The span list fills once every span is read, a moment after the article shows.
    qtbot.waitUntil(lambda: spans.rowCount() == 1)
    for column in range(spans.columnCount()):
        tip = spans.data(spans.index(0, column), Qt.ItemDataRole.ToolTipRole)
        if tip:
            assert shows_literally(tip, "<i>斜体</i>")

    pane = window.text_pane
    position = pane.text.index("斜体")
    hover = window.controller.tooltip(pane, position)
    for data in ("<u>code</u>", NOTE, "<i>斜体</i>"):
        assert shows_literally(hover, data), data

    buttons = [b for b in window.category_bar.findChildren(QAbstractButton) if "code" in b.text()]
    assert buttons and all(shows_literally(b.toolTip(), "<u>code</u>") for b in buttons)

    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText or not QtGuiNamespace.mightBeRichText(label.text()), (
            label.text()
        )
    QApplication.processEvents()
    window.store.close()
