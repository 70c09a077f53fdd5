"""Regular expressions written by an analyst (a search, a suggestion rule), run with a time limit.

Python's ``re`` cannot be stopped: a pattern such as ``(a|aa)+$`` backtracks for hours on one
line. These are compiled with the ``regex`` package in its ``re``-compatible mode (V0), whose
matching takes a timeout; each text a pattern is run over gets ``MATCH_TIMEOUT_S`` seconds, which
no sensible pattern needs on one article, and running out is a message naming the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# Per text (one article): enough for any pattern that does not backtrack without end.
MATCH_TIMEOUT_S = 2.0


class PatternError(ValueError):
    """A pattern that does not compile; the message says why."""


class PatternTimeout(Exception):
    """A pattern that ran out of time on a text; the message names it and says what to do."""


@dataclass(frozen=True)
class UserPattern:
    source: str
    flags: int = 0  # re's flags: IGNORECASE, MULTILINE, DOTALL
    timeout: float = MATCH_TIMEOUT_S
    _compiled: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def compile(cls, source: str, flags: int = 0, timeout: float = MATCH_TIMEOUT_S) -> UserPattern:
        import regex  # loaded with the first pattern, not with every command

        wanted = regex.VERSION0
        for ours, theirs in (
            (re.IGNORECASE, regex.IGNORECASE),
            (re.MULTILINE, regex.MULTILINE),
            (re.DOTALL, regex.DOTALL),
        ):
            if flags & ours:
                wanted |= theirs
        try:
            compiled = regex.compile(source, wanted)
        except (regex.error, OverflowError, RecursionError, ValueError) as error:
            raise PatternError(str(error)) from None
        return cls(source, flags, timeout, compiled)

    @property
    def pattern(self) -> str:
        return self.source

    def _ran_out(self) -> PatternTimeout:
        return PatternTimeout(
            f"the regular expression {self.source!r} took over {self.timeout:g} s on one article and was stopped: "
            "it backtracks without end (nested repetition such as (a+)+ or (a|aa)+); simplify it"
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every match's (start, end), found within the time limit."""
        try:
            return [match.span() for match in self._compiled.finditer(text, timeout=self.timeout)]
        except TimeoutError:
            raise self._ran_out() from None

    def finditer(self, text: str) -> Iterator[Any]:
        try:
            found = list(self._compiled.finditer(text, timeout=self.timeout))
        except TimeoutError:
            raise self._ran_out() from None
        return iter(found)

    def search(self, text: str) -> bool:
        try:
            return self._compiled.search(text, timeout=self.timeout) is not None
        except TimeoutError:
            raise self._ran_out() from None
