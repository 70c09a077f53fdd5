"""Agreement formulas checked against an independent implementation (NLTK) and Krippendorff's worked examples."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.analysts.agreement_measures import (
    Presence,
    alpha_binary,
    alpha_nominal,
    cohen_kappa,
    fleiss_kappa,
    match,
    mean_cohen_kappa,
    overlap_ratio,
    percent_agreement,
)

agreement = pytest.importorskip("nltk.metrics.agreement")


def nltk_task(presence: Presence) -> object:
    data = [
        (str(coder), str(item), item in presence.present[coder])
        for coder in range(presence.coders)
        for item in range(presence.items)
    ]
    return agreement.AnnotationTask(data=data)


@st.composite
def codings(draw: st.DrawFn, coders: int) -> Presence:
    items = draw(st.integers(min_value=2, max_value=40))
    # Bias the coders towards each other, as real double coding is, so that κ is not always near 0.
    shared = draw(st.frozensets(st.integers(0, items - 1)))
    present = []
    for _ in range(coders):
        dropped = draw(st.frozensets(st.integers(0, items - 1)))
        added = draw(st.frozensets(st.integers(0, items - 1), max_size=items // 3))
        present.append(frozenset((shared - dropped) | added))
    return Presence(items, tuple(present))


def varies(presence: Presence) -> bool:
    """κ and α are undefined when all coders agree on one value everywhere (NLTK divides by zero)."""
    return all(0 < len(coder) < presence.items for coder in presence.present)


@settings(max_examples=200, deadline=None)
@given(codings(2))
def test_two_coders_kappa_and_alpha_equal_nltk(presence: Presence) -> None:
    assume(varies(presence))
    task = nltk_task(presence)
    assert mean_cohen_kappa(presence.tally()) == pytest.approx(task.kappa(), abs=1e-9)
    assert alpha_binary(presence.tally()) == pytest.approx(task.alpha(), abs=1e-9)
    assert fleiss_kappa(presence.tally()) == pytest.approx(task.pi(), abs=1e-9)  # two coders: Scott's π


@settings(max_examples=200, deadline=None)
@given(st.integers(3, 5).flatmap(codings))
def test_three_or_more_coders_equal_nltk(presence: Presence) -> None:
    assume(varies(presence))
    task = nltk_task(presence)
    # Fleiss' κ is NLTK's multi-π (Siegel and Castellan's K); Cohen's κ averaged over pairs is NLTK's kappa().
    assert fleiss_kappa(presence.tally()) == pytest.approx(task.pi(), abs=1e-9)
    assert mean_cohen_kappa(presence.tally()) == pytest.approx(task.kappa(), abs=1e-9)
    assert alpha_binary(presence.tally()) == pytest.approx(task.alpha(), abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 4).flatmap(codings))
def test_binary_alpha_is_the_general_alpha(presence: Presence) -> None:
    units = [[item in coder for coder in presence.present] for item in range(presence.items)]
    assume(alpha_nominal(units) is not None)
    assert alpha_binary(presence.tally()) == pytest.approx(alpha_nominal(units), abs=1e-12)


def test_cohen_kappa_by_hand() -> None:
    # 10 units; A codes 1-4, B codes 2-5: agree on 2,3,4 (present) and 6-10 (absent): Po = 0.8.
    # Pe = 0.4 * 0.4 + 0.6 * 0.6 = 0.52; κ = (0.8 - 0.52) / 0.48 = 0.58333...
    value = cohen_kappa(10, frozenset({1, 2, 3, 4}), frozenset({2, 3, 4, 5}))
    assert value == pytest.approx(0.28 / 0.48, abs=1e-12)
    presence = Presence(10, (frozenset({1, 2, 3, 4}), frozenset({2, 3, 4, 5})))
    assert percent_agreement(presence.tally()) == pytest.approx(0.8)


def test_nothing_coded_has_no_kappa_instead_of_perfect_agreement() -> None:
    nothing = Presence(50, (frozenset(), frozenset()))
    assert mean_cohen_kappa(nothing.tally()) is None
    assert alpha_binary(nothing.tally()) is None
    assert percent_agreement(nothing.tally()) == 1.0  # which is why it is never shown alone


def test_krippendorff_binary_two_observers_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", A: two observers, binary, α = 0.095.
    observer_a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    observer_b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    value = alpha_nominal(list(zip(observer_a, observer_b, strict=True)))
    assert value == pytest.approx(0.095, abs=5e-4)
    presence = Presence(
        10,
        (
            frozenset(i for i, v in enumerate(observer_a) if v),
            frozenset(i for i, v in enumerate(observer_b) if v),
        ),
    )
    assert alpha_binary(presence.tally()) == pytest.approx(value, abs=1e-12)


# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", C: four observers, 12 units,
# values 1-5, missing data (None).
FOUR_OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
FOUR_OBSERVER_UNITS = [[row[u] for row in FOUR_OBSERVERS if row[u] is not None] for u in range(12)]


def test_krippendorff_nominal_four_observers_with_missing_values() -> None:
    assert alpha_nominal(FOUR_OBSERVER_UNITS) == pytest.approx(0.743, abs=5e-4)  # Krippendorff's nominal α


def test_nominal_alpha_with_missing_values_agrees_with_nltk() -> None:
    # The same table through NLTK, to 1e-9; units only one observer coded cannot be paired and are left out.
    data = [
        (str(c), str(u), row[u])
        for c, row in enumerate(FOUR_OBSERVERS)
        for u in range(12)
        if row[u] is not None and len(FOUR_OBSERVER_UNITS[u]) > 1
    ]
    assert alpha_nominal(FOUR_OBSERVER_UNITS) == pytest.approx(agreement.AnnotationTask(data=data).alpha(), abs=1e-9)


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=8)


@settings(max_examples=300, deadline=None)
@given(spans, spans)
def test_f1_matching_equals_a_brute_force_count(reference: list[tuple[int, int]], other: list[tuple[int, int]]) -> None:
    for exact in (True, False):

        def partner(a: tuple[int, int], b: tuple[int, int], exact: bool = exact) -> bool:
            if exact:
                return a == b
            union = max(a[1], b[1]) - min(a[0], b[0])
            return (min(a[1], b[1]) - max(a[0], b[0])) * 2 >= union

        found = match(reference, other, exact)
        assert found.reference_found == sum(any(partner(r, o) for o in other) for r in reference)
        assert found.other_found == sum(any(partner(r, o) for r in reference) for o in other)
        assert (found.reference_total, found.other_total) == (len(reference), len(other))


def test_f1_of_half_overlapping_spans() -> None:
    assert overlap_ratio((0, 10), (5, 15)) == pytest.approx(5 / 15)
    found = match([(0, 10), (20, 30)], [(0, 8), (40, 45)], exact=False)
    # (0, 8) shares 8 of 10 with (0, 10): a match. Precision 1/2, recall 1/2, F1 1/2.
    assert (found.precision, found.recall, found.f1) == (0.5, 0.5, 0.5)
    assert match([(0, 10)], [(0, 8)], exact=True).f1 == 0.0
