"""A pattern matched at the start of each line of a text, found by one search of the whole text.

With ``re.MULTILINE``, ``^`` is tested at every character of the text; a search for a newline
followed by the pattern lets the engine skip from newline to newline (several times as fast over
an article of thousands of characters), and the text's own first line is tried with one match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LineStarts:
    """Where a pattern matches at a line's start (its groups numbered as in ``pattern``)."""

    def __init__(self, pattern: str) -> None:
        self._first = re.compile(pattern)
        self._after_newline = re.compile(rf"\n(?:{pattern})")

    def matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(where the line starts, the match there) for each line the pattern matches at its start, in order."""
        first = self._first.match(text)
        if first is not None:
            yield 0, first
        for found in self._after_newline.finditer(text):
            yield found.start() + 1, found
