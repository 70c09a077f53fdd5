"""The offset map against a character-provenance model, and the UTF-16 conversion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.offsets import Edit, OffsetMap, OffsetMapError, Utf16Index, apply_edits

ORIGINAL_ALPHABET = "ab創業𠮷\n"
REPLACEMENT_ALPHABET = "XY😀"


@st.composite
def edits_for(draw: st.DrawFn, length: int, insertions: bool = True) -> list[Edit]:
    """Sorted, non-overlapping edits of a text of ``length``."""
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        replacement = draw(st.text(REPLACEMENT_ALPHABET, max_size=3))
        if start == end and (not replacement or not insertions):
            continue
        edits.append(Edit(start, end, replacement))
    return edits


def provenance(original: str, steps: list[list[Edit]]) -> list[int | None]:
    """For each character of the final text, the index of the original character it is, if any."""
    cells: list[int | None] = list(range(len(original)))
    for edits in steps:
        for start, end, replacement in reversed(edits):
            cells[start:end] = [None] * len(replacement)
    return cells


def map_of(original: str, steps: list[list[Edit]]) -> tuple[str, OffsetMap]:
    text, offset_map = original, OffsetMap.identity(len(original))
    for edits in steps:
        offset_map = offset_map.then(OffsetMap.from_edits(len(text), edits))
        text = apply_edits(text, edits)
    return text, offset_map


def inside_block(blocks: tuple, position: int, axis: int) -> bool:
    start, end = (0, 1) if axis == 0 else (2, 3)
    return any(b[start] <= position < b[end] for b in blocks)


@st.composite
def edit_chains(draw: st.DrawFn, insertions: bool = True) -> tuple[str, list[list[Edit]]]:
    original = draw(st.text(ORIGINAL_ALPHABET, max_size=30))
    steps, length = [], len(original)
    text = original
    for _ in range(draw(st.integers(1, 4))):
        edits = draw(edits_for(length, insertions))
        steps.append(edits)
        text = apply_edits(text, edits)
        length = len(text)
    return original, steps


@settings(max_examples=400, deadline=None)
@given(edit_chains())
def test_composed_map_agrees_with_character_provenance(chain: tuple[str, list[list[Edit]]]) -> None:
    original, steps = chain
    text, offset_map = map_of(original, steps)
    assert (offset_map.original_length, offset_map.text_length) == (len(original), len(text))
    cells = provenance(original, steps)
    survivors = {origin for origin in cells if origin is not None}
    for position, origin in enumerate(cells):
        if inside_block(offset_map.blocks, position, axis=2):
            continue
        # Outside blocks the map is exact character for character.
        assert origin is not None
        assert offset_map.to_original(position, position + 1) == (origin, origin + 1)
        assert offset_map.from_original(origin, origin + 1) == (position, position + 1)
        assert original[origin] == text[position]
    for index in range(len(original)):
        if index not in survivors:
            assert inside_block(offset_map.blocks, index, axis=0)


@settings(max_examples=300, deadline=None)
@given(edit_chains(insertions=False), st.data())
def test_span_mapping_is_monotone_and_covering(chain: tuple[str, list[list[Edit]]], data: st.DataObject) -> None:
    original, steps = chain
    text, offset_map = map_of(original, steps)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    o_start, o_end = offset_map.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(original)
    back_start, back_end = offset_map.from_original(o_start, o_end)
    if o_start < o_end:
        # The original span maps back onto a span that covers the one we started from
        # (the pipeline never inserts text out of nothing, so neither do these edits).
        assert back_start <= start and end <= back_end
    wider = offset_map.to_original(max(0, start - 1), end)
    assert wider[0] <= o_start and wider[1] >= o_end


def test_pinyin_like_block_snaps_both_ways() -> None:
    original = "創(chuàng)業"
    offset_map = OffsetMap.from_edits(len(original), [Edit(0, 9, "創")])
    assert offset_map.text_length == 2
    # Selecting inside the note in the original snaps to the character it reads.
    assert offset_map.from_original(2, 5) == (0, 1)
    assert offset_map.to_original(0, 2) == (0, 10)
    assert offset_map.to_original(1, 2) == (9, 10)


def test_deleted_text_maps_to_an_empty_span() -> None:
    offset_map = OffsetMap.from_edits(10, [Edit(6, 10, "")])
    assert offset_map.from_original(7, 9) == (6, 6)
    assert offset_map.from_original(4, 9) == (4, 6)
    assert offset_map.to_original(0, 6) == (0, 6)


def test_json_round_trip_and_validation() -> None:
    offset_map = OffsetMap.from_edits(12, [Edit(1, 3, "x"), Edit(5, 5, "yz"), Edit(8, 12, "")])
    assert OffsetMap.from_json(offset_map.to_json()) == offset_map
    with pytest.raises(OffsetMapError):
        OffsetMap(5, 5, [(1, 2, 3, 4)])
    with pytest.raises(OffsetMapError):
        offset_map.to_original(0, offset_map.text_length + 1)


def test_a_map_read_from_json_maps_as_the_map_it_was_written_from() -> None:
    offset_map = OffsetMap.from_edits(12, [Edit(1, 3, "x"), Edit(5, 5, "yz"), Edit(8, 12, "")])
    read = OffsetMap.from_json(offset_map.to_json())
    spans = [(a, b) for a in range(offset_map.text_length + 1) for b in range(a, offset_map.text_length + 1)]
    assert [read.to_original(*span) for span in spans] == [offset_map.to_original(*span) for span in spans]
    assert read.to_original_columns([0, 2, 4], [1, 4, 9]) == offset_map.to_original_columns([0, 2, 4], [1, 4, 9])
    originals = [(a, b) for a in range(13) for b in range(a, 13)]
    assert [read.from_original(*span) for span in originals] == [offset_map.from_original(*span) for span in originals]
    stored = offset_map.to_json()
    for broken in (
        {**stored, "blocks": [3, 4, 1, 2, 1, 2, 3, 4]},  # out of order
        {**stored, "text_length": 99},  # does not end where the text ends
        {**stored, "blocks": [1, 3, 1]},  # not four numbers a block
    ):
        with pytest.raises(OffsetMapError):
            OffsetMap.from_json(broken)


@pytest.mark.parametrize(
    "text",
    ["", "abc", "𠮷", "a𠮷b", "𠮷𡈼😀創業", "創𠮷業😀\n𡈼x"],
)
def test_utf16_index_matches_python_encoding(text: str) -> None:
    index = Utf16Index(text)
    for codepoint in range(len(text) + 1):
        utf16 = len(text[:codepoint].encode("utf-16-le")) // 2
        assert index.to_utf16(codepoint) == utf16
        assert index.to_codepoint(utf16) == codepoint
        assert index.to_codepoint(utf16, round_up=True) == codepoint


def test_utf16_offset_inside_a_surrogate_pair_rounds() -> None:
    index = Utf16Index("a𠮷b")
    assert index.to_codepoint(2) == 1
    assert index.to_codepoint(2, round_up=True) == 2


@st.composite
def many_then_few(draw: st.DrawFn) -> tuple[OffsetMap, OffsetMap]:
    """A map of many blocks (pinyin notes) and a later one of few (a tail, a title copy)."""
    length = draw(st.integers(0, 120))
    many = draw(st.lists(st.integers(0, length), min_size=16, max_size=60))
    cuts = sorted(many)
    edits = [
        Edit(start, end, draw(st.text(REPLACEMENT_ALPHABET, max_size=2)))
        for start, end in zip(cuts[::2], cuts[1::2], strict=False)
    ]
    edits = [edit for edit in edits if edit.start < edit.end or edit.replacement]
    first = OffsetMap.from_edits(length, edits)
    second = OffsetMap.from_edits(first.text_length, draw(edits_for(first.text_length)))
    return first, second


@settings(max_examples=400, deadline=None)
@given(many_then_few())
def test_sparse_composition_equals_the_general_one(maps: tuple[OffsetMap, OffsetMap]) -> None:
    first, second = maps
    general = first._composed_blocks(second, first.blocks, second.blocks) if first.blocks and second.blocks else None
    composed = first.then(second)
    if general is not None:
        assert list(composed.blocks) == general


@settings(max_examples=300, deadline=None)
@given(edit_chains(), st.data())
def test_mapping_many_spans_at_once_equals_mapping_each(
    chain: tuple[str, list[list[Edit]]], data: st.DataObject
) -> None:
    original, steps = chain
    _, offset_map = map_of(original, steps)
    points = st.integers(0, offset_map.text_length)
    spans = [tuple(sorted(pair)) for pair in data.draw(st.lists(st.tuples(points, points), max_size=12))]
    firsts, lasts = offset_map.to_original_columns([start for start, _ in spans], [end for _, end in spans])
    assert list(zip(firsts, lasts, strict=True)) == [offset_map.to_original(start, end) for start, end in spans]
    with pytest.raises(OffsetMapError):
        offset_map.to_original_columns([0], [offset_map.text_length + 1])


@settings(max_examples=400, deadline=None)
@given(edit_chains(), edit_chains())
def test_blocks_placed_by_running_shifts_equal_those_placed_by_bisection(
    first_chain: tuple[str, list[list[Edit]]], second_chain: tuple[str, list[list[Edit]]]
) -> None:
    original, steps = first_chain
    text, first = map_of(original, steps)
    # A later map over the first one's text, built from edits drawn for a text of that length.
    _, second_steps = second_chain
    second = OffsetMap.identity(len(text))
    for edits in second_steps:
        length = second.text_length
        edits = [edit for edit in edits if edit.end <= length]
        second = second.then(OffsetMap.from_edits(length, edits))
    if not first.blocks or not second.blocks:
        return
    by_bisection = first._composed_blocks(second, first.blocks, second.blocks)
    assert first._composed_blocks(second, first.blocks, second.blocks, whole=True) == by_bisection


def valid_blocks(original_length: int, text_length: int, blocks: list[tuple[int, int, int, int]]) -> bool:
    """The map's rules, block by block: in order, apart, equal stretches between and after."""
    previous_o = previous_t = 0
    for o_start, o_end, t_start, t_end in blocks:
        if not (previous_o <= o_start <= o_end and previous_t <= t_start <= t_end):
            return False
        if o_start - previous_o != t_start - previous_t:
            return False
        previous_o, previous_t = o_end, t_end
    return original_length - previous_o == text_length - previous_t and previous_o <= original_length


