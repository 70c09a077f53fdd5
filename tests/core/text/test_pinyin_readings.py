"""The readings table and the three ways of writing pinyin, checked against pypinyin itself.

The project reads pypinyin's table as a file and writes the tone forms itself, so that cleaning
text does not import the pypinyin package; here the package is the oracle.
"""

from __future__ import annotations

import pytest

from desktop.core.text.pinyin_readings import readings, tone_marked, tone_number_form, toneless_form

pinyin_dict = pytest.importorskip("pypinyin.pinyin_dict").pinyin_dict
tone_convert = pytest.importorskip("pypinyin.contrib.tone_convert")

EVERY_READING = sorted({reading for listed in pinyin_dict.values() for reading in listed.split(",")})


def test_every_character_has_the_readings_pypinyin_gives_it() -> None:
    assert len(pinyin_dict) > 40_000
    mismatched = [code for code, listed in pinyin_dict.items() if readings(chr(code)) != tuple(listed.split(","))]
    assert mismatched == []
    assert readings("中") == ("zhōng", "zhòng")
    assert readings("a") == ()


def test_tone_numbers_and_toneless_forms_agree_with_pypinyin_for_every_reading() -> None:
    assert len(EVERY_READING) > 1_400
    numbered = {r: tone_number_form(r) for r in EVERY_READING}
    toneless = {r: toneless_form(r) for r in EVERY_READING}
    assert numbered == {r: tone_convert.to_tone3(r, v_to_u=True) for r in EVERY_READING}
    assert toneless == {r: tone_convert.to_normal(r, v_to_u=True) for r in EVERY_READING}
    assert (numbered["lǜ"], toneless["lǜ"], numbered["ma"]) == ("lü4", "lü", "ma")


def test_tone_marks_placed_as_pypinyin_places_them_on_every_syllable_in_every_tone() -> None:
    syllables = {toneless_form(reading) for reading in EVERY_READING}
    numbered = sorted(f"{syllable}{tone}" for syllable in syllables for tone in "12345")
    known = set(EVERY_READING)
    marked = {n: (tone_marked(n), tone_convert.to_tone(n)) for n in numbered}
    differing = [(n, ours, theirs) for n, (ours, theirs) in marked.items() if ours != theirs]
    # pypinyin leaves a few syllabic nasals unmarked (n1, m3); no reading is written that way,
    # so either result matches no reading and a note reads the same.
    assert all(ours not in known and theirs not in known for _, ours, theirs in differing), differing
    assert len(differing) < 10
    # Every reading comes back from its tone-number form.
    toned = [r for r in EVERY_READING if tone_number_form(r)[-1:].isdigit()]
    assert [r for r in toned if tone_marked(tone_number_form(r)) != r] == []
    assert (tone_marked("zhong1"), tone_marked("lv4"), tone_marked("liu2"), tone_marked("gui4")) == (
        "zhōng",
        "lǜ",
        "liú",
        "guì",
    )
    assert tone_marked("ma5") == "ma"
    assert tone_marked("x1") == "x1"
