"""Chinese that a crawler decoded with the wrong code page: Big5, GBK or UTF-8 bytes read as
Latin-1 or cp1252 (中文 in GBK reads ÖÐÎÄ). Such a run is decoded again, in the Simplified text
only, where the repair is unambiguous; the original keeps the run as it came, flagged.

A run goes from a Latin-1 letter to a Latin-1 letter with printable ASCII (the trail bytes of
GBK and Big5) and spaces between; it needs MIN_HIGH letters. Its bytes are read as UTF-8 (a
valid UTF-8 multi-byte sequence is decisive), GB18030 and Big5; a reading is taken when at
least MIN_HAN_SHARE of it is Chinese and most of its characters are common ones (GB2312's
first level, Big5's frequent characters): the wrong one of GBK and Big5 reads kana, Greek or
rare characters. Pinyin with tone marks, French or German words never
read as Chinese, so they stay.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.offsets import Edit
from desktop.core.text.chinese import HAN_CLASS

# cp1252's letters and signs at 0x80-0x9F, beside Latin-1's 0xA0-0xFF.
_CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_HIGH = f"\\u0080-\\u00ff{_CP1252_EXTRA}"
_RUN = re.compile(f"[{_HIGH}](?:[{_HIGH}\\x20-\\x7e]*[{_HIGH}])?")
_HAN = re.compile(f"[{HAN_CLASS}]")
MIN_HIGH = 4
MIN_HAN_SHARE = 0.6
MIN_COMMON_SHARE = 0.6
# Where the common characters of each script are: GB2312 level 1, Big5's frequent characters.
_COMMON = {"gb2312": (0xB0A1, 0xD7FE), "big5": (0xA440, 0xC67E)}


# One Latin-1 letter: what text in the wrong code page is made of (the page tail counts them too).
LATIN1 = re.compile("[\\u0080-\\u00ff]")


def has_latin1(text: str) -> bool:
    """Whether the text holds any Latin-1 letter at all (most pages hold none: nothing to do)."""
    return LATIN1.search(text) is not None


def _bytes(run: str) -> bytes | None:
    """The bytes the run was decoded from (each character one byte of Latin-1 or cp1252)."""
    try:
        return run.encode("latin-1")  # most runs: every character a byte of Latin-1 itself
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in run:
        if ord(ch) < 0x100:
            out.append(ord(ch))
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


@lru_cache(maxsize=32768)
def _is_common(ch: str) -> bool:
    """Whether a Chinese character is a common one of either script (GB2312 level 1, Big5's frequent)."""
    for codec, (low, high) in _COMMON.items():
        try:
            code = int.from_bytes(ch.encode(codec), "big")
        except UnicodeEncodeError:
            continue
        if low <= code <= high:
            return True
    return False


def _common_share(text: str) -> float:
    """The share of the text's Chinese characters among the common ones of either script."""
    han = _HAN.findall(text)
    return sum(map(_is_common, han)) / len(han) if han else 0.0


def _han_share(text: str) -> float:
    shown = text.replace(" ", "")
    return len(_HAN.findall(shown)) / len(shown) if shown else 0.0


def redecoded(run: str) -> tuple[str, str] | None:
    """The run read in the encoding it was written in, and that encoding; None when no reading
    is clearly Chinese."""
    raw = _bytes(run)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return (text, "utf-8") if _han_share(text) >= MIN_HAN_SHARE else None
    best: tuple[float, str, str] | None = None
    for codec in ("gb18030", "big5"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        han, common = _han_share(text), _common_share(text)
        if han >= MIN_HAN_SHARE and common >= MIN_COMMON_SHARE and (best is None or han * common > best[0]):
            best = (han * common, text, codec)
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=32768)
def _width(ch: str, codec: str) -> int:
    """How many bytes ``ch`` takes in ``codec``."""
    return len(ch.encode(codec))


def _character_edits(start: int, text: str, codec: str) -> list[Edit]:
    """One edit per character read again, over the characters its bytes were shown as: spans in
    the repaired text map to exactly their part of the original."""
    edits = []
    position = start
    for ch in text:
        width = _width(ch, codec)
        if width > 1:
            edits.append(Edit(position, position + width, ch))
        position += width
    return edits


# The cleaning rule and the flags both ask about the same original text, one after the other.
@lru_cache(maxsize=2)
def repairable_runs(text: str) -> list[tuple[int, int, tuple[str, str]]]:
    """(start, end, (repair, encoding)) for every run of the text that reads again as Chinese."""
    found = []
    for match in _RUN.finditer(text):
        start, end = match.span()
        # Most runs are one letter (the è of a pinyin reading): too short to count.
        if end - start < MIN_HIGH or sum(1 for ch in match.group() if ch > "\x7f") < MIN_HIGH:
            continue
        repair = redecoded(text[start:end])
        if repair is None and "\x40" <= text[end : end + 1] <= "\x7e":
            # The run's last character was a lead byte: its trail byte reads as ASCII.
            end += 1
            repair = redecoded(text[start:end])
        if repair:
            found.append((start, end, repair))
    return found


def mojibake_edits(text: str) -> list[Edit]:
    """Edits that put the Chinese back in place of each repairable run."""
    if not has_latin1(text):
        return []
    return [
        edit
        for start, _end, (repair, codec) in repairable_runs(text)
        for edit in _character_edits(start, repair, codec)
    ]
