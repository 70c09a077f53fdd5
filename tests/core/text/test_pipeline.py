"""The whole pipeline on generated articles whose right answer is known by construction."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.text.convert import convert
from desktop.core.text.pipeline import process

PLAIN = "我们推进项目建设目标措施实施发展经济乡村振兴人才产业"
ASTRAL = ["𠮷", "𡈼", "😀", "𪚥"]
# Traditional character, its reading as crawlers print it, the Simplified result.
PINYIN_NOTES = [
    ("創", "chuàng", "创"),
    ("業", "yè", "业"),
    ("區", "qū", "区"),
    ("發", "fā", "发"),
    ("經", "jīng", "经"),
]
TAIL = "\n\n分享到:\n\n相关文章:\n"


@dataclass
class Piece:
    original: str
    expected: str


def test_plain_characters_are_already_simplified() -> None:
    assert convert(PLAIN) == PLAIN
    assert convert("".join(ASTRAL)) == "".join(ASTRAL)


plain = st.text(PLAIN + "\n", min_size=1, max_size=6).map(lambda s: Piece(s, s))
astral = st.sampled_from(ASTRAL).map(lambda s: Piece(s, s))
note = st.sampled_from(PINYIN_NOTES).map(lambda n: Piece(f"{n[0]}({n[1]})", n[2]))
doubled = st.sampled_from(["，、", ",,", ",。", "，，"]).map(lambda p: Piece(f"们{p}们", f"们{p[1]}们"))


@st.composite
def articles(draw: st.DrawFn) -> tuple[list[Piece], bool]:
    pieces = [Piece("标题第一行\n", "标题第一行\n")]
    pieces += draw(st.lists(st.one_of(plain, astral, note, doubled), min_size=1, max_size=25))
    notes = draw(st.lists(note, min_size=3, max_size=5))
    for piece in notes:
        pieces.insert(draw(st.integers(1, len(pieces))), piece)
    pieces.append(Piece("。", "。"))
    with_tail = draw(st.booleans())
    return pieces, with_tail


@settings(max_examples=200, deadline=None)
@given(articles())
def test_every_piece_maps_exactly_both_ways(article: tuple[list[Piece], bool]) -> None:
    pieces, with_tail = article
    original = "".join(p.original for p in pieces) + (TAIL if with_tail else "")
    processed = process(original)
    assert processed.text == "".join(p.expected for p in pieces)
    o_position = t_position = 0
    for piece in pieces:
        o_span = (o_position, o_position + len(piece.original))
        t_span = (t_position, t_position + len(piece.expected))
        assert processed.offset_map.to_original(*t_span) == o_span, piece
        assert processed.offset_map.from_original(*o_span) == t_span, piece
        o_position, t_position = o_span[1], t_span[1]
    if with_tail:
        assert processed.offset_map.from_original(o_position, len(original)) == (t_position, t_position)


@settings(max_examples=100, deadline=None)
@given(articles(), st.data())
def test_selection_inside_a_pinyin_note_snaps_to_its_character(article: tuple[list[Piece], bool], data) -> None:
    pieces, _ = article
    original = "".join(p.original for p in pieces)
    processed = process(original)
    notes = [i for i, p in enumerate(pieces) if "(" in p.original]
    chosen = data.draw(st.sampled_from(notes))
    o_start = sum(len(p.original) for p in pieces[:chosen])
    t_start = sum(len(p.expected) for p in pieces[:chosen])
    inside = o_start + data.draw(st.integers(1, len(pieces[chosen].original) - 1))
    assert processed.offset_map.from_original(inside, inside + 1) == (t_start, t_start + 1)
