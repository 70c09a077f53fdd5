"""Krippendorff's α for unitizing (uα; Krippendorff 1995, 2004) over a continuum of characters.

Each coder cuts the continuum, per code, into units (stretches coded with it) and gaps. Observed
disagreement sums, over every pair of coders, the squared differences of the two coders'
boundaries where their units overlap, and a unit's squared length where the other coder left all
of it uncoded. Gaps against gaps cost nothing: agreeing on uncoded text earns nothing either, so
long, sparsely coded articles do not inflate the figure. Expected disagreement is that of every
way the same units and gaps could have been placed. The articles of a set are laid end to end
as one continuum.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations

Stretch = tuple[int, int]


def merged(stretches: Sequence[Stretch]) -> list[Stretch]:
    """One coder's stretches of one code as units that never overlap (overlapping or touching ones joined)."""
    units: list[Stretch] = []
    for start, end in sorted(stretches):
        if end <= start:
            continue
        if units and start <= units[-1][1]:
            units[-1] = (units[-1][0], max(units[-1][1], end))
        else:
            units.append((start, end))
    return units


def gaps(units: Sequence[Stretch], length: int) -> list[int]:
    """The lengths of the uncoded stretches between ``units`` (merged) on a continuum of ``length``."""
    found, position = [], 0
    for start, end in units:
        if start > position:
            found.append(start - position)
        position = end
    if length > position:
        found.append(length - position)
    return found


def pair_disagreement(first: Sequence[Stretch], second: Sequence[Stretch]) -> int:
    """Σδ² between two coders' merged units: overlapping units by their boundaries, a unit against a gap
    holding all of it by its squared length (counted for the unit of either coder)."""
    total = 0
    touched_first = [False] * len(first)
    touched_second = [False] * len(second)
    j = 0
    for i, (start, end) in enumerate(first):
        while j < len(second) and second[j][1] <= start:
            j += 1
        k = j
        while k < len(second) and second[k][0] < end:
            other_start, other_end = second[k]
            total += (start - other_start) ** 2 + (end - other_end) ** 2
            touched_first[i] = touched_second[k] = True
            k += 1
    total += sum((e - s) ** 2 for (s, e), hit in zip(first, touched_first, strict=True) if not hit)
    total += sum((e - s) ** 2 for (s, e), hit in zip(second, touched_second, strict=True) if not hit)
    return total


@dataclass(frozen=True)
class UnitizingDisagreement:
    """Observed and expected disagreement of one code; codes are pooled by summing both."""

    observed: float
    expected: float

    def __add__(self, other: UnitizingDisagreement) -> UnitizingDisagreement:
        return UnitizingDisagreement(self.observed + other.observed, self.expected + other.expected)

    @property
    def alpha(self) -> float | None:
        if self.expected == 0:
            return None
        return 1.0 - self.observed / self.expected


def unitizing_disagreement(length: int, codings: Sequence[Sequence[Stretch]]) -> UnitizingDisagreement:
    """uα's two disagreements for one code: ``codings`` holds each coder's stretches on [0, length)."""
    m = len(codings)
    if m < 2 or length <= 0:
        return UnitizingDisagreement(0.0, 0.0)
    units = [merged(coding) for coding in codings]
    observed_sum = sum(pair_disagreement(a, b) for a, b in combinations(units, 2))
    observed = 2.0 * observed_sum / (m * (m - 1) * length * length)

    lengths = [end - start for coder in units for start, end in coder]
    if not lengths:
        return UnitizingDisagreement(observed, 0.0)
    gap_lengths = sorted(g for coder in units for g in gaps(coder, length))
    # Σ over gaps at least as long as l of (gap - l + 1), from suffix sums of the sorted gap lengths.
    suffix = [*list(accumulate(reversed(gap_lengths)))[::-1], 0]
    placements = 0.0
    count = len(lengths)
    # Units of one length place alike: each length is worked out once (spans have few lengths, many units).
    for unit_length, times in Counter(lengths).items():
        first = bisect_left(gap_lengths, unit_length)
        longer = len(gap_lengths) - first
        fits = suffix[first] - longer * (unit_length - 1)
        within = (count - 1) * (2 * unit_length**3 - 3 * unit_length**2 + unit_length) / 3
        placements += times * (within + unit_length * unit_length * fits)
    denominator = m * length * (m * length - 1) - sum(n * (n - 1) for n in lengths)
    expected = 2.0 / length * placements / denominator if denominator else 0.0
    return UnitizingDisagreement(observed, expected)
