"""The page tail: site furniture after the article body (copyright, ICP numbers, hotlines,
app promotion, editor credits, share/print/back-to-top links, related-reports lists).

The tail is the last block of the page where footer lines dominate. Reading up from
the end, a line that reads as body stops the search: nothing above it is ever cut, so
a body that merely mentions 版权 or 转载 is safe.
"""

from __future__ import annotations

import re
from enum import Enum

from desktop.core.offsets import Edit
from desktop.core.text.chinese import line_spans

# Footer material wherever it stands in a short line.
_FOOTER = re.compile(
    "|".join(
        [
            "版[权權](?:所有|声明|聲明|与免|與免|归|歸)",
            "[Cc]opyright|©|\\(c\\)\\s*\\d{4}",
            "ICP[备備证證]|[公网網]安[备備]",
            "免[责責][声聲]明|[转轉][载載][请請][注註]明|本文系|[转轉][载載]自",
            "(?:^|[【\\[（(])\\s*(?:[责責]任)?[编編][辑輯](?:\\s*[:：]|\\s+\\S{2,4}\\s*[】\\]）)]?$)",
            "[审審][核校]\\s*[:：]|[监監]\\s*制\\s*[:：]",
            "[举舉][报報](?:[电電][话話]|[热熱][线線]|[邮郵]箱)|[热熱][线線]\\s*[:：]?\\s*[\\d（(]|客服[电電][话話]",
            "下[载載].{0,12}(?:APP|App|app|客[户戶]端)|(?:APP|App|客[户戶]端).{0,6}下[载載]|[扫掃][码碼]下[载載]",
            "回[到]?[顶頂]端|返回[顶頂]部|[网網]站地[图圖]|[联聯][系絡络]我[们們]|[关關]于我[们們]",
            "技[术術]支持\\s*[:：]|主[办辦][单單]位\\s*[:：]|承[办辦][单單]位\\s*[:：]",
            "重要告示|[私隱隐]{2}政策|修[订訂]日期|使用[条條]款",
        ]
    )
)
# Navigation that is footer material only at the start of a line or in a line that is no sentence.
_NAVIGATION = re.compile(
    "上一篇|下一篇|分享到|打印本[页頁]|[关關]闭窗口|[扫掃]一[扫掃]|收[录錄]于[话話]题|[热熱][点點]文章|推[荐薦]文章|^TOP$"
)
# Numbered clauses of a disclaimer (①凡本网注明…不得转载。).
_DISCLAIMER_CLAUSE = re.compile(
    "^\\s*(?:[①-⑳]|\\d{1,2}[、.．]).*(?:本[网網站]|[转轉][载載]|著作[权權]|版[权權]|侵[权權])"
)
# A heading after which the short lines are a list of other reports.
_RELATED_HEADING = re.compile(
    "^\\s*(?:相[关關]|延伸|推[荐薦]|更多|[热熱][门門]|往期)(?:[报報]道|文章|[阅閱][读讀]|新[闻聞]|[链鏈]接|推[荐薦])?\\s*[:：]?\\s*$|^\\s*相[关關](?:文章|[阅閱][读讀]|新[闻聞]|[链鏈]接|[报報]道)"
)
# Lines of separators only: | - — * · and spaces.
_SEPARATORS = re.compile("^[\\s|｜\\-—_*·•]+$")
_SENTENCE_END = ("。", "！", "？", "!", "?", "；", "…", "”", "」", "』")
_LONG_LINE = 40


class _Line(Enum):
    BLANK = "blank"
    FOOTER = "footer"
    RELATED = "related"
    BODY = "body"
    OTHER = "other"


def _kind(line: str) -> _Line:
    stripped = line.strip()
    if not stripped:
        return _Line.BLANK
    if _RELATED_HEADING.search(stripped):
        return _Line.RELATED
    if _SEPARATORS.match(stripped) or _DISCLAIMER_CLAUSE.search(stripped):
        return _Line.FOOTER
    sentence = stripped.endswith(_SENTENCE_END)
    if _FOOTER.search(stripped) and (len(stripped) <= 2 * _LONG_LINE or not sentence):
        return _Line.FOOTER
    navigation = _NAVIGATION.search(stripped)
    if navigation and (navigation.start() == 0 or not sentence):
        return _Line.FOOTER
    if sentence or len(stripped) > _LONG_LINE:
        return _Line.BODY
    return _Line.OTHER


def boilerplate_tail(text: str) -> list[Edit]:
    """Cut the page tail; keep everything up to and including the last body line."""
    lines = list(line_spans(text))
    # Read up from the end to the last body line; nothing above it is looked at.
    kinds: dict[int, _Line] = {}
    last_body = -1
    for index in range(len(lines) - 1, -1, -1):
        kinds[index] = _kind(text[slice(*lines[index])])
        if kinds[index] is _Line.BODY:
            last_body = index
            break
    # Below the last body line: the candidate block. Short lines after a related-reports
    # heading are that list's items, footer material too.
    block = list(range(last_body + 1, len(lines)))
    in_list = False
    for index in block:
        if kinds[index] is _Line.RELATED:
            in_list = True
        elif kinds[index] is _Line.OTHER and in_list:
            kinds[index] = _Line.FOOTER
    # The cut starts at the first footer line from which, to the end, footer lines are at
    # least as many as other non-blank lines; a line above it (a date, 来源, （完）) stays.
    cut_index = None
    for index in block:
        if kinds[index] not in (_Line.FOOTER, _Line.RELATED):
            continue
        rest = [kinds[i] for i in range(index, len(lines)) if kinds[i] is not _Line.BLANK]
        footer = sum(kind in (_Line.FOOTER, _Line.RELATED) for kind in rest)
        if footer >= len(rest) - footer:
            cut_index = index
            break
    if cut_index is None:
        return []
    # Start the cut right after the last kept non-blank line, blank lines included.
    keep = cut_index - 1
    while keep >= 0 and kinds[keep] is _Line.BLANK:
        keep -= 1
    if keep < 0:
        return []  # the whole page looks like furniture: leave it for the analyst
    cut = lines[keep][1]
    return [Edit(cut, len(text), "")] if cut < len(text) else []