@settings(max_examples=500, deadline=None)
@given(
    st.integers(-1, 12),
    st.integers(-1, 12),
    st.lists(st.tuples(*[st.integers(-1, 12)] * 4), max_size=4),
)
def test_a_map_is_refused_exactly_when_its_blocks_break_the_rules(
    original_length: int, text_length: int, blocks: list[tuple[int, int, int, int]]
) -> None:
    try:
        OffsetMap(original_length, text_length, blocks)
    except OffsetMapError:
        assert not valid_blocks(original_length, text_length, blocks)
    else:
        assert valid_blocks(original_length, text_length, blocks)


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(2, 4, "x"), Edit(3, 5, "")],  # overlapping
        [Edit(4, 5, ""), Edit(0, 1, "y")],  # out of order
        [Edit(3, 2, "")],  # ends before it starts
        [Edit(8, 11, "")],  # past the text's end
        [Edit(-1, 1, "")],  # before its start
    ],
)
def test_edits_that_cannot_be_applied_make_no_map(edits: list[Edit]) -> None:
    with pytest.raises(OffsetMapError):
        OffsetMap.from_edits(10, edits)


@settings(max_examples=300, deadline=None)
@given(edit_chains())
def test_a_map_made_from_edits_passes_the_full_check(chain: tuple[str, list[list[Edit]]]) -> None:
    original, steps = chain
    length = len(original)
    for edits in steps:
        made = OffsetMap.from_edits(length, edits)
        assert OffsetMap(made.original_length, made.text_length, made.blocks) == made
        length = made.text_length


@settings(max_examples=400, deadline=None)
@given(edit_chains())
def test_every_composition_along_a_chain_passes_the_full_check(chain: tuple[str, list[list[Edit]]]) -> None:
    # then() does not check what it composes (two valid maps make a valid one): here its results are.
    original, steps = chain
    offset_map = OffsetMap.identity(len(original))
    for edits in steps:
        offset_map = offset_map.then(OffsetMap.from_edits(offset_map.text_length, edits))
        assert valid_blocks(offset_map.original_length, offset_map.text_length, list(offset_map.blocks))


@settings(max_examples=400, deadline=None)
@given(many_then_few())
def test_a_sparse_composition_passes_the_full_check(maps: tuple[OffsetMap, OffsetMap]) -> None:
    composed = maps[0].then(maps[1])
    assert valid_blocks(composed.original_length, composed.text_length, list(composed.blocks))
