"""One language at a time: after switching, every string the window shows is in the language chosen.

The window is put in a state that shows every part (articles with metadata and flags, spans of three
analysts with a note, search hits, passages, a report, a round of adjudication, the agreement dialog)
and walked widget by widget in each workspace, in Chinese after starting in English and back.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.corpus.reporting import ReportKind
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.workspaces import Workspace
from tests.conftest import PROJECT
from tests.ui.conftest import tag_by_key
from tests.ui.dialog_triggers import every_dialog
from tests.ui.language_walk import visible_words, wrong_language

RULES = PROJECT / "resources" / "suggestion_rules.toml"
PASSAGES = {"A": [("乡村", "target"), ("发展", "measure")], "B": [("乡村", "project")]}


def data_of(window: MainWindow, language: str) -> tuple[list[str], list[str]]:
    """What may be shown in any script: names (titles, values, the codes' labels in ``language``), and the
    articles' texts, which lists quote."""
    store = window.store
    names: list[str] = [window.annotator(), "A", "B", "consensus", Path(store.path).name]
    texts: list[str] = []
    for article_id in store.articles.ids():
        article = store.articles.get(article_id)
        names += [article.title, article.original_title, article.source_path]
        names += list(store.metadata.values(article_id).values())
        texts += [article.text, article.original_text]
    names += [field.name for field in store.metadata.fields()]
    names += [field.label for field in store.metadata.fields() if not field.builtin]
    names += [c.label_zh if language.startswith("zh") else c.label_en for c in store.categories.all()]
    names += [span.note for a in store.articles.ids() for span in store.spans.of_article(a)]
    # The suggestion rules are the analysts' own file: their names are theirs.
    names += [rule["name"] for rule in tomllib.loads(RULES.read_text(encoding="utf-8"))["rule"]]
    return names, texts


def coded_window(open_window, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window()
    store = window.store
    first = store.articles.ids()[0]
    document = store.document(first)
    for analyst, passages in PASSAGES.items():
        for passage, category in passages:
            start = document.article.text.index(passage)
            store.spans.insert(document.span_at(start, start + len(passage), category, analyst, note="要点"))
    window.refresh_from_database()
    window.article_list.select_article(first)
    tag_by_key(qtbot, window.text_pane, 0, 4, Qt.Key.Key_1)
    return window


def walk_everything(window: MainWindow, qtbot) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    words: list[tuple[str, str]] = []
    window.workspaces.switch(Workspace.CODE)
    words += visible_words(window)
    window.corpus.open_search()
    panel = window.corpus.search_panel
    panel.clear_results()
    panel.query.setText("发展")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.hits) > 0 and panel.search_button.isEnabled(), timeout=10000)
    words += visible_words(window)
    window.corpus.passages.open("")
    words += visible_words(window)
    window.coding_round.dock.show()
    round_panel = window.coding_round.panel
    round_panel.choice.first.setCurrentText("A")
    round_panel.choice.second.setCurrentText("B")
    qtbot.mouseClick(round_panel.start, Qt.MouseButton.LeftButton)
    words += visible_words(window)
    window.study.reports_dock.show()
    reports = window.study.reports
    for kind in (ReportKind.FREQUENCIES, ReportKind.CROSSTAB):
        reports.kind.setCurrentIndex(reports.kind.findData(kind.value))
        qtbot.mouseClick(reports.run_button, Qt.MouseButton.LeftButton)
        words += visible_words(window)
    dialog = window.coding_round.show_agreement()
    dialog.choice.first.setCurrentText("A")
    dialog.choice.second.setCurrentText("B")
    qtbot.mouseClick(dialog.compute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    words += visible_words(dialog)
    dialog.close()
    return words


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_is_in_the_language_chosen(qtbot, open_window, language: str) -> None:  # type: ignore[no-untyped-def]
    window = coded_window(open_window, qtbot)
    other = "en" if language != "en" else "zh_CN"
    window.set_language(other)
    walk_everything(window, qtbot)  # everything built once in the other language
    window.set_language(language)
    found = wrong_language(walk_everything(window, qtbot), language, *data_of(window, language))
    assert found == [], "\n".join(f"{where}: {text[:100]!r}" for where, text in found)


def dialog_words(qtbot, trigger) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Run ``trigger``; walk the modal dialog it opens (a QDialog of ours or Qt's) and close it."""
    words: list[tuple[str, str]] = []
    shown: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        words.extend(visible_words(dialog))
        shown.append(type(dialog).__name__)
        dialog.close()

    QTimer.singleShot(20, look)
    trigger()
    qtbot.waitUntil(lambda: bool(shown) and QApplication.activeModalWidget() is None)
    return words


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_dialog_is_in_the_language_chosen(qtbot, open_window, language: str) -> None:  # type: ignore[no-untyped-def]
    window = coded_window(open_window, qtbot)
    window.set_language("en" if language != "en" else "zh_CN")
    window.set_language(language)
    seen: dict[str, list[tuple[str, str]]] = {}
    for what, trigger in every_dialog(window):
        seen[what] = dialog_words(qtbot, trigger)
    assert all(len(words) > 3 for words in seen.values()), {w: len(v) for w, v in seen.items()}
    names, texts = data_of(window, language)
    found = {what: wrong_language(words, language, names, texts) for what, words in seen.items()}
    found = {what: bad for what, bad in found.items() if bad}
    assert found == {}, "\n".join(f"{what}: {bad}" for what, bad in found.items())


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_two_entries_of_a_menu_share_a_name(qtbot, open_window, language: str) -> None:  # type: ignore[no-untyped-def]
    window = coded_window(open_window, qtbot)
    window.set_language(language)
    menus = [a.menu() for a in window.menuBar().actions()]
    for menu in menus:
        names = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
        assert len(names) == len(set(names)), f"{menu.title()}: {names}"
