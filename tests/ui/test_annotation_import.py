"""File → Import annotations runs off the UI thread: the window answers while it runs, the progress
dialog says how far it is, and Cancel stops it with what was stored before kept."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.core.exchange import attach
from desktop.core.store import Store
from tests.ui.conftest import held_until_cancelled


def doccano_file(path: Path, count: int) -> Path:
    lines = [{"text": f"第{number}篇：推進項目建設", "label": [[0, 2, "project"]]} for number in range(count)]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def pressed(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set it to let the import go on: it waits after each batch of five records until then. What the
    analyst sees and does in between is made certain, instead of a race with a fast import."""
    monkeypatch.setattr(attach, "BATCH_RECORDS", 5)
    event = threading.Event()
    import_annotations = attach.import_annotations

    def waiting_after_each_batch(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        def told(line: int) -> None:
            progress(line)
            assert event.wait(30)

        return import_annotations(*args, progress=told, **kwargs)

    monkeypatch.setattr(attach, "import_annotations", waiting_after_each_batch)
    return event


def test_cancel_in_the_progress_dialog_stops_the_import_and_keeps_what_was_stored(  # type: ignore[no-untyped-def]
    qtbot, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pressed: threading.Event
) -> None:
    window = open_window()
    before = window.store.articles.count()
    reports: list = []
    monkeypatch.setattr(window.exchange, "show_report", reports.append)
    runner = window.exchange.start_annotation_import(doccano_file(tmp_path / "many.jsonl", 400))
    with held_until_cancelled(qtbot, window, runner, pressed):
        assert window.exchange.import_running()
        qtbot.waitUntil(lambda: "stored up to line 5" in runner.dialog.labelText(), timeout=30_000)
        qtbot.waitUntil(runner.dialog.isVisible, timeout=5_000)  # (shown once the import takes 0.3 s)
        assert window.article_list.model.rowCount() == before  # the window answers meanwhile
        assert not any(action.isEnabled() for action in window.exchange.import_actions())  # one import at a time
        runner.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    [report] = reports
    assert report.cancelled_at == 6 and len(report.created) == 5
    assert window.store.articles.count() == before + 5
    assert window.article_list.model.rowCount() == before + 5  # the window shows what was stored
    assert not window.exchange.import_running()
    assert all(action.isEnabled() for action in window.exchange.import_actions())


def test_a_file_that_cannot_be_read_is_reported_and_the_window_goes_on(  # type: ignore[no-untyped-def]
    qtbot, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    reports: list = []
    monkeypatch.setattr(window.exchange, "show_report", reports.append)
    window.exchange.start_annotation_import(tmp_path / "missing.jsonl")
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert "missing.jsonl: no such file" in reports[0].failed
    assert not window.exchange.import_running()


def test_closing_the_window_during_an_import_cancels_it_and_waits(  # type: ignore[no-untyped-def]
    qtbot, open_window, tmp_path: Path, pressed: threading.Event
) -> None:
    window = open_window()
    path, before = window.store.path, window.store.articles.count()
    runner = window.exchange.start_annotation_import(doccano_file(tmp_path / "many.jsonl", 400))
    qtbot.waitUntil(lambda: "stored up to line 5" in runner.dialog.labelText(), timeout=30_000)
    threading.Timer(0.3, pressed.set).start()  # (the import is in its first batch's wait when the window closes)
    window.close()
    assert runner.worker_thread.isFinished() and not window.exchange.import_running()
    with Store.open(path) as store:
        assert store.articles.count() == before + 5  # the first batch, and nothing after the close
