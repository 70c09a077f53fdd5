"""Crawl-artifact rules. Each returns edits on the text it is given, never a new string.

The rules run in order, each on the text the previous ones left; the pipeline
applies their edits and extends the article's offset map with each step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from desktop.core.offsets import Edit
from desktop.core.text.chinese import CLOSING_MARKS, HAN_CLASS
from desktop.core.text.pinyin_notes import pinyin_note_edits

Rule = Callable[[str], list[Edit]]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, end before its newline."""
    start = 0
    for match in re.finditer("\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


# boilerplate ------------------------------------------------------------------------

_BOILERPLATE_MARKERS = re.compile(
    "|".join(
        [
            "版[权權](?:所有|声明|聲明|与免|與免)",
            "免[责責][声聲]明",
            "[转轉][载載][请請][注註]明",
            "上一篇",
            "下一篇",
            "分享到",
            "相[关關](?:文章|阅读|閱讀|新闻|新聞|链接|鏈接)",
            "[热熱][点點]文章",
            "推[荐薦]文章",
            "[责責]任[编編][辑輯]",
            "打印本[页頁]",
            "[关關]闭窗口",
            "[扫掃]一[扫掃]",
            "收[录錄]于[话話]题",
        ]
    )
)
# Numbered clauses of a disclaimer that talk about "this site" and reprinting.
_DISCLAIMER_CLAUSE = re.compile("本[网網]|本站|[转轉][载載]|著作[权權]|版[权權]")
_SHORT_LINE = 14


def _is_tail_line(line: str) -> bool:
    stripped = line.strip()
    return (
        not stripped
        or _BOILERPLATE_MARKERS.search(stripped) is not None
        or _DISCLAIMER_CLAUSE.search(stripped) is not None
        or (len(stripped) <= _SHORT_LINE and not stripped.endswith(("。", ".", "）", ")")))
    )


def boilerplate_tail(text: str) -> list[Edit]:
    """Cut site furniture (disclaimers, navigation, share links) after the article body."""
    lines = list(_lines(text))
    first_marker = None
    for index in range(len(lines) - 1, 0, -1):
        start, end = lines[index]
        line = text[start:end]
        if not _is_tail_line(line):
            break
        if _BOILERPLATE_MARKERS.search(line):
            first_marker = index
    if first_marker is None:
        return []
    # Start the cut right after the last line of the body, blank lines included.
    body_index = first_marker - 1
    while body_index > 0 and not text[slice(*lines[body_index])].strip():
        body_index -= 1
    cut = lines[body_index][1]
    return [Edit(cut, len(text), "")] if cut < len(text) else []


# repeated title ----------------------------------------------------------------------

_DATE_PREFIX = re.compile(r"^[\d０-９]{1,4}(?:[./\-年月日][\d０-９]{1,4})*[日号號]?\s*")
_MIN_TITLE_KEY = 6


def _title_key(line: str) -> str:
    return re.sub(r"\s+", "", _DATE_PREFIX.sub("", line.strip()))


def repeated_title(text: str) -> list[Edit]:
    """Drop later copies of the title line (with or without a date in front) and the blank lines after them."""
    lines = list(_lines(text))
    title_index = next((i for i, (s, e) in enumerate(lines) if text[s:e].strip()), None)
    if title_index is None:
        return []
    key = _title_key(text[slice(*lines[title_index])])
    if len(key) < _MIN_TITLE_KEY:
        return []
    edits: list[Edit] = []
    index = title_index + 1
    while index < len(lines):
        start, end = lines[index]
        if _title_key(text[start:end]) != key:
            index += 1
            continue
        index += 1
        while index < len(lines) and not text[slice(*lines[index])].strip():
            index += 1
        cut_end = lines[index][0] if index < len(lines) else len(text)
        if cut_end == len(text) and start > 0:
            start -= 1  # a copy on the last line takes the newline before it
        edits.append(Edit(start, cut_end, ""))
    return edits


# doubled punctuation -----------------------------------------------------------------

_DOUBLED_PUNCTUATION = re.compile(rf"(?<=[{HAN_CLASS}{CLOSING_MARKS}])[,，](?P<real>[,，、。；;：:！!？?])")


def doubled_punctuation(text: str) -> list[Edit]:
    """A stray comma in front of the real mark between Chinese text: ``,、`` ``,,`` ``,。``."""
    return [Edit(m.start(), m.end(), m.group("real")) for m in _DOUBLED_PUNCTUATION.finditer(text)]


# the rule set --------------------------------------------------------------------------

# Pinyin notes go first: they split the words the other rules look for (版權(quán)).
RULES: dict[str, Rule] = {
    "pinyin_notes": pinyin_note_edits,
    "doubled_punctuation": doubled_punctuation,
    "repeated_title": repeated_title,
    "boilerplate_tail": boilerplate_tail,
}
DEFAULT_RULES: tuple[str, ...] = tuple(RULES)


def check_rules(names: Sequence[str]) -> tuple[str, ...]:
    unknown = [name for name in names if name not in RULES]
    if unknown:
        raise ValueError(f"unknown cleaning rule(s): {', '.join(unknown)}; known: {', '.join(RULES)}")
    # Rules always run in their fixed order, whatever order they were named in.
    return tuple(name for name in RULES if name in names)
