"""Pinyin readings that crawlers leave in parentheses after characters: 創(chuàng)業(yè).

A note is removed only when every syllable in it is a reading of the character
before it (pypinyin's dictionary), and only in a document with several such
notes, so that ``(一)``, ``(GDP)``, ``方案(a)`` or ``(街道)`` are never touched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin.contrib.tone_convert import to_tone
from pypinyin.pinyin_dict import pinyin_dict

from desktop.core.offsets import Edit
from desktop.core.text.chinese import HAN_CLASS

MIN_CONFIRMED_NOTES = 3

_SYLLABLE = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêɡ]{1,6}[1-5]?"
# A note after Han characters, or after a '?' that replaced one (then its opening
# parenthesis is sometimes lost too).
_NOTE_RE = re.compile(
    rf"(?P<anchor>[{HAN_CLASS}]|\?)(?P<note>[(（](?P<syllables>{_SYLLABLE}(?: {_SYLLABLE})*)[)）]"
    rf"|(?<=\?)(?P<bare>{_SYLLABLE})[)）])"
)


def _normalise(syllable: str) -> str:
    syllable = unicodedata.normalize("NFC", syllable.replace("ɡ", "g"))
    if syllable[-1].isdigit():
        syllable = to_tone(syllable.replace("v", "ü"))
    return syllable


@lru_cache(maxsize=65536)
def _readings(ch: str) -> frozenset[str]:
    listed = pinyin_dict.get(ord(ch))
    return frozenset(listed.split(",")) if listed else frozenset()


def _is_reading(chars: str, syllables: list[str]) -> bool:
    return len(chars) == len(syllables) and all(
        _normalise(syllable) in _readings(ch) for ch, syllable in zip(chars, syllables, strict=True)
    )


def pinyin_note_edits(text: str) -> list[Edit]:
    """Edits that drop confirmed pinyin notes, each joined to its character."""
    if "(" not in text and "（" not in text and ")" not in text:
        return []
    confirmed: list[Edit] = []
    after_mojibake: list[Edit] = []
    for match in _NOTE_RE.finditer(text):
        anchor_start = match.start("anchor")
        if match.group("anchor") == "?":
            # No character left to check the reading against: trusted only where
            # the document has confirmed notes elsewhere.
            after_mojibake.append(Edit(anchor_start, match.end(), "?"))
            continue
        if match.group("syllables") is None:
            continue
        syllables = match.group("syllables").split(" ")
        first = anchor_start - len(syllables) + 1
        if first < 0 or not _is_reading(text[first : anchor_start + 1], syllables):
            continue
        confirmed.append(Edit(anchor_start, match.end(), match.group("anchor")))
    if len(confirmed) < MIN_CONFIRMED_NOTES:
        return []
    return sorted(confirmed + after_mojibake, key=lambda edit: edit.start)
