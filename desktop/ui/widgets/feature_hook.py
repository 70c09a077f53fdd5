"""PySide6's import hook, answering its one question at a quarter of the cost.

PySide6 installs an import hook for its optional ``__feature__`` switches (``snake_case``,
``true_property``). After every import it asks whether the new module uses Qt, by looking for
"PySide6" in the module's source, read with ``inspect.getsource`` (which decodes the file into
lines and keeps them in memory). At the window's start that is ~180 modules and ~11 ms, about a
tenth of what the window adds to bare Qt; reading each ``.py`` file as bytes gives the same
answer in ~3 ms. Modules that are not plain source files, and any file that cannot be read, still
go to PySide6's own check.

The function replaced is private to PySide6 (``shibokensupport.feature._mod_uses_pyside`` in
6.11); where a release has none, nothing is replaced. A test compares both answers for every
loaded module, and checks that a module can still ask for a feature.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


class _SourceCheck:
    """Whether a module's source mentions PySide6, read from its file where it has one."""

    def __init__(self, original: Callable[[ModuleType], bool]) -> None:
        self.original = original

    def __call__(self, module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return self.original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return self.original(module)


def quicken_feature_hook() -> bool:
    """Replace PySide6's source check (once); False where this PySide6 has none to replace."""
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    hook = sys.modules.get(_HOOK_MODULE)
    check = getattr(hook, _CHECK, None)
    if hook is None or not callable(check):
        return False
    if not isinstance(check, _SourceCheck):
        setattr(hook, _CHECK, _SourceCheck(check))
    return True
