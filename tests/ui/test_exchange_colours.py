"""Our project back from QualCoder, in the window: our colours are kept, the analyst is asked, and Yes
takes the file's colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import SHARED
from tests.ui.conftest import import_annotations_in

QUALCODER = SHARED / "interop" / "qualcoder"


def answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: answer(button, seen))
        return
    seen.append(box.text())
    box.button(button).click()


@pytest.mark.parametrize("take", [False, True])
def test_the_window_asks_before_taking_another_programs_colours(qtbot, open_window, take: bool) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = QUALCODER / "source-policy-annotator.qdpx", QUALCODER / "project-qualcoder.qdpx"
    if not ours.exists():
        pytest.skip("../shared/interop/qualcoder is not beside this checkout")
    window = open_window()
    exchange = window.exchange
    import_annotations_in(window, qtbot, ours)
    before = {c.id: c.colour for c in window.store.categories.all()}
    report = import_annotations_in(window, qtbot, theirs)
    assert report.codebook is not None and report.codebook.kept
    seen: list[str] = []
    button = QMessageBox.StandardButton.Yes if take else QMessageBox.StandardButton.No
    QTimer.singleShot(20, lambda: answer(button, seen))
    exchange.offer_their_colours(report)
    assert seen and "Take the file's colours instead?" in seen[0]
    after = {c.id: c.colour for c in window.store.categories.all()}
    differs = {code for code in before if after[code] != before[code]}
    theirs_colours = {code: colour for code, _f, _o, colour in report.codebook.changes if _f == "colour"}
    if take:
        assert differs and all(after[code] == theirs_colours[code] for code in differs)
        assert any(line.startswith("codebook: changed:") for line in report.lines())
    else:
        assert differs == set()
