"""New codes get colours that stay apart, as a span looks on the page, from every code and the selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.colours import (
    CANDIDATES,
    ColourPicker,
    ciede2000,
    distance_to,
    lab,
    selection_lab,
    span_lab,
)
from desktop.core.exchange.codebook_merge import merge_codes
from desktop.core.exchange.codebook_model import IncomingCode
from desktop.core.store import Store

DEFAULTS = [entry["colour"] for entry in json.loads(Path("resources/default_categories.json").read_text("utf-8"))]
# Sharma, Wu and Dalal (2005), the published CIEDE2000 test data: pairs in CIELAB and their ΔE00.
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
    ((90.8027, -2.0831, 1.441), (91.1528, -1.6435, 0.0447), 1.4441),
    ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
]
# A new code beside the three defaults: this many in turn stay at least this far (ΔE00) from
# every code before them and from the selection. About 10 is a difference seen at a glance.
CODES_APART, MIN_DELTA_E = 10, 10.0


@pytest.mark.parametrize(("first", "second", "expected"), SHARMA_PAIRS)
def test_ciede2000_matches_the_published_test_data(first, second, expected) -> None:  # type: ignore[no-untyped-def]
    assert ciede2000(first, second) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(second, first) == pytest.approx(expected, abs=1e-4)


def test_srgb_to_lab_at_white_black_and_a_primary() -> None:
    assert lab((255, 255, 255)) == pytest.approx((100.0, 0.0, 0.0), abs=1e-3)
    assert lab((0, 0, 0)) == pytest.approx((0.0, 0.0, 0.0), abs=1e-3)
    # sRGB red under D65, as colour science tables give it.
    assert lab((255, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.02)


def test_each_new_code_stays_apart_from_every_code_before_it_and_from_the_selection() -> None:
    picker = ColourPicker(DEFAULTS)
    taken = list(DEFAULTS)
    for _ in range(CODES_APART):
        colour = picker.next()
        others = [selection_lab(), *(span_lab(c) for c in taken)]
        nearest = distance_to(colour, others)  # type: ignore[arg-type]
        assert nearest >= MIN_DELTA_E, (colour, nearest, taken)
        # No other candidate would have kept further apart.
        assert nearest == pytest.approx(max(distance_to(c, others) for c in CANDIDATES if c not in taken))  # type: ignore[arg-type]
        taken.append(colour)
    assert len(set(taken)) == len(taken)


def test_the_colour_the_old_palette_gave_beside_measure_is_too_close_and_is_no_longer_given() -> None:
    measure = span_lab("#8cb8e8")
    assert distance_to("#85c1e9", [measure]) < 5  # type: ignore[list-item]
    assert distance_to(ColourPicker(DEFAULTS).next(), [measure]) >= MIN_DELTA_E  # type: ignore[list-item]


def test_past_as_many_codes_as_candidates_colours_go_round_and_stay_valid() -> None:
    picker = ColourPicker()
    colours = [picker.next() for _ in range(len(CANDIDATES) + 5)]
    assert set(colours) == set(CANDIDATES)
    assert all(span_lab(colour) is not None for colour in colours)


def test_a_codebook_import_gives_colourless_codes_apart_colours_and_keeps_a_files_own(store: Store) -> None:
    codes = [IncomingCode(f"line {n}", f"c{n}", label_zh=f"代码{n}") for n in range(6)]
    codes.append(IncomingCode("line 7", "own", label_zh="自有", colour="#123456"))
    report = merge_codes(store, codes)
    colours = {c.id: c.colour for c in store.categories.all()}
    assert colours[report.mapping["own"]] == "#123456"
    new = [colours[report.mapping[f"c{n}"]] for n in range(6)]
    before = [*DEFAULTS]
    for colour in new:
        assert distance_to(colour, [selection_lab(), *(span_lab(c) for c in before)]) >= MIN_DELTA_E  # type: ignore[arg-type]
        before.append(colour)
