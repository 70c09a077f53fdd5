"""Pinyin readings in parentheses after characters: crawl artifacts go, deliberate glosses stay.

A note counts only when it is a reading of the characters before it (pypinyin's
table of readings, see pinyin_readings; tone marks, tone numbers or none; syllables
spaced or run together; spaces inside the brackets tolerated), so ``(一)``, ``(GDP)``,
``方案(a)`` or ``(街道)`` are never touched. Which confirmed notes are removed:

* a note after a character that t2s changes (創(chuàng)): pages machine-converted from
  Simplified carry a reading after exactly the characters the converter changed;
* word-level readings (编辑(biānjí)) when the page has at least two of them;
* notes after characters both scripts share (李焱(yàn)良) only on an *artifact page*,
  one with at least ``MIN_ARTIFACT_NOTES`` notes of the two kinds above, or one whose
  readings follow at least a fifth of its characters or six characters in a row (a
  Simplified page rendered with a reading on every character, toned or not): elsewhere they are the author's glosses and
  the reader needs them;
* a reading repeated right after itself (經(jīng)(jīng)) goes with the first; a space
  between a character and its reading (政 (zhèng)) goes with the reading.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.core.offsets import Edit
from desktop.core.text.chinese import HAN_CLASS
from desktop.core.text.opencc_engine import engine
from desktop.core.text.pinyin_readings import readings, tone_marked, tone_number_form, toneless_form

MIN_ARTIFACT_NOTES = 3
# A page whose readings follow at least this share of its characters (and this many) is a
# rendered reading layer, whatever its script: every reading on it goes.
DENSE_SHARE = 0.2
MIN_DENSE_NOTES = 10
# Or this many characters in a row, each with its reading: no author glosses a whole phrase.
MIN_CHAIN = 6
MIN_WORD_NOTES = 2
MAX_WORD = 6

_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêɡ"
_SYLLABLE = f"[{_LETTERS}]{{1,6}}[1-5]?"
_SYLLABLES = f"{_SYLLABLE}(?:[ '’]?{_SYLLABLE}){{0,{MAX_WORD - 1}}}"
# A note in brackets; what stands before it (a character, or a '?' that replaced one) is
# checked after the match, so that the engine only stops at brackets.
_NOTE_RE = re.compile(rf"[(（] ?(?P<syllables>{_SYLLABLES}) ?[)）]", re.IGNORECASE)
# After a '?' the opening bracket is sometimes lost too.
_BARE_NOTE_RE = re.compile(rf"\?(?P<bare>{_SYLLABLE})[)）]")
_HAN = re.compile(f"[{HAN_CLASS}]")


@lru_cache(maxsize=4096)
def _normalise(pinyin: str) -> str:
    pinyin = unicodedata.normalize("NFC", pinyin.replace("ɡ", "g")).lower().replace("v", "ü")
    return re.sub("[ '’]", "", pinyin)


@lru_cache(maxsize=65536)
def _forms(ch: str) -> tuple[str, ...]:
    """Every way a reading of ``ch`` is written: tone marks, tone numbers, no tones."""
    forms: set[str] = set()
    for reading in readings(ch):
        forms.update((reading, tone_number_form(reading), toneless_form(reading)))
    # Longest first, so that "zhuang" is tried before "zhu".
    return tuple(sorted(forms, key=len, reverse=True))


def _reads(chars: str, pinyin: str) -> bool:
    """Whether ``pinyin`` (normalised) is a reading of ``chars``, one syllable per character."""
    if not chars:
        return not pinyin
    return any(pinyin.startswith(form) and _reads(chars[1:], pinyin[len(form) :]) for form in _forms(chars[0]))


def _tone_numbers_to_marks(pinyin: str) -> str:
    return re.sub(r"[a-zü]+[1-5]", lambda m: tone_marked(m.group()), pinyin)


@lru_cache(maxsize=65536)
def _width(before: str, syllables: str) -> int:
    """How many of the characters ending ``before`` the note reads (0: it is no reading of them)."""
    pinyin = _normalise(syllables)
    candidates = (pinyin, _tone_numbers_to_marks(pinyin))
    for width in range(1, len(before) + 1):
        chars = before[-width:]
        if not _HAN.match(chars):
            break
        if any(_reads(chars, candidate) for candidate in candidates):
            return width
    return 0


@lru_cache(maxsize=1)
def _t2s_changes() -> frozenset[int]:
    return frozenset(engine("t2s").chain[0].table)


# What a confirmed note is: read after characters t2s changes, a word's reading, or a reading of
# one character both scripts share.
_CHANGED, _WORD, _SHARED = range(3)


@lru_cache(maxsize=65536)
def _judged(before: str, written: str) -> tuple[int, int]:
    """(how many of the characters ending ``before`` the note reads, what kind of note it is); (0, _) when none."""
    width = _width(before, written)
    if not width:
        return 0, _SHARED
    if not _t2s_changes().isdisjoint(map(ord, before[-width:])):
        return width, _CHANGED
    return width, _WORD if width > 1 else _SHARED


def pinyin_note_edits(text: str) -> list[Edit]:
    """Edits that drop the notes judged crawl artifacts (see the module's rules)."""
    if "(" not in text and "（" not in text and ")" not in text:
        return []
    # The confirmed notes by kind (_CHANGED, _WORD, _SHARED).
    kinds: tuple[list[Edit], list[Edit], list[Edit]] = ([], [], [])
    after_mojibake: list[Edit] = []
    han = _HAN.match
    # The list the last confirmed note went to, where it ended, and what it read.
    last: list[Edit] | None = None
    last_end = -1
    last_read = ""
    for match in _NOTE_RE.finditer(text):
        # (One pass per note: a page rendered with readings has one after every character.)
        note_start, note_end = match.span()
        written = match.group(1)  # the syllables
        if last is not None and note_start == last_end and _normalise(written) == last_read:
            # The same reading again right after the first (經(jīng)(jīng)): it goes with it.
            last.append(Edit(note_start, note_end, ""))
            last_end = note_end
            continue
        last = None
        start = note_start
        anchor = text[start - 1] if start else ""
        if anchor == " " and start > 1 and han(text[start - 2]):
            start -= 1  # a stray space between the character and its reading (政 (zhèng))
            anchor = text[start - 1]
        if anchor == "?":
            # No character left to check the reading against: trusted only on artifact pages.
            after_mojibake.append(Edit(start - 1, note_end, "?"))
            continue
        # The characters ending at the note (or at a stray space before it) that it reads (none
        # when no character of Chinese stands before it).
        width, kind = _judged(text[max(0, start - MAX_WORD) : start], written)
        if not width:
            continue
        end = note_end
        if start < note_start and text[end : end + 1] == " " and han(text[end + 1 : end + 2]):
            # Spaced on both sides (政 (zhèng) 府): the reading's spaces go with it.
            end += 1
        # The note joins its last character in one block of the offset map.
        last = kinds[kind]
        last.append(Edit(start - 1, end, anchor))
        last_end = end
        last_read = _normalise(written)
    changed, words, shared = kinds
    if "?" in text:
        after_mojibake += [Edit(m.start(), m.end(), "?") for m in _BARE_NOTE_RE.finditer(text)]
    removed = list(changed)
    if len(words) >= MIN_WORD_NOTES:
        removed += words
    if len(removed) >= MIN_ARTIFACT_NOTES or _dense(text, shared):
        removed += shared + after_mojibake
    return sorted(removed)  # (no two notes start at the same place)


def _dense(text: str, shared: list[Edit]) -> bool:
    """Readings after so many of a page's characters that they are the crawler's, not the author's.

    An author glosses a rare name or two; a page that reads out a fifth of its characters, or
    MIN_CHAIN characters in a row (政(zheng)府(fu)工(gong)作(zuo)…, Simplified or toneless), was
    rendered with a reading layer.
    """
    if len(shared) >= MIN_DENSE_NOTES and len(shared) >= DENSE_SHARE * len(_HAN.findall(text)):
        return True
    chain, end = 0, -1
    for edit in sorted(shared, key=lambda edit: edit.start):
        chain = chain + 1 if edit.start == end else 1
        end = edit.end
        if chain >= MIN_CHAIN:
            return True
    return False
