"""A double-coding round in the window: two analysts' files imported, the agreement report, adjudication
into `consensus` with one decision undone, blind mode and the analyst switch."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop.core.exchange.ours_jsonl import write as write_jsonl
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.layers import Layer
from desktop.core.models import SpanFilter
from desktop.core.store import Store
from tests.test_cli import run
from tests.ui.conftest import highlighted, import_annotations_in, make_db

TEXT = "一、总体目标。到2025年建成示范区。\n二、主要措施。设立专项资金。建设产业园项目。\n三、保障。加强组织领导。\n"
CODING = {
    "A": [
        ("到2025年建成示范区", "target"),
        ("设立专项资金", "measure"),
        ("建设产业园项目", "project"),
        ("加强组织领导", "measure"),
        ("总体目标", "target"),
    ],
    "B": [
        ("到2025年建成示范区", "target"),
        ("设立专项资金", "measure"),
        ("建设产业园项目", "measure"),
        ("组织领导", "measure"),
    ],
}


def rows_of(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    return [dialog.figures.verticalHeaderItem(r).text() for r in range(dialog.figures.rowCount())]


def analyst_file(folder: Path, analyst: str) -> Path:
    """The analyst's own database (same article), coded and exported as JSONL, as a colleague sends it."""
    folder.mkdir()
    with Store.open(make_db(folder, {"plan.txt": TEXT})) as store:
        [article_id] = store.articles.ids()
        document = store.document(article_id)
        for passage, category in CODING[analyst]:
            start = document.article.text.index(passage)
            store.spans.insert(document.span_at(start, start + len(passage), category, analyst))
        path = folder / f"{analyst}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            write_jsonl(store, out, ExportOptions(filters=SpanFilter(layers=(Layer(analyst),))))
    return path


