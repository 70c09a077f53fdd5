"""The window refreshes from the change each command reports: one row in, one row out, nothing read back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.coding.commands import Change, ChangeKind
from desktop.core.models import Span
from desktop.ui.panes.span_list import SpanTableModel
from tests.ui.conftest import highlighted, painted_colour, tag_by_key

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class ModelEvents:
    """What a table model told its views."""

    def __init__(self, model: SpanTableModel) -> None:
        self.resets = 0
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.changed: list[int] = []
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _parent, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _parent, first, last: self.removed.append((first, last)))
        model.dataChanged.connect(lambda top, _bottom, _roles=(): self.changed.append(top.row()))

    def _reset(self) -> None:
        self.resets += 1


def count_calls(monkeypatch: pytest.MonkeyPatch, target: object, names: tuple[str, ...]) -> list[str]:
    calls: list[str] = []
    for name in names:
        original: Callable[..., object] = getattr(target, name)

        def counted(*args: object, _original: Callable[..., object] = original, _name: str = name) -> object:
            calls.append(_name)
            return _original(*args)

        monkeypatch.setattr(target, name, counted)
    return calls


def test_a_tag_inserts_one_row_and_reads_no_span_back(qtbot, open_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.text_pane
    tag_by_key(qtbot, pane, 20, 24, Qt.Key.Key_1)
    model = window.span_list.span_model
    events = ModelEvents(model)
    reads = count_calls(monkeypatch, window.store.spans, ("get", "of_article"))

    tag_by_key(qtbot, pane, 2, 6, Qt.Key.Key_2)
    assert (events.resets, events.inserted, reads) == (0, [(0, 0)], [])
    stored = window.store.spans.of_article(window.controller.document.article.id)
    assert model.spans == stored == window.controller.spans
    assert window.span_list.current_span_id() == stored[0].id == window.controller.selected_span

    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert (events.resets, events.removed) == (0, [(0, 0)])
    assert [span.start for span in model.spans] == [20]
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert (events.resets, events.inserted) == (0, [(0, 0), (0, 0)])
    assert highlighted(pane) == [(2, 6), (20, 24)]


def test_a_category_change_updates_its_row_and_its_colour(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.text_pane
    for start in (2, 20):  # on the title line and in the body
        tag_by_key(qtbot, pane, start, start + 4, Qt.Key.Key_1)
    model = window.span_list.span_model
    events = ModelEvents(model)
    second = model.spans[1]
    window.controller.change_category(second.id, "measure")  # type: ignore[arg-type]
    assert (events.resets, events.inserted, events.removed, events.changed) == (0, [], [], [1])
    assert model.spans[1].category_id == "measure" == window.store.spans.get(second.id).category_id  # type: ignore[arg-type]
    # The repainted line carries the new category's colour; the other span keeps its own.
    pane.select(0, 0, scroll=False)
    assert painted_colour(pane, 21) == model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole).name()
    assert painted_colour(pane, 3) == model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).name()
    assert painted_colour(pane, 21) != painted_colour(pane, 3)


def test_a_span_just_tagged_shows_its_colour_through_the_selection(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    pane = window.text_pane
    paper = painted_colour(pane, 30)
    tag_by_key(qtbot, pane, 20, 30, Qt.Key.Key_1)
    # 20..29 tagged and still selected; 30 is selected too but not tagged.
    pane.select(20, 31, scroll=False)
    selected_paper, selected_span = painted_colour(pane, 30), painted_colour(pane, 21)
    pane.select(0, 0, scroll=False)
    span = painted_colour(pane, 21)
    assert len({paper, selected_paper, selected_span, span}) == 4
    # Under the selection the span keeps its hue: nearer its own colour than to the bare selection.
    distance = lambda a, b: sum(abs(QColor(a).getRgb()[i] - QColor(b).getRgb()[i]) for i in range(3))  # noqa: E731
    assert distance(selected_span, span) < distance(selected_paper, span)


def test_undo_in_another_article_shows_that_article_once(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.article_list.view.selectRow(1)
    first = window.controller.document.article.id
    for start in (2, 20):
        tag_by_key(qtbot, window.text_pane, start, start + 4, Qt.Key.Key_3)
    window.article_list.view.selectRow(2)
    assert window.controller.document.article.id != first
    window.undo_stack.undo()
    assert window.controller.document.article.id == first
    stored = window.store.spans.of_article(first)
    assert [s.start for s in stored] == [2]
    assert window.span_list.span_model.spans == stored == window.controller.spans
    window.undo_stack.redo()
    assert window.span_list.span_model.spans == window.store.spans.of_article(first)
    assert len(window.span_list.span_model.spans) == 2


def test_applying_a_change_twice_changes_the_rows_once(qapp) -> None:  # type: ignore[no-untyped-def]
    model = SpanTableModel()
    spans = [Span(i, 1, "project", start, start + 2, "xx", start, start + 2, "xx") for i, start in ((1, 0), (2, 5))]
    model.set_spans(spans, [])
    new = Span(3, 1, "target", 3, 4, "x", 3, 4, "x")
    for _ in range(2):
        model.apply(Change(ChangeKind.SPANS_ADDED, 1, (new,)))
    assert [span.id for span in model.spans] == [1, 3, 2]
    for _ in range(2):
        model.apply(Change(ChangeKind.SPANS_EDITED, 1, (new._replace(note="n"),)))
    assert model.spans[1].note == "n" and len(model.spans) == 3
    for _ in range(2):
        model.apply(Change(ChangeKind.SPANS_REMOVED, 1, (spans[0],)))
    assert [span.id for span in model.spans] == [3, 2]
