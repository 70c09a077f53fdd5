"""Every dialog a menu of the window opens, and how a test opens it as its menu entry would.

Used in process (the language walk) and by the real-window scripts run under Xvfb.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def every_dialog(window: Any) -> list[tuple[str, Callable[[], object]]]:
    """(what, how to open it) for each dialog a menu opens."""
    exchange, corpus = window.exchange, window.corpus
    window.codebook.panel.select("measure")
    return [
        ("shortcuts", window.shortcuts_action.trigger),
        ("add code", window.codebook.add_action.trigger),
        ("edit code", window.codebook.edit_action.trigger),
        ("merge code", window.codebook.merge_action.trigger),
        ("sample", window.coding_round.sample_action.trigger),
        ("batches", corpus.batches_action.trigger),
        ("rules", corpus.rules_action.trigger),
        ("restore", window.safety.restore_action.trigger),
        ("export", exchange.export_actions["csv"].trigger),
        ("import", exchange.import_files_action.trigger),
        ("reprocess", window.reprocess_action.trigger),
        ("analyst", window.analysts.other_action.trigger),
        ("add field", window.study.article_panel.add_field_button.click),
    ]
