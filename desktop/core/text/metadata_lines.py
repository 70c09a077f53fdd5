"""Metadata a crawled page states as fields: a source or issuing body, a date, a document number,
a URL. Read from the clean Simplified text, so readings and the script are already dealt with.

Only what the text says is taken, and only where it says it as a field:

* a label and its value (``来源：``, ``发布机构：``, ``发布时间：``, ``文号：``, ``网址：`` …) at the start
  of a line, or after white space or a separator in a line that holds no sentence (a row of
  fields such as ``索引号：…　发布机构：…　发文日期：…``); the value ends where the next label
  begins; a label alone on its line takes the next line as its value when that line is short;
* a date leading a line (``2021-03-06 10:20 来源：新华网``, ``2020年11月2日 星期一``); after it, an
  unlabelled name that says it is a source (``人民网``, ``某某县融媒体中心``: it ends as sources end)
  and nothing else but furniture (``分享到``);
* a line that is a document number alone (``国办发〔2021〕12号``), a line that is a URL after at
  most a short label.

A label inside a sentence (a disclaimer's ``凡本网注明“来源:…”``), a document cited in the body
(``根据…（国发〔2020〕5号）``), a day without a year (``5月10日``) fill nothing. The first
statement of a field wins. Labels come from the field rows of government information-disclosure
pages (索引号, 发布机构, 成文日期, 发文字号, 主题分类 …) and of news pages (来源, 信息来源, 发布时间,
编辑 …); the Traditional forms of the older labels are kept for callers with unconverted text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from desktop.core.line_starts import LineStarts
from desktop.core.metadata import DATE, DOCUMENT_NUMBER, ISSUER, URL, parse_date

_ISSUER_LABELS = (
    "信息来源|稿件来源|文章来源|新闻来源|来源单位|来源网站|来源|來源|发文机关|發文機關|发文单位|發文單位"
    "|发布机构|發佈機構|發布機構|发布单位|發佈單位|發布單位|发布部门|發佈部門|發布部門|成文单位|成文單位|发布者"
)
_DATE_LABELS = (
    "(?:发布|发表|公开|印发|成文|生效|发文|公布|更新|施行)(?:日期|时间)"
    "|發佈日期|發布日期|成文日期|發文日期|印發日期|發佈時間|發布時間|日期|时间|時間"
)
_NUMBER_LABELS = "发文字号|發文字號|文件编号|发文号|文号|文號"
_URL_LABELS = "本文链接|原文链接|原文鏈接|原文地址|原文网址|网址|網址|链接|鏈接|URL|url"
# Labels of fields we do not keep: recognised so that a value ends where the next begins.
_OTHER_LABELS = (
    "作者|责任编辑|責任編輯|编辑|編輯|记者|記者|点击数|点击|點擊|浏览次数|瀏覽次數|浏览量|阅读量|阅读|访问量|字号|字號"
    "|索引号|索引號|主题分类|主題分類|体裁分类|组配分类|所属主题|公文种类|信息类别|文种|主题词|有效性|名称|分类"
)
_LABEL = rf"(?:{_ISSUER_LABELS}|{_DATE_LABELS}|{_NUMBER_LABELS}|{_URL_LABELS}|{_OTHER_LABELS})"
_COLON = r"\s*[:：]\s*"
# A label where a field may start: the line's start, or after white space or a separator.
_FIELD_START = re.compile(rf"(?:^|(?<=[\s|｜丨/]))({_LABEL}){_COLON}")
_DATE_AT_START = re.compile(
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*"
)
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]\s*")
# What may follow a date and its source on the line: the page's own furniture.
_FURNITURE_WORDS = re.compile(r"(?:分享到|分享|打印|关闭|收藏|字号|[大中小](?:\s*[大中小]){1,2}|[|｜丨]|\s)*")
# An unlabelled name stated after a date is a source only when it ends as the names of sources do.
_SOURCE_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,14}(?:网|网站|报|日报|晚报|社|通讯社|台|电视台|广播电视台|中心|融媒体中心|政府|办公室|办公厅"
    r"|委员会|委|局|厅|部|署|客户端|新闻|频道|杂志|在线)"
)
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,16}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*[号號]")
_URL = re.compile(r"https?://[^\s<>\"“”'‘’，。；）)]+", re.ASCII)
# What may stand before a URL on its line: a short label and a colon (转载请注明地址:).
_URL_PREFIX = re.compile(r"(?:[^\s:：]{1,12}[:：])?\s*")
_SENTENCE_END = re.compile(r"[。！？!?]")
# A reading after a character (新华网(wǎng)) is never part of a field's value.
_READING = re.compile(r"(?<=[\u4e00-\u9fff])[(（]\s?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?\s?[)）]")
# What a line that states a field holds at least one of: a colon, a leading year, a web address,
# a document number's 号.
# Searched in the whole text as two patterns: one alternation with "^" in it made the engine try
# every alternative at every character, twice as slow. White space before a year stays on its line.
_FIELD_MARK = re.compile(r"[:：号號]|https?://")
_YEAR_LINES = LineStarts(r"[^\S\n]*\d{4}")
_FIELDS = (ISSUER, DATE, DOCUMENT_NUMBER, URL)
_LONGEST_VALUE = 60
_LINES_WITHOUT_LABELS = 200  # a field line is short; longer lines are prose
_BLANK = " \u3000\t\u00a0"


def _issuer(value: str) -> str:
    value = value.strip(_BLANK + "“”\"'")
    if not value or len(value) > _LONGEST_VALUE or _SENTENCE_END.search(value):
        return ""
    return value


def _value_of(field: str, value: str) -> str:
    """What a field's value reads as ('' when it is no value of that field)."""
    if field == ISSUER:
        return _issuer(value)
    if field == DATE:
        date_match = _DATE_AT_START.match(value)
        return (parse_date(date_match.group(1)) or "") if date_match else ""
    if field == DOCUMENT_NUMBER:
        number = _DOCUMENT_NUMBER.fullmatch(value)
        return number.group(0) if number else ""
    url = _URL.match(value)
    return url.group(0) if url else ""


