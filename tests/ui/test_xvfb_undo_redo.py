"""The real window on a virtual X server, driven by xdotool: Ctrl+Shift+Z works on X11, and undo and redo
leave a span another process imported in between alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.ui.xvfb_session import one_article, real_window, stored_spans, tag_first_characters, wait_for

TEXT = "推进创新发展，实施乡村振兴战略，到二〇二五年基本实现目标。"


def spans(db: Path) -> list[tuple[int, str, str]]:
    return stored_spans(db, "id, annotator, text")


@pytest.mark.xvfb
def test_tag_undo_import_elsewhere_redo_undo_with_real_keys(tmp_path: Path) -> None:
    db = tmp_path / "real.db"
    simplified = one_article(db, TEXT)
    with real_window(tmp_path, db) as session:
        xdo = session.xdo
        tag_first_characters(session, "1")
        wait_for(lambda: len(spans(db)) == 1, "the tag")
        [(mine, who, quoted)] = spans(db)
        assert (who, quoted) == ("window", simplified[:4])

        xdo("key", "ctrl+z")
        wait_for(lambda: spans(db) == [], "the undo")

        other = tmp_path / "colleague.jsonl"
        other.write_text(json.dumps({"text": simplified, "label": [[7, 11, "measure"]]}) + "\n", encoding="utf-8")
        imported = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "import-annotations",
                "--db",
                str(db),
                "--annotator",
                "colleague",
                str(other),
            ],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert imported.returncode == 0, imported.stdout + imported.stderr
        [(theirs, _, _)] = spans(db)
        assert theirs != mine

        xdo("key", "ctrl+shift+z")
        wait_for(lambda: len(spans(db)) == 2, "the redo")
        assert [row[0] for row in spans(db)] == [mine, theirs]

        xdo("key", "ctrl+z")
        wait_for(lambda: len(spans(db)) == 1, "the second undo")
        assert spans(db) == [(theirs, "colleague", simplified[7:11])]
        xdo("key", "ctrl+q")
    assert "Ambiguous shortcut" not in session.errors, session.errors
    assert "Traceback" not in session.errors, session.errors