def test_import_report_adjudicate_undo_and_export_consensus(
    open_window, qtbot, tmp_path: Path, no_dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from desktop.ui.review import report_runner

    made_on: list[int] = []
    make = report_runner.report_in_steps
    monkeypatch.setattr(
        report_runner, "report_in_steps", lambda *a, **k: made_on.append(threading.get_ident()) or make(*a, **k)
    )
    window = open_window({"plan.txt": TEXT})
    for analyst in ("A", "B"):
        import_annotations_in(window, qtbot, analyst_file(tmp_path / analyst, analyst))
    assert {s.annotator for s in window.store.spans.of_article(window.controller.document.article.id)} == {"A", "B"}

    dialog = window.coding_round.show_agreement()
    dialog.choice.fill(["A", "B"], [])
    dialog.choice.first.setCurrentText("A")
    dialog.choice.second.setCurrentText("B")
    # The figures are shown first, while the confusion table and the disagreements are worked out.
    ahead: list[tuple[int, int, bool]] = []
    dialog.runner.figured.connect(
        lambda _r: ahead.append(
            (dialog.figures.rowCount(), dialog.disagreements.rowCount(), dialog.compute.isEnabled())
        )
    )
    qtbot.mouseClick(dialog.compute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.compute.isEnabled()
    assert len(ahead) == 1 and ahead[0][0] > 0 and ahead[0][1:] == (0, False)
    assert made_on and made_on[0] != threading.get_ident()  # computed off the window's thread
    headings = [dialog.figures.horizontalHeaderItem(c) for c in range(dialog.figures.columnCount())]
    measures = [heading.data(Qt.ItemDataRole.UserRole) for heading in headings]
    rows = [dialog.figures.verticalHeaderItem(r).data(Qt.ItemDataRole.UserRole) for r in range(len(rows_of(dialog)))]
    assert "cohen_kappa" in measures and "krippendorff_alpha_u" in measures and rows[-1] == "ALL"
    # People read the measures and codes by name, not by id.
    assert "Cohen's κ" in [heading.text() for heading in headings]
    assert rows_of(dialog) == ["Measure", "Project", "Target", "All codes"]
    f1 = dialog.figures.item(rows.index("ALL"), measures.index("f1_exact")).text()
    assert float(f1) == round(2 * (2 / 4) * (2 / 5) / (2 / 4 + 2 / 5), 4)
    assert dialog.disagreements.rowCount() == 3
    dialog.close()
    assert dialog.runner._thread is None  # closing the dialog ends its thread

    window.coding_round.dock.show()
    panel = window.coding_round.panel
    panel.choice.first.setCurrentText("A")
    panel.choice.second.setCurrentText("B")
    qtbot.mouseClick(panel.start, Qt.MouseButton.LeftButton)
    assert panel.items.count() == 3 and "0 of 3" in panel.progress_text.text()
    # The open passage is underlined per analyst: A's spans solid (0), B's dashed (1).
    assert {style for _, _, style in window.text_pane.marks} == {0, 1}

    panel.items.setCurrentRow(0)  # 总体目标: only A coded it
    qtbot.mouseClick(panel.buttons[_decision("FIRST")], Qt.MouseButton.LeftButton)
    assert panel.items.currentRow() == 1  # on to the next open passage
    qtbot.mouseClick(panel.buttons[_decision("SECOND")], Qt.MouseButton.LeftButton)  # 建设产业园项目 as measure
    panel.items.setFocus()
    qtbot.keyClick(panel.items, Qt.Key.Key_1)  # 加强组织领导, by key
    assert "3 of 3" in panel.progress_text.text()
    consensus = {(s.text, s.category_id) for s in _consensus(window)}
    assert consensus == {("总体目标", "target"), ("建设产业园项目", "measure"), ("加强组织领导", "measure")}
    # The consensus spans are painted in both panes.
    assert highlighted(window.text_pane)

    window.undo_action.trigger()
    assert "2 of 3" in panel.progress_text.text()
    assert {(s.text, s.category_id) for s in _consensus(window)} == {
        ("总体目标", "target"),
        ("建设产业园项目", "measure"),
    }

    exported = run("export", "--db", window.store.path, "--annotator", "consensus", "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    table = pd.read_csv(io.StringIO(exported.stdout.lstrip("\ufeff")), keep_default_na=False)
    assert sorted(zip(table["text"], table["category"], strict=True)) == [
        ("建设产业园项目", "measure"),
        ("总体目标", "target"),
    ]
    assert set(table["annotator"]) == {"consensus"}


def test_blind_mode_hides_other_analysts_and_the_switch_changes_who_codes(
    open_window, qtbot, tmp_path: Path, no_dialogs
) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"plan.txt": TEXT})
    import_annotations_in(window, qtbot, analyst_file(tmp_path / "A", "A"))
    window.controller.finish_reading()
    assert len(window.controller.spans) == 5
    window.analysts.switch("B")
    assert window.annotator() == "B" and "B" in window.analysts.label.text()
    window.analysts.blind_action.trigger()  # Show only my spans
    window.controller.finish_reading()
    assert window.controller.spans == [] and highlighted(window.text_pane) == []
    assert window.span_list.span_model.rowCount() == 0
    assert window.article_list.model.data(window.article_list.model.index(0, 2)) == 0  # A's spans not counted
    start = window.text_pane.text.index("设立专项资金")
    window.text_pane.setFocus()
    window.text_pane.select(start, start + 6)
    window.controller.tag("measure")
    assert [(s.text, s.annotator) for s in window.controller.spans] == [("设立专项资金", "B")]
    assert window.article_list.model.progress_text(0) == "B 1"
    window.controller.set_status(_status("DONE"))
    assert window.article_list.model.progress_text(0) == "B ✓1"
    window.analysts.blind_action.trigger()  # everyone's spans again
    window.controller.finish_reading()
    assert len(window.controller.spans) == 6
    assert window.article_list.model.progress_text(0) == "A 5 · B ✓1"
    window.analysts.fill_menu()
    listed = [(a.text(), a.isChecked()) for a in window.analysts.name_actions]
    assert listed == [("A", False), ("B", True)]
    assert window.analysts.name_actions[0] in window.analysts.menu.actions()
    window.analysts.name_actions[0].trigger()  # switch back to A from the menu
    assert window.annotator() == "A"


def test_a_blind_coders_list_shows_and_follows_their_own_status(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"one.txt": "第一篇\n\n正文。", "two.txt": "第二篇\n\n正文。"})
    model = window.article_list.model
    first, second = (model.summary(row).id for row in range(2))
    window.analysts.switch("A")
    window.open_article(first)
    window.controller.set_status(_status("DONE"))  # A finished the first article
    window.analysts.switch("B")
    window.analysts.blind_action.trigger()
    assert [model.data(model.index(row, 1)) for row in range(2)] == ["to do", "to do"]  # B has done neither
    todo = window.article_list.filter_status.findData(_status("TODO"))
    window.article_list.filter_status.setCurrentIndex(todo)
    assert model.rowCount() == 2
    window.open_article(second)
    qtbot.keyClick(
        window.text_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.controller.document.article.id == first  # next to do for B, though A marked it done
    window.controller.set_status(_status("DONE"))
    assert [model.summary(row).id for row in range(model.rowCount())] == [second]
    window.article_list.filter_status.setCurrentIndex(0)  # every status
    window.analysts.blind_action.trigger()  # everyone's list: the articles' own statuses
    assert [model.data(model.index(row, 1)) for row in range(2)] == ["done", "to do"]


def _decision(name: str):  # type: ignore[no-untyped-def]
    from desktop.core.analysts.adjudication import Decision

    return Decision[name]


def _status(name: str):  # type: ignore[no-untyped-def]
    from desktop.core.models import Status

    return Status[name]


def _consensus(window) -> list:  # type: ignore[no-untyped-def]
    article_id = window.controller.document.article.id
    return [s for s in window.store.spans.of_article(article_id) if s.annotator == "consensus"]


@pytest.mark.parametrize(
    ("fault", "said"),
    [("locked", "locked by another program"), ("bug", "KeyError: 'no such code'")],
)
def test_a_report_that_cannot_be_made_says_why_and_can_be_asked_again(
    open_window, qtbot, monkeypatch, fault: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.store import StoreError
    from desktop.ui.review import report_runner

    def unreadable(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        if fault == "locked":
            raise StoreError("plan.db: the database is locked by another program")
        raise KeyError("no such code")

    monkeypatch.setattr(report_runner, "report_in_steps", unreadable)
    window = open_window({"plan.txt": TEXT})
    dialog = window.coding_round.show_agreement()
    dialog.choice.fill(["A", "B"], [])
    dialog.show_report()
    assert not dialog.compute.isEnabled()
    qtbot.waitUntil(dialog.compute.isEnabled)
    assert said in dialog.summary.text() and dialog.report is None
    dialog.close()


def test_closing_the_window_ends_an_open_reports_thread(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window({"plan.txt": TEXT})
    dialog = window.coding_round.show_agreement()
    thread = dialog.runner._thread
    assert thread is not None and thread.isRunning()
    window.close()
    # A thread still running when Qt destroys it aborts the program.
    assert dialog.runner._thread is None and thread.isFinished()
