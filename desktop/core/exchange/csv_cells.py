"""Spreadsheet formula neutralisation (OWASP CSV injection advice), reversible on import.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run
as a formula by Excel or LibreOffice. Such a cell gets a leading apostrophe. A cell that
already starts with apostrophes followed by one of those characters gets one more, so
that removing exactly one on import gives back the text exactly.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

# The characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = "=+-@\t\r"
_NEEDS_GUARD = re.compile("'*[=+\\-@\t\r]")


# A plain number (a negative kappa, -0.25) is no formula: it stays a number in the spreadsheet.
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: str) -> str:
    return "'" + value if _NEEDS_GUARD.match(value) and not _NUMBER.fullmatch(value) else value


def restore(value: str) -> str:
    """Undo :func:`neutralise` (and accept cells a spreadsheet saved without the apostrophe)."""
    return value[1:] if value.startswith("'") and _NEEDS_GUARD.match(value, 1) else value


class GuardedWriter:
    """A CSV writer whose every text cell is neutralised, the header row's included (code and field names
    are data too); ``guard=False`` writes cells untouched, for data pipelines."""

    def __init__(self, out: TextIO, *, guard: bool = True, lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(out, lineterminator=lineterminator)
        self.guard = guard

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) if self.guard and isinstance(cell, str) else cell for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
