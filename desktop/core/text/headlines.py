"""The headline of a crawled page: which line it is, and its later copies.

Pages often open with navigation (``首页 资讯 正文``, ``当前位置：首页 > 新闻``); the
headline is the first line that is not navigation.
"""

from __future__ import annotations

import re

from desktop.core.offsets import Edit
from desktop.core.text.chinese import line_spans

_BREADCRUMB_WORD = re.compile("首[页頁]|主[页頁]|[当當]前位置|[您你]的位置|[现現]在的位置|[您你][现現]在的位置")
_CRUMB_SEPARATOR = re.compile("\\s*(?:>|›|»|→|/|\\||｜|＞|>>)\\s*|\\s+")
_SENTENCE_MARK = re.compile("[。，,！？!?；;：:“”「」]")
_MAX_NAVIGATION = 40
_LOOK_AT_LINES = 12


def is_navigation(line: str) -> bool:
    """A breadcrumb or a row of menu items, not a headline."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_NAVIGATION:
        return False
    tokens = [token for token in _CRUMB_SEPARATOR.split(stripped) if token]
    if _BREADCRUMB_WORD.search(stripped) and (len(tokens) >= 2 or stripped.endswith(("首页", "首頁"))):
        return True
    # 新闻 政务 服务 互动: several short items and no sentence.
    return len(tokens) >= 3 and all(len(token) <= 4 for token in tokens) and not _SENTENCE_MARK.search(stripped)


def title_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the headline line, stripped; the first non-empty line when all look like navigation."""
    first = None
    for start, end in line_spans(text, _LOOK_AT_LINES):
        line = text[start:end]
        if not line.strip():
            continue
        stripped_start = start + len(line) - len(line.lstrip())
        span = (stripped_start, stripped_start + len(line.strip()))
        if first is None:
            first = span
        if not is_navigation(line):
            return span
    return first


_DATE_PREFIX = re.compile(r"^[\d０-９]{1,4}(?:[./\-年月日][\d０-９]{1,4})*[日号號]?\s*")
_MIN_TITLE_KEY = 6


def _title_key(line: str) -> str:
    return re.sub(r"\s+", "", _DATE_PREFIX.sub("", line.strip()))


def repeated_title(text: str) -> list[Edit]:
    """Drop later copies of the headline (with or without a date in front) and the blank lines after them."""
    span = title_span(text)
    if span is None:
        return []
    key = _title_key(text[span[0] : span[1]])
    if len(key) < _MIN_TITLE_KEY:
        return []
    # Only lines holding the key (spaces allowed between its characters) can be copies. Most
    # articles hold none, which the text without its spaces says faster than compiling the pattern.
    if key not in "".join(text[span[1] :].split()):
        return []
    pattern = re.compile(r"\s*".join(re.escape(ch) for ch in key))
    edits: list[Edit] = []
    position = span[1]
    for match in pattern.finditer(text, span[1]):
        if match.start() < position:
            continue
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        if start <= span[0] or _title_key(text[start:end]) != key:
            continue
        # The copy takes its newline and the blank lines after it.
        cut_end = end
        while cut_end < len(text):
            next_end = text.find("\n", cut_end + 1)
            next_end = len(text) if next_end < 0 else next_end
            if text[cut_end + 1 : next_end].strip():
                cut_end += 1
                break
            cut_end = next_end
        if cut_end >= len(text) and start > position:
            start -= 1  # a copy at the end takes the newline before it (unless an earlier cut took it)
        edits.append(Edit(start, cut_end, ""))
        position = cut_end
    return edits
