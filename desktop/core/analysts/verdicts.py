"""The words of a double-coding round, alone: what an adjudicator decides, and what kind of quarrel a
passage is. The window's Review dock builds its buttons from them at start, without loading the
agreement code itself."""

from __future__ import annotations

from enum import StrEnum


class Decision(StrEnum):
    FIRST = "first"  # keep the first analyst's spans
    SECOND = "second"
    BOTH = "both"
    NEITHER = "neither"
    AGREED = "agreed"  # both analysts had this very span


class Quarrel(StrEnum):
    CODE = "code"  # the same passage, different codes
    BOUNDARY = "boundary"  # the same code, different ends
    ONLY_FIRST = "only_first"  # the second analyst coded nothing there
    ONLY_SECOND = "only_second"
    MIXED = "mixed"  # several spans, codes and ends differing
