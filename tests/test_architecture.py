"""Rules of the code's shape that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast

from tests.conftest import PROJECT

CORE = PROJECT / "desktop" / "core"
UI = PROJECT / "desktop" / "ui"


def imported_modules(path) -> set[str]:  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt() -> None:
    files = sorted(CORE.glob("*.py"))
    assert files
    for path in files:
        qt = {name for name in imported_modules(path) if name.split(".")[0] in ("PySide6", "shiboken6")}
        assert not qt, f"{path.name} imports {qt}"


def test_ui_never_speaks_sql() -> None:
    for path in sorted(UI.glob("*.py")):
        modules = imported_modules(path)
        assert "sqlite3" not in modules and "sqlite_utils" not in modules, path.name
        assert ".execute(" not in path.read_text(encoding="utf-8"), path.name


def test_files_stay_small() -> None:
    for path in sorted((PROJECT / "desktop").rglob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path


def test_the_package_type_checks() -> None:
    """mypy over desktop/ (stricter for desktop/core, see pyproject.toml)."""
    import subprocess
    import sys

    import pytest

    try:
        import mypy  # noqa: F401
    except ImportError:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "desktop"], cwd=PROJECT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]
