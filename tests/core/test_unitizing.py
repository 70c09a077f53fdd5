"""Krippendorff's uα: hand-computed examples, and the definition segment by segment against the fast sums."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.analysts.agreement_measures import Presence, percent_agreement
from desktop.core.analysts.unitizing import merged, unitizing_disagreement


def test_identical_units_agree_perfectly() -> None:
    assert unitizing_disagreement(20, [[(5, 10)], [(5, 10)]]).alpha == 1.0


def test_two_overlapping_units_by_hand() -> None:
    # L = 10. A codes [2, 6), B codes [4, 8).
    # D_o: one overlapping pair, (2 - 4)² + (6 - 8)² = 8; D_o = 2 · 8 / (2 · 1 · 10²) = 0.08.
    # D_e: units of length 4 and 4 (N = 2); gaps 2, 4 (A) and 4, 2 (B).
    #   per unit: (N - 1)(2·4³ - 3·4² + 4)/3 = 84/3 = 28, plus 4² · Σ_{gaps ≥ 4}(gap - 4 + 1) = 16 · 2 = 32.
    #   Σ = 2 · 60 = 120; denominator 2·10·(2·10 - 1) - (4·3 + 4·3) = 356; D_e = (2/10) · 120 / 356.
    found = unitizing_disagreement(10, [[(2, 6)], [(4, 8)]])
    assert found.observed == pytest.approx(0.08, abs=1e-12)
    assert found.expected == pytest.approx(24 / 356, abs=1e-12)
    assert found.alpha == pytest.approx(1 - 0.08 * 356 / 24, abs=1e-12)


def test_a_unit_the_other_left_uncoded_by_hand() -> None:
    # L = 10. A codes [2, 4); B codes nothing. D_o = 2 · 2² / (2 · 1 · 100) = 0.04.
    # D_e: one unit (N = 1, no within term); gaps 2, 6 (A) and 10 (B): Σ(gap - 2 + 1) = 1 + 5 + 9 = 15;
    #   2² · 15 = 60; denominator 2·10·19 - 2·1 = 378; D_e = (2/10) · 60 / 378.
    found = unitizing_disagreement(10, [[(2, 4)], []])
    assert found.observed == pytest.approx(0.04, abs=1e-12)
    assert found.expected == pytest.approx(12 / 378, abs=1e-12)
    assert found.alpha == pytest.approx(1 - 0.04 * 378 / 12, abs=1e-12)


def test_uncoded_text_earns_no_agreement() -> None:
    # Two coders who never code the same characters of a long text: per character they agree 99.9%
    # of the time (on uncoded text); uα says they do not agree at all.
    length = 100_000
    first, second = [(1000, 1050)], [(5000, 5050)]
    characters = Presence(length, (frozenset(range(1000, 1050)), frozenset(range(5000, 5050))))
    assert percent_agreement(characters.tally()) is not None and percent_agreement(characters.tally()) > 0.99
    alpha = unitizing_disagreement(length, [first, second]).alpha
    assert alpha is not None and alpha <= 0


def test_a_coders_overlapping_spans_are_one_unit() -> None:
    assert merged([(5, 9), (0, 3), (2, 4), (9, 12)]) == [(0, 4), (5, 12)]


def segments(units: list[tuple[int, int]], length: int) -> list[tuple[int, int, bool]]:
    """The continuum cut into (start, end, coded) by one coder, by the definition."""
    cut, position = [], 0
    for start, end in units:
        if start > position:
            cut.append((position, start, False))
        cut.append((start, end, True))
        position = end
    if position < length:
        cut.append((position, length, False))
    return cut


def by_definition(length: int, codings: list[list[tuple[int, int]]]) -> tuple[float, float]:
    """Krippendorff's D_o and D_e summed over every pair of segments and every placement."""
    m = len(codings)
    cuts = [segments(merged(c), length) for c in codings]
    observed = 0.0
    for first, second in combinations(cuts, 2):
        for g in first:
            for h in second:
                if g[2] and h[2] and g[0] < h[1] and h[0] < g[1]:
                    observed += (g[0] - h[0]) ** 2 + (g[1] - h[1]) ** 2
                elif g[2] and not h[2] and h[0] <= g[0] and g[1] <= h[1]:
                    observed += (g[1] - g[0]) ** 2
                elif h[2] and not g[2] and g[0] <= h[0] and h[1] <= g[1]:
                    observed += (h[1] - h[0]) ** 2
    observed = 2 * observed / (m * (m - 1) * length**2)
    units = [s[1] - s[0] for cut in cuts for s in cut if s[2]]
    gaps = [s[1] - s[0] for cut in cuts for s in cut if not s[2]]
    total = 0.0
    for n in units:
        total += (len(units) - 1) * (2 * n**3 - 3 * n**2 + n) / 3
        total += n * n * sum(g - n + 1 for g in gaps if g >= n)
    denominator = m * length * (m * length - 1) - sum(n * (n - 1) for n in units)
    return observed, (2 / length * total / denominator if units else 0.0)


stretch = st.tuples(st.integers(0, 58), st.integers(1, 12)).map(lambda t: (t[0], min(60, t[0] + t[1])))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(stretch, max_size=6), min_size=2, max_size=4))
def test_fast_sums_equal_the_definition(codings: list[list[tuple[int, int]]]) -> None:
    found = unitizing_disagreement(60, codings)
    observed, expected = by_definition(60, codings)
    assert found.observed == pytest.approx(observed, abs=1e-12)
    assert found.expected == pytest.approx(expected, abs=1e-12)
