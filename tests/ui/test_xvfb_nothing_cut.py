"""On a 1280x800 screen, in English and in Chinese, every workspace shows its headers, tabs, buttons,
labels and combo boxes whole, and no toolbar hides actions behind an unlabelled »; with two
analysts' coding, the adjudication round, search hits and a report table on screen as well.
Checked on the real window under Xvfb (offscreen has no window frame or screen)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.xvfb_server import run_on_xvfb

PROBE = """
import json, sys, time
from PySide6.QtCore import QSettings, QTimer, Qt
from desktop.core.corpus.reporting import ReportKind, ReportRequest
from desktop.core.learning.results import CodeFigures, TrainedOn, Training, Verdict
from desktop.ui.widgets.labels import category_label
from desktop.ui.app import application, create_window, demo_database
from desktop.ui.window.workspaces import Workspace
from tests.ui.cut_check import cut_content

app = application()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
settings.setValue("view/language", sys.argv[2])
settings.setValue("annotator", "甲")
window = create_window(demo_database(coded=True), settings)
window.show()
found = {}

def settle(seconds=0.4):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)

def run():
    screen = window.screen().availableGeometry()
    window.resize(screen.width(), screen.height())
    for workspace in Workspace:
        window.workspaces.switch(workspace)
        settle()
        found[workspace.value] = cut_content(window)
    window.workspaces.switch(Workspace.REVIEW)
    choice = window.coding_round.panel.choice
    choice.first.setCurrentText("甲")
    choice.second.setCurrentText("乙")
    window.coding_round.start()
    settle()
    found["adjudication"] = cut_content(window) if window.coding_round.panel.passages else ["no disagreements"]
    window.corpus.open_search()
    panel = window.corpus.search_panel
    panel.query.setText("项目")
    panel.search_button.click()
    deadline = time.monotonic() + 20
    while not panel.results.topLevelItemCount() and time.monotonic() < deadline:
        settle(0.1)
    settle()
    found["search hits"] = cut_content(window) if panel.results.topLevelItemCount() else ["no search hits"]
    window.study.show_report(ReportRequest(ReportKind.FREQUENCIES))
    settle()
    found["report table"] = cut_content(window)
    # The learned suggestions' dock with every kind of row: a code suggested, one with too few units,
    # one not precise enough (figures as a training gives them; no training needed to lay them out).
    window.workspaces.switch(Workspace.CODE)
    learning = window.corpus.learning
    window.workspaces.bring(learning.dock)
    learning.panel._enabled(True)
    rows = [
        CodeFigures("project", 57, 38, 0.934, 1.0, 0.966, 0.415, Verdict.SUGGESTED),
        CodeFigures("target", 6, 4, None, None, None, None, Verdict.TOO_FEW),
        CodeFigures("measure", 187, 59, 0.61, 0.52, 0.56, None, Verdict.IMPRECISE),
    ]
    labels = {c.id: category_label(c) for c in window.controller.categories}
    learning.panel.show_training(Training(rows, TrainedOn("甲", 717, 60, "x", 0.8, 0.1)), labels)
    settle()
    found["learned suggestions"] = cut_content(window)
    print(json.dumps(found, ensure_ascii=False))
    app.quit()

QTimer.singleShot(1000, run)
app.exec()
"""


@pytest.mark.xvfb
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_nothing_is_cut_at_1280x800(tmp_path: Path, language: str) -> None:
    result = run_on_xvfb(
        [sys.executable, "-c", textwrap.dedent(PROBE), str(tmp_path / "settings.ini"), language], size="1280x800"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(found) == {
        "code",
        "search",
        "review",
        "report",
        "adjudication",
        "search hits",
        "report table",
        "learned suggestions",
    }
    cut = {where: what for where, what in found.items() if what}
    assert cut == {}, json.dumps(cut, ensure_ascii=False, indent=1)


FILE_DIALOG = """
import json, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QTreeView
from desktop.ui.app import application
from desktop.ui.widgets import i18n
from desktop.ui.widgets.file_dialogs import make_dialog
from tests.ui.cut_check import cut_content

app = application()
i18n.install(sys.argv[1])
dialog = make_dialog(None, "Open", sys.argv[2], "Text (*.txt *.md)")
dialog.setViewMode(QFileDialog.ViewMode.Detail)

def look():
    view = dialog.findChild(QTreeView, "treeView")
    model, root, header = view.model(), view.rootIndex(), view.header()
    cut = cut_content(dialog)
    for column in range(header.count()):
        # What the view itself needs to show every cell of the column whole.
        needed = view.sizeHintForColumn(column)
        if not header.isSectionHidden(column) and header.sectionSize(column) < needed:
            cut.append(f"column {column}: {header.sectionSize(column)} < {needed} px")
    print(json.dumps([model.rowCount(root), cut], ensure_ascii=False))
    dialog.reject()
    app.quit()

QTimer.singleShot(1200, look)
dialog.show()
app.exec()
"""


@pytest.mark.xvfb
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_file_dialog_shows_names_sizes_and_dates_whole_at_1280x800(language: str) -> None:
    from tests.conftest import SAMPLE_DATA

    result = run_on_xvfb(
        [sys.executable, "-c", textwrap.dedent(FILE_DIALOG), language, str(SAMPLE_DATA)], size="1280x800"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows, cut = json.loads(result.stdout.strip().splitlines()[-1])
    assert rows == len(list(SAMPLE_DATA.iterdir()))
    assert cut == [], json.dumps(cut, ensure_ascii=False, indent=1)
