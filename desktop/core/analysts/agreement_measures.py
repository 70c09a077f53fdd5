"""Chance-corrected agreement between coders: Cohen's κ, Fleiss' κ, Krippendorff's α, and F1.

Two shapes of data. ``alpha_nominal`` takes units of any nominal values with values missing
(Krippendorff's own worked examples have them). The corpus figures take a code's presence in
each unit, which is all a coder says of a unit in this tool: ``Presence`` holds how many units
there are and, per coder, the units the code is present in. Absence is the rest, so a
measure costs what the coded units cost, not what the whole corpus does.

A figure that the data cannot define (no variation at all: every coder said "absent" for every
unit) is None, never a number that looks like agreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Tally:
    """What every unit-level measure needs of a presence table. Codes pool by adding their tallies:
    the overall figure never builds a table of units × codes."""

    items: int
    sizes: tuple[int, ...]  # per coder: units marked present
    shared: tuple[int, ...]  # per pair of coders (in combinations order): units both marked present
    histogram: tuple[int, ...]  # at k: units marked present by exactly k coders (k = 0 … coders)

    @property
    def coders(self) -> int:
        return len(self.sizes)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.items + other.items,
            tuple(a + b for a, b in zip(self.sizes, other.sizes, strict=True)),
            tuple(a + b for a, b in zip(self.shared, other.shared, strict=True)),
            tuple(a + b for a, b in zip(self.histogram, other.histogram, strict=True)),
        )


@dataclass(frozen=True)
class Presence:
    """Which of ``items`` units each coder coded with one code (the others are "absent")."""

    items: int
    present: tuple[frozenset[Hashable], ...]

    @property
    def coders(self) -> int:
        return len(self.present)

    def tally(self) -> Tally:
        marked = Counter(item for coder in self.present for item in coder)
        histogram = [0] * (len(self.present) + 1)
        for k in marked.values():
            histogram[k] += 1
        histogram[0] = self.items - len(marked)
        return Tally(
            self.items,
            tuple(len(coder) for coder in self.present),
            tuple(len(a & b) for a, b in combinations(self.present, 2)),
            tuple(histogram),
        )


def _chance_corrected(observed: float, expected: float) -> float | None:
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def _cohen(items: int, first: int, second: int, both: int) -> float | None:
    if items == 0:
        return None
    neither = items - (first + second - both)
    p_first, p_second = first / items, second / items
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    return _chance_corrected((both + neither) / items, expected)


def cohen_kappa(items: int, first: frozenset[Hashable], second: frozenset[Hashable]) -> float | None:
    """Cohen's κ of two coders on present/absent: each coder's own proportions make the chance term."""
    return _cohen(items, len(first), len(second), len(first & second))


def mean_cohen_kappa(tally: Tally) -> float | None:
    """Cohen's κ averaged over every pair of coders (for two coders, Cohen's κ itself)."""
    pairs = combinations(range(tally.coders), 2)
    values = [
        _cohen(tally.items, tally.sizes[i], tally.sizes[j], both)
        for (i, j), both in zip(pairs, tally.shared, strict=True)
    ]
    if not values or any(value is None for value in values):
        return None
    return sum(value for value in values if value is not None) / len(values)


def fleiss_kappa(tally: Tally) -> float | None:
    """Fleiss' κ (1971; Siegel and Castellan's K, a multi-coder π): pooled proportions make the chance term."""
    m, n = tally.coders, tally.items
    if m < 2 or n == 0:
        return None
    pairs = enumerate(tally.histogram)
    agreeing_pairs = sum(count * (k * (k - 1) + (m - k) * (m - k - 1)) for k, count in pairs)
    observed = agreeing_pairs / (n * m * (m - 1))
    p_present = sum(tally.sizes) / (n * m)
    return _chance_corrected(observed, p_present**2 + (1 - p_present) ** 2)


def percent_agreement(tally: Tally) -> float | None:
    """The share of units on which every coder said the same: shown beside κ and α, never alone."""
    if tally.items == 0:
        return None
    return (tally.histogram[0] + tally.histogram[-1]) / tally.items


def alpha_binary(tally: Tally) -> float | None:
    """Krippendorff's α (nominal) of present/absent when every coder coded every unit."""
    m = tally.coders
    # Per unit, ordered pairs of differing values divided by (m - 1): 2k(m - k) / (m - 1).
    disagreeing = sum(count * 2 * k * (m - k) for k, count in enumerate(tally.histogram)) / max(m - 1, 1)
    values = tally.items * m
    present = sum(tally.sizes)
    return _alpha(disagreeing, values, [present, values - present])


def alpha_nominal(units: Iterable[Sequence[Hashable]]) -> float | None:
    """Krippendorff's α for nominal values; each unit lists the values its coders gave (missing ones left out).

    Units with fewer than two values cannot be paired and do not count (Krippendorff 2011).
    """
    disagreeing = 0.0
    totals: Counter[Hashable] = Counter()
    for values in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        disagreeing += (m * m - sum(c * c for c in counts.values())) / (m - 1)
        totals.update(counts)
    return _alpha(disagreeing, sum(totals.values()), list(totals.values()))


def _alpha(disagreeing: float, values: int, value_totals: list[int]) -> float | None:
    """1 - D_o / D_e from the coincidences of differing values and how often each value was given."""
    if values < 2:
        return None
    expected = (values * values - sum(t * t for t in value_totals)) / (values - 1)
    if expected == 0:
        return None
    return 1.0 - disagreeing / expected


@dataclass(frozen=True)
class Matched:
    """How many of the reference's and of the other coder's spans found a partner, by one matching rule."""

    reference_found: int
    reference_total: int
    other_found: int
    other_total: int

    def __add__(self, other: Matched) -> Matched:
        return Matched(
            self.reference_found + other.reference_found,
            self.reference_total + other.reference_total,
            self.other_found + other.other_found,
            self.other_total + other.other_total,
        )

    @property
    def precision(self) -> float | None:
        return self.other_found / self.other_total if self.other_total else None

    @property
    def recall(self) -> float | None:
        return self.reference_found / self.reference_total if self.reference_total else None

    @property
    def f1(self) -> float | None:
        """None when neither coder has a span; 0 when only one has (nothing of it was found)."""
        precision, recall = self.precision, self.recall
        if precision is None and recall is None:
            return None
        if precision is None or recall is None:
            return 0.0
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the characters of either (intersection over union)."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    return shared / (max(a[1], b[1]) - min(a[0], b[0]))


OVERLAP_MATCH = 0.5


def match(reference: Sequence[tuple[int, int]], other: Sequence[tuple[int, int]], exact: bool) -> Matched:
    """Spans of one code in one text: a span found a partner when the other coder has one at the same
    offsets (``exact``) or one sharing at least half of their union."""
    if exact:
        shared = set(reference) & set(other)
        return Matched(
            sum(1 for r in reference if r in shared), len(reference), sum(1 for o in other if o in shared), len(other)
        )
    found_other = [False] * len(other)
    found_reference = 0
    for r in reference:
        hit = False
        for index, o in enumerate(other):
            if o[0] < r[1] and r[0] < o[1] and overlap_ratio(r, o) >= OVERLAP_MATCH:
                hit = found_other[index] = True
        found_reference += hit
    return Matched(found_reference, len(reference), sum(found_other), len(other))
