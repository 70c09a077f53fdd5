"""The page tail: site furniture after the article body (copyright, ICP numbers, hotlines,
app promotion, editor credits, share/print/back-to-top links, related-reports lists).

The tail is the last block of the page where footer lines dominate. Reading up from
the end, a line that reads as body stops the search: nothing above it is ever cut, so
a body that merely mentions 版权 or 转载 is safe. A line is judged by what it holds, not by
one marker: a sentence of twenty characters with no footer material in it makes it body (a
paragraph that ends with ``（责任编辑：王明）`` loses the credit alone), and a line of mostly
Latin-1 letters is article text decoded with the wrong code page, never a notice.
"""

from __future__ import annotations

import re
from enum import Enum

from desktop.core.offsets import Edit
from desktop.core.text.chinese import HAN_CLASS, line_spans
from desktop.core.text.mojibake import LATIN1

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
            # reprint and copyright disclaimers
            "版[权權][归歸]|如有侵[权權]|[联聯][系繫]删除|[联聯][系繫]刪除|不代表本(?:[网網]|站|[报報]|平台)|[仅僅]供[参參]考"
            "|未[经經](?:授[权權]|许可|許可)|禁止[转轉][载載]|[转轉][载載][请請]",
            # log-in and registration prompts
            "(?:会员|會員|用[户戶]|[账賬][号號])[登註注]?[录錄册冊]|忘[记記]密[码碼]|[注註][册冊]新用[户戶]|立即[注註][册冊]",
            # phone and QR prompts, app and account promotion
            "手[机機](?:[扫掃][码碼]|[看阅閱][读讀]?|[浏瀏][览覽])|[扫掃][码碼](?:[阅閱][读讀]|[关關][注註]|[观觀]看)"
            "|[关關][注註](?:[公官]方)?(?:[公众眾][号號]|微信|微博|抖音)|微信[公众眾][号號]|打[开開]APP|APP[内內][阅閱]",
            # comment blocks
            "\\d+\\s*[则則条條]留言|[发發][表布](?:留言|[评評][论論])|[网網]友[评評][论論]|我要[评評][论論]|留言板",
            # accessibility statements
            "无障碍|無障礙|[长長]者模式|[适適]老化|[读讀]屏",
            # e-paper page residue
            "第\\s*\\d{1,3}\\s*版[:：\\s]|版面[导導][航覽]|[上下]一版|[电電]子版|[数數]字[报報]|PDF版|本版[责責][编編]",
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
    "^\\s*[【\\[]\\s*(?:全文|相[关關]|延伸|原文|[阅閱][读讀])?\\s*(?:[链鏈]接|[阅閱][读讀]|全文)\\s*[】\\]]|"
    "^\\s*(?:相[关關]|延伸|推[荐薦]|更多|[热熱][门門]|往期)(?:[报報]道|文章|[阅閱][读讀]|新[闻聞]|[链鏈]接|推[荐薦])?\\s*[:：]?\\s*$|^\\s*相[关關](?:文章|[阅閱][读讀]|新[闻聞]|[链鏈]接|[报報]道)"
)
# Lines of separators only: | - — * · spaces, and the borders of a table drawn in text.
_SEPARATORS = re.compile("^[\\s|｜\\-—_*·•─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬+=]+$")
# A line of links only (a 【全文链接】 list's items).
_LINKS = re.compile("^(?:\\s*(?:[【\\[][^】\\]]{1,12}[】\\]])?\\s*https?://\\S+)+\\s*$")
# An editor's credit in brackets at the end of a body paragraph: cut, the paragraph kept. A
# reporter's or author's byline ((记者 杨鸣宇 整理)) says who wrote the article: it stays.
_TRAILING_CREDIT = re.compile(
    "[（(【\\[]\\s*(?:[责責]任)?(?:[编編][辑輯]|[审審][核校]|校[对對]|[编編][审審])"
    "\\s*[:：]?\\s*[^（()）【】\\[\\]]{1,24}[）)】\\]]\\s*$"
)
_SENTENCE_END = ("。", "！", "？", "!", "?", "；", "…", "”", "」", "』")
_LONG_LINE = 40
_HAN = re.compile(f"[{HAN_CLASS}]")
# A sentence this long with nothing of a footer in it is the article's, wherever it stands.
BODY_SENTENCE = 20
MOJIBAKE_MIN, MOJIBAKE_SHARE = 6, 0.3


class _Line(Enum):
    BLANK = "blank"
    FOOTER = "footer"
    RELATED = "related"
    BODY = "body"
    OTHER = "other"


def _mojibake(line: str) -> bool:
    """Mostly Latin-1 letters: a body decoded with the wrong code page, not a notice."""
    found = len(LATIN1.findall(line))
    return found >= MOJIBAKE_MIN and found >= MOJIBAKE_SHARE * len(line.replace(" ", ""))


def _holds_body(text: str) -> bool:
    """A sentence of the article's own: BODY_SENTENCE characters with no footer or navigation
    material, or twice as long with one mention inside its running text (保护版权所有者的权益)."""
    for sentence in re.split("[。！？!?；]", text):
        length = len(_HAN.findall(sentence))
        if length < BODY_SENTENCE or _NAVIGATION.search(sentence):
            continue
        markers = list(_FOOTER.finditer(sentence))
        if not markers:
            return True
        if len(markers) == 1 and length >= 2 * BODY_SENTENCE:
            marker = markers[0]
            inside = marker.start() > 0 and not re.match("\\s*[:：©]", sentence[marker.end() :])
            if inside:
                return True
    return False


def _kind(line: str) -> _Line:
    stripped = line.strip()
    if not stripped:
        return _Line.BLANK
    if _mojibake(stripped):
        return _Line.BODY
    if _RELATED_HEADING.search(stripped):
        return _Line.RELATED
    if _SEPARATORS.match(stripped) or _DISCLAIMER_CLAUSE.search(stripped) or _LINKS.match(stripped):
        return _Line.FOOTER
    credit = _TRAILING_CREDIT.search(stripped)
    if credit and _holds_body(stripped[: credit.start()]):
        return _Line.BODY  # a paragraph that ends with its editor's name: the credit alone goes
    sentence = stripped.endswith(_SENTENCE_END)
    footer = _FOOTER.search(stripped) is not None and (len(stripped) <= 2 * _LONG_LINE or not sentence)
    navigation = _NAVIGATION.search(stripped)
    leads = navigation is not None and (navigation.start() == 0 or not sentence)
    if (footer or leads) and not _holds_body(stripped):
        return _Line.FOOTER
    if sentence or len(stripped) > _LONG_LINE:
        return _Line.BODY
    return _Line.OTHER


def _credit_edit(text: str, line: tuple[int, int]) -> list[Edit]:
    """The editor's credit that ends a body line, with the spaces before it."""
    start, end = line
    credit = _TRAILING_CREDIT.search(text, start, end)
    if credit is None or not _holds_body(text[start : credit.start()]):
        return []
    cut = credit.start()
    while cut > start and text[cut - 1] in " \u3000\t":
        cut -= 1
    return [Edit(cut, end, "")]


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
    credit = _credit_edit(text, lines[last_body]) if last_body >= 0 else []
    if cut_index is None:
        return credit
    # Start the cut right after the last kept non-blank line, blank lines included.
    keep = cut_index - 1
    while keep >= 0 and kinds[keep] is _Line.BLANK:
        keep -= 1
    if keep < 0:
        return []  # the whole page looks like furniture: leave it for the analyst
    cut = lines[keep][1]
    return [*credit, Edit(cut, len(text), "")] if cut < len(text) else credit