def _field_of(label: str) -> str | None:
    for field, labels in ((ISSUER, _ISSUER_LABELS), (DATE, _DATE_LABELS), (DOCUMENT_NUMBER, _NUMBER_LABELS)):
        if re.fullmatch(labels, label):
            return field
    return URL if re.fullmatch(_URL_LABELS, label) else None


def _labelled(line: str, next_line: Callable[[], str]) -> dict[str, str]:
    """The labelled fields of one line; a label alone on the line reads ``next_line()``."""
    starts = list(_FIELD_START.finditer(line))
    if not starts or (starts[0].start() > 0 and _SENTENCE_END.search(line)):
        return {}
    found: dict[str, str] = {}
    for number, start in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(line)
        value = line[start.end() : end].strip(_BLANK + "|｜丨")
        if not value and len(starts) == 1 and not line[: start.start()].strip(_BLANK):
            following = next_line().strip(_BLANK)
            value = following if len(following) <= _LONGEST_VALUE else ""
            if _FIELD_START.search(value):
                value = ""
        field = _field_of(start.group(1))
        if field is not None and value:
            found.setdefault(field, _value_of(field, value))
    return {field: value for field, value in found.items() if value}


def _no_line() -> str:
    return ""


def _fields_of(line: str, next_line: Callable[[], str] = _no_line) -> dict[str, str]:
    """The fields of one line (a date leading it, labels, an unlabelled source after the date)."""
    rest = line.strip(_BLANK)
    date_first = _DATE_AT_START.match(rest)
    if date_first is None:
        return _labelled(rest, next_line)
    date = parse_date(date_first.group(1))
    found: dict[str, str] = {DATE: date} if date else {}
    rest = rest[date_first.end() :]
    weekday = _WEEKDAY.match(rest)
    if weekday:
        rest = rest[weekday.end() :]
    rest = rest.strip(_BLANK)
    if not rest:
        return found
    labelled = _labelled(rest, _no_line)
    if labelled:
        return {**labelled, **found}
    source = _SOURCE_NAME.match(rest)
    if source and _FURNITURE_WORDS.fullmatch(rest[source.end() :]):
        return {**found, ISSUER: source.group(0)}
    return {}  # a sentence that starts with a date (2021年3月5日，全县召开…) states no field


def _url_line(line: str) -> str:
    stripped = line.strip(_BLANK)
    url = _URL.search(stripped)
    if url is None or not _URL_PREFIX.fullmatch(stripped[: url.start()]) or stripped[url.end() :].strip():
        return ""
    return url.group(0).rstrip(".,;:")


def _lines_that_may_state(text: str, lines: list[str]) -> list[int]:
    """Indices of the lines with a field's mark, short enough to hold fields, in order.

    Found by one search of the whole text: most lines of a page are prose, and looking at each
    line in Python cost more than reading the few that may state something.
    """
    marks = [mark.start() for mark in _FIELD_MARK.finditer(text)]
    marks += [line_start for line_start, _year in _YEAR_LINES.matches(text)]
    indices: list[int] = []
    index = position = 0
    for mark in sorted(marks):
        index += text.count("\n", position, mark)
        position = mark
        if (not indices or indices[-1] != index) and len(lines[index]) <= _LINES_WITHOUT_LABELS:
            indices.append(index)
    return indices


def _next_shown(lines: list[str], index: int) -> str:
    """The first line after ``index`` that is not blank, without readings ('' when none is)."""
    for later in range(index + 1, len(lines)):
        if lines[later].strip(_BLANK):
            return _READING.sub("", lines[later])
    return ""


def stated_metadata(text: str) -> dict[str, str]:
    """Field name -> value for what the page states as fields (see the module's rules)."""
    found: dict[str, str] = {}
    lines = text.split("\n")
    for index in _lines_that_may_state(text, lines):
        line = lines[index]
        if "(" in line or "（" in line:
            line = _READING.sub("", line)
        # The next line is read only for a label alone on its line.
        next_line = partial(_next_shown, lines, index)
        for name, value in _fields_of(line, next_line).items():
            found.setdefault(name, value)
        if DOCUMENT_NUMBER not in found and ("号" in line or "號" in line):
            number = _DOCUMENT_NUMBER.fullmatch(line.strip(_BLANK))
            if number:
                found[DOCUMENT_NUMBER] = number.group(0)
        if URL not in found and "http" in line:
            url = _url_line(line)
            if url:
                found[URL] = url
        if len(found) == len(_FIELDS):
            break  # the first statement of each field wins: nothing below can change them
    return found
