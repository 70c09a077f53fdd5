"""Spreadsheet formula neutralisation (OWASP CSV injection advice), reversible on import.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run
as a formula by Excel or LibreOffice. Such a cell gets a leading apostrophe. A cell that
already starts with apostrophes followed by one of those characters gets one more, so
that removing exactly one on import gives back the text exactly.
"""

from __future__ import annotations

import re

# The characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = "=+-@\t\r"
_NEEDS_GUARD = re.compile("'*[=+\\-@\t\r]")


def neutralise(value: str) -> str:
    return "'" + value if _NEEDS_GUARD.match(value) else value


def restore(value: str) -> str:
    """Undo :func:`neutralise` (and accept cells a spreadsheet saved without the apostrophe)."""
    return value[1:] if value.startswith("'") and _NEEDS_GUARD.match(value, 1) else value
