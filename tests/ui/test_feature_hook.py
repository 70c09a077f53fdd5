"""The window's quicker answer to PySide6's import-hook question is the same answer."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import desktop.ui  # noqa: F401  (replaces the check)
from desktop.ui.widgets import feature_hook

PROJECT = Path(__file__).resolve().parents[2]
hook = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(
    not callable(getattr(hook, "_mod_uses_pyside", None)), reason="this PySide6 has no source check to replace"
)


def test_every_loaded_module_gets_the_answer_pysides_own_check_gives() -> None:
    check = hook._mod_uses_pyside  # type: ignore[union-attr]
    assert isinstance(check, feature_hook._SourceCheck), "importing the window replaces the check"
    answers = {name: (check(module), check.original(module)) for name, module in list(sys.modules.items())}
    differing = {name: pair for name, pair in answers.items() if pair[0] != pair[1]}
    assert not differing
    # Both kinds are among them, and modules without a source file.
    assert answers["desktop.ui.widgets.feature_hook"] == (True, True)
    assert answers["desktop.core.offsets"] == (False, False)
    assert answers["sys"] == (False, False)


def test_replacing_twice_keeps_one_check() -> None:
    before = hook._mod_uses_pyside  # type: ignore[union-attr]
    assert feature_hook.quicken_feature_hook()
    assert hook._mod_uses_pyside is before  # type: ignore[union-attr]


def test_a_module_imported_after_the_window_can_still_ask_for_a_feature(tmp_path: Path) -> None:
    (tmp_path / "snake_module.py").write_text(
        textwrap.dedent(
            """
            from __feature__ import snake_case
            from PySide6.QtWidgets import QWidget

            def title() -> str:
                widget = QWidget()
                widget.set_window_title("snake")
                return widget.window_title()
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "plain_module.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n"
        "def camel() -> bool:\n    return hasattr(QWidget(), 'setWindowTitle')\n",
        encoding="utf-8",
    )
    probe = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{str(PROJECT)!r}, {str(tmp_path)!r}]
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import desktop.ui, desktop.ui.app
        import shibokensupport.feature as feature
        assert type(feature._mod_uses_pyside).__name__ == "_SourceCheck"
        import snake_module, plain_module
        print(snake_module.title(), plain_module.camel())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-800:]
    # The feature holds in the module that asked for it, and only there.
    assert result.stdout.split() == ["snake", "True"]
