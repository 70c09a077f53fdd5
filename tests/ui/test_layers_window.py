"""The window counts the layer its status bar names: the study layer by default, and in blind coding only
the analyst's own spans, in every view that counts, lists, suggests or exports spans."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.core.exchange.formats import format_by_key
from desktop.core.layers import CONSENSUS, Layer
from desktop.core.models import Status
from desktop.core.store import Store
from desktop.ui.app import create_window
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.search.search_panel import SearchChoices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.workspaces import Workspace
from tests.core.test_layers import CODES, A, B, brute, three_layers


def open_on(qtbot, path: Path, settings_file: Path, analyst: str) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    settings.setValue("annotator", analyst)
    window = create_window(str(path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.document is not None)
    return window


def shown_counts(window: MainWindow) -> dict[str, int]:
    window.codebook.panel.show()
    window.codebook.refresh()
    return {code: int(window.codebook.panel.items[code].text(2)) for code in CODES}


def listed_counts(window: MainWindow) -> dict[int, int]:
    model = window.article_list.model
    return {model.summary(row).id: model.data(model.index(row, 2)) for row in range(model.rowCount())}  # type: ignore[union-attr]


def expectations(store: Store, adjudicated: set[int], layer: Layer) -> tuple[Counter[str], Counter[int], int]:
    spans = brute(store, adjudicated, layer)
    return Counter(code for _, code, _ in spans), Counter(article for article, _, _ in spans), len(spans)


def check_views(qtbot, window: MainWindow, by_code: Counter[str], by_article: Counter[int], total: int) -> None:  # type: ignore[no-untyped-def]
    window.workspaces.switch(Workspace.CODE)
    assert shown_counts(window) == {code: by_code[code] for code in CODES}
    assert listed_counts(window) == {i: by_article[i] for i in window.store.articles.ids()}
    window.study.reports_dock.show()
    window.study.show_report(window.study.reports.request())
    rows = window.study.reports.model.rows
    assert {row[1]: row[2] for row in rows} == {code: by_code[code] for code in CODES}
    window.corpus.passages.open()
    assert (
        window.corpus.passages.panel.model.rowCount() == min(total, window.corpus.passages.panel.model.rowCount()) > 0
    )
    chosen = window.corpus.passages._chosen()
    assert window.store.passages.count(chosen) == total
    dialog = ExportDialog(format_by_key("csv"), window.categories(), window, window.layer_choice.offer())
    assert dialog.options().filters.layers == window.layer_choice.layers()
    dialog.deleteLater()


def test_the_window_counts_the_study_layer_by_default_and_its_choice_after(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, settings_file: Path
) -> None:
    path = tmp_path / "three.db"
    with Store.open(path) as store:
        adjudicated = three_layers(store)
        study = expectations(store, adjudicated, Layer(A, study=True))
        consensus = expectations(store, adjudicated, Layer(CONSENSUS))
    window = open_on(qtbot, path, settings_file, A)
    assert window.layer_choice.layers() == (Layer(A, study=True),)
    assert window.layer_choice.box.isEnabled() and "Study layer" in window.layer_choice.box.currentText()
    check_views(qtbot, window, *study)
    assert "the study layer" in window.study.reports.summary.text()
    # Another choice: every view counts the consensus now, and says so.
    box = window.layer_choice.box
    box.setCurrentIndex(box.findData("one:consensus"))
    assert window.layer_choice.layers() == (Layer(CONSENSUS),)
    check_views(qtbot, window, *consensus)
    assert window.study.reports.summary.text().endswith("; the consensus")
    window.store.close()


def test_blind_coding_counts_suggests_and_exports_only_ones_own_spans(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, settings_file: Path
) -> None:
    path = tmp_path / "three.db"
    with Store.open(path) as store:
        adjudicated = three_layers(store)
        mine = expectations(store, adjudicated, Layer(B))
        theirs_only = {text for _, _, text in brute(store, adjudicated, Layer(A))} - {
            text for _, _, text in brute(store, adjudicated, Layer(B))
        }
    window = open_on(qtbot, path, settings_file, B)
    window.analysts.set_blind(True)
    assert window.layer_choice.layers() == (Layer(B),) and not window.layer_choice.box.isEnabled()
    check_views(qtbot, window, *mine)
    # The list's status is B's own: nothing marked by B yet, so every article is to do for B.
    window.store.articles.set_status(window.store.articles.ids()[0], Status.DONE)
    window.article_list.refresh()
    model = window.article_list.model
    assert {model.summary(row).status for row in range(model.rowCount())} == {Status.TODO}  # type: ignore[union-attr]
    # Suggestions learnt from tagged strings are B's alone.
    suggestions = window.corpus.suggestions
    suggestions.show_action.setChecked(True)
    tagged = set()
    for longer, shorter in suggestions._ready()._by_pair.values():  # (text, code, times) by their first characters
        for group in [*longer.values(), shorter]:
            tagged |= {entry[0] for entry in group}
    assert tagged and not tagged & theirs_only
    # Search: "articles with a measure" counts B's measures only.
    choices = SearchChoices("。", False, "", "measure", "", "A", "")  # even naming A, a blind coder counts B
    assert window.corpus._filters(choices).layers == (Layer(B),)
    window.store.close()
