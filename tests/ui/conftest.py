"""A real main window on a temporary database, driven with pytest-qt offscreen."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.core.coding.importing import import_paths
from desktop.core.exchange.import_report import ImportReport
from desktop.core.offsets import Utf16Index
from desktop.core.store import Store
from desktop.ui.app import SETTINGS_ENV, create_window
from desktop.ui.exchange.background_import import ProgressRunner
from desktop.ui.panes.text_pane import TextPane
from desktop.ui.widgets import i18n
from desktop.ui.window.main_window import MainWindow
from tests.conftest import SAMPLE_DATA


def make_db(folder: Path, texts: dict[str, str] | None = None) -> Path:
    """A database file with the sample articles, or with the given texts."""
    db = folder / "ui.db"
    sources = folder / "articles"
    sources.mkdir(exist_ok=True)
    if texts is not None:
        for name, text in texts.items():
            (sources / name).write_text(text, encoding="utf-8")
    store = Store.open(db)
    list(import_paths(store, [sources if texts is not None else SAMPLE_DATA]))
    store.close()
    return db


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


@pytest.fixture
def open_window(qtbot, tmp_path: Path, settings_file: Path):  # type: ignore[no-untyped-def]
    """A factory: open_window(texts=None, language="en") -> shown, active MainWindow."""
    windows: list[MainWindow] = []

    def factory(texts: dict[str, str] | None = None, language: str = "en", db: Path | None = None) -> MainWindow:
        """The window on ``db`` when given, else on a new database of ``texts`` (the samples without)."""
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        settings.setValue("view/language", language)
        settings.setValue("annotator", "tester")
        window = create_window(str(db or make_db(tmp_path, texts)), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        # Window shortcuts (the category keys) only fire in the active window.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.store.close()
    i18n.install("en")


def highlighted(pane: TextPane, muted: bool = False) -> list[tuple[int, int]]:
    """Code point ranges painted as spans (or, with ``muted``, greyed out as removed), merged."""
    window = pane.window()
    if isinstance(window, MainWindow):
        window.controller.finish_reading()
    ranges = [
        (segment.start, segment.end)
        for segment in pane.painted_segments()
        if (segment.muted if muted else segment.categories)
    ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def painted_colour(pane: TextPane, position: int) -> str:
    """The colour on screen behind the character at a position (code points), read from the pane's pixels.

    The most frequent colour along the top row of the character's cell, where glyphs
    leave the background uncovered.
    """
    window = pane.window()
    if isinstance(window, MainWindow):
        window.controller.finish_reading()
    units = Utf16Index(pane.text)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(units.to_utf16(position))
    left = pane.cursorRect(cursor)
    cursor.setPosition(units.to_utf16(position + 1))
    right = pane.cursorRect(cursor)
    assert right.top() == left.top() and right.left() > left.left(), "the character wraps or is off screen"
    image = pane.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    y = int((left.top() + 1) * ratio)
    xs = range(int(left.left() * ratio) + 2, int(right.left() * ratio) - 1)
    return Counter(image.pixelColor(x, y).name() for x in xs).most_common(1)[0][0]


def spans_in_db(window: MainWindow) -> list[tuple]:
    return [
        (s.category_id, s.start, s.end, s.text, s.original_start, s.original_end, s.original_text)
        for s in window.store.spans.of_article(window.controller.document.article.id)  # type: ignore[union-attr]
    ]


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Message boxes record what they would have said instead of blocking."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: shown.append((title, text)))
    monkeypatch.setattr(
        "desktop.ui.exchange.import_dialog.show_summary",
        lambda parent, outcomes: shown.append(("summary", str(len(outcomes)))),
    )
    yield shown


def tag_by_key(qtbot, pane: TextPane, start: int, end: int, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Select a range of a pane (code points) and press a category key, as an analyst does."""
    pane.setFocus()
    pane.select(start, end)
    qtbot.keyClick(pane, key)


def import_annotations_in(window: MainWindow, qtbot, path: Path) -> ImportReport:  # type: ignore[no-untyped-def]
    """File → Import annotations as the window runs it (off the UI thread), waited for; the report it
    would show and the colour question it might ask are handed back instead."""
    exchange = window.exchange
    reports: list[ImportReport] = []
    with (
        patch.object(exchange, "show_report", reports.append),
        patch.object(exchange, "offer_their_colours", lambda report: None),
    ):
        exchange.start_annotation_import(path)
        assert exchange.import_running()
        qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    assert not exchange.import_running()
    return reports[0]


@contextmanager
def held_until_cancelled(qtbot, window: MainWindow, runner: ProgressRunner, held: threading.Event) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Around what a test does while an import waits on ``held``; then lets it go on. Should the test
    fail meanwhile, the import is cancelled and waited for: its thread must end before the window
    does, or Qt aborts the whole test run."""
    try:
        yield
    except BaseException:
        runner.worker.cancel()
        held.set()
        qtbot.waitUntil(lambda: not window.exchange.import_running(), timeout=30_000)
        raise
    held.set()
