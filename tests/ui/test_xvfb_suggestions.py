"""Suggestions with real keys on X11: Ctrl+Shift+G shows them, Tab steps to one (not to the next widget),
Enter accepts it as a span, Backspace rejects the next one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ui.xvfb_session import one_article, real_window, stored_spans, wait_for

TEXT = "規劃綱要\n到2025年，產值增長8%以上，加快建設智慧產業園。\n"


def rejected(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select source, accepted from suggestion_decisions where accepted = 0").fetchall()
    conn.close()
    return rows


@pytest.mark.xvfb
def test_suggestions_step_accept_and_reject_with_real_keys(tmp_path: Path) -> None:
    db = tmp_path / "real.db"
    simplified = one_article(db, TEXT)
    with real_window(tmp_path, db) as session:
        xdo = session.xdo
        xdo("key", "ctrl+shift+g")
        xdo("key", "Tab")
        xdo("key", "Return")
        wait_for(lambda: len(stored_spans(db, "id")) == 1, "the accepted suggestion")
        [(category, text, original)] = stored_spans(db, "category_id, text, original_text")
        assert (category, text, original) == ("target", "到2025年", "到2025年")
        assert simplified.index(text) >= 0
        xdo("key", "Tab")
        xdo("key", "BackSpace")
        wait_for(lambda: len(rejected(db)) == 1, "the rejected suggestion")
        assert len(stored_spans(db, "id")) == 1
        xdo("key", "ctrl+q")
    assert "Traceback" not in session.errors, session.errors
