"""The readings of a Chinese character, and pinyin written with tone marks, tone numbers or none.

The readings are pypinyin's per-character table (its ``pinyin_dict.json``), read as a file:
importing the pypinyin package builds its phrase tables and word segmenter as well (~110 ms
and tens of MiB in every process that cleans text, each import worker included), and the
notes rule needs neither.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

# Combining tone marks (Unicode's decomposed form) and the tone numbers they stand for.
_TONE_OF_MARK = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_MARK_OF_TONE = {tone: mark for mark, tone in _TONE_OF_MARK.items()}


class ReadingsMissing(RuntimeError):
    """pypinyin (a dependency) is not installed, or its table is not where it keeps it."""


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    # Keys are code points written in decimal; values the readings, comma-separated, tone-marked.
    spec = importlib.util.find_spec("pypinyin")  # finds the package without running it
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "pinyin_dict.json"
        if path.is_file():
            table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
            return table
    raise ReadingsMissing("pypinyin's table of readings (pinyin_dict.json) was not found: reinstall pypinyin")


def readings(ch: str) -> tuple[str, ...]:
    """The readings of one character, tone-marked (``中`` -> zhōng, zhòng); none when it has none."""
    listed = _table().get(str(ord(ch)))
    return tuple(listed.split(",")) if listed else ()


def _without_tone(reading: str) -> tuple[str, str]:
    """A reading without its tone mark, and the tone's number ('' for the neutral tone)."""
    tone = ""
    kept = []
    for part in unicodedata.normalize("NFD", reading):
        if part in _TONE_OF_MARK:
            tone = _TONE_OF_MARK[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def tone_number_form(reading: str) -> str:
    """``zhōng`` -> ``zhong1``; ``lǜ`` -> ``lü4``; a neutral tone gets no number."""
    letters, tone = _without_tone(reading)
    return letters + tone


def toneless_form(reading: str) -> str:
    """``zhōng`` -> ``zhong``; ``lǜ`` -> ``lü``."""
    return _without_tone(reading)[0]


def _mark_position(letters: str) -> int:
    """Where the tone mark goes, by the rule of Hanyu Pinyin: on a; else on o or e; on the second
    of iu and ui; else on the vowel there is; a syllabic nasal (ń, ňg, hm̄) takes it itself."""
    for vowel in ("a", "o", "e", "ê"):
        if vowel in letters:
            return letters.index(vowel)
    for pair in ("iu", "ui"):
        if pair in letters:
            return letters.index(pair) + 1
    for single in ("i", "u", "ü", "n", "m"):
        if single in letters:
            return letters.index(single)
    return -1


def tone_marked(syllable: str) -> str:
    """``zhong1`` -> ``zhōng``; ``lü4`` (or ``lv4``) -> ``lǜ``; tone 5 is neutral: no mark.

    A syllable with no letter to carry the mark is returned as it came."""
    letters, tone = syllable[:-1].replace("v", "ü"), syllable[-1:]
    if tone == "5":
        return letters
    position = _mark_position(letters)
    if tone not in _MARK_OF_TONE or position < 0:
        return syllable
    marked = letters[: position + 1] + _MARK_OF_TONE[tone] + letters[position + 1 :]
    return unicodedata.normalize("NFC", marked)
