"""The literal strings every match of a regular expression contains, so that the search index can
narrow a regular-expression search to the articles that hold them.

Read from the parse tree of Python's own ``re`` (its parser is private, ``re._parser``; should it
change, ``required_literals`` finds nothing and the search reads every article, slower but the same).
A literal is required when it is not inside an alternative, an optional part or a class; parts
repeated at least once count. Under IGNORECASE only literals without cased letters are kept
(Unicode case folding makes ``k`` match the Kelvin sign, which the index does not fold); the
uncased pieces between them still count.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts of the re package
    sre_constants = sre_parser = None

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _cased(text: str) -> bool:
    return any(ch.lower() != ch.upper() for ch in text)


def _collect(items: Any, ignore_case: bool, found: list[str]) -> None:
    run: list[str] = []

    def flush() -> None:
        literal = "".join(run)
        # Under IGNORECASE the letters with a case split the literal: the pieces between them stay exact.
        if ignore_case:
            literal = "".join(ch if not _cased(ch) else "\0" for ch in literal)
        found.extend(piece for piece in literal.split("\0") if piece)
        run.clear()

    for op, argument in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(argument))
            continue
        flush()
        if name == "SUBPATTERN":
            _group, added, removed, inner = argument
            inner_case = (ignore_case or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE
            _collect(inner, inner_case, found)
        elif name == "ATOMIC_GROUP":
            _collect(argument, ignore_case, found)
        elif name in _REPEATS:
            low, _high, inner = argument
            if low >= 1:
                _collect(inner, ignore_case, found)
    flush()


def required_literals(pattern: str, flags: int = 0) -> list[str]:
    """Strings that every match of ``pattern`` contains (perhaps none); longest first."""
    if sre_parser is None:
        return []
    try:
        parsed = sre_parser.parse(pattern, flags)
    except (re.error, TypeError, ValueError, OverflowError, RecursionError):
        return []
    found: list[str] = []
    _collect(parsed, bool(parsed.state.flags & re.IGNORECASE), found)
    return sorted(set(found), key=lambda literal: (-len(literal), literal))
