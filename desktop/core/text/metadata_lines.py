"""Metadata a crawled page states in lines of its own: a source or issuing body, a date, a
document number, a URL.

Only what the text says is taken, and only where it says it as a field: a line that starts
with a label (``来源：``, ``發文機關:``, ``发布日期：``, ``文号：``, ``网址：`` …) or with a date,
a line that is a document number alone (``国办发〔2021〕12号``), a line that is a URL after at
most a short label. A label inside a sentence (a disclaimer's ``凡本网注明“来源:…”``), a
document cited in the body (``根据…（国发〔2020〕5号）``), a day without a year (``5月10日``)
fill nothing. The first statement of a field wins. Values are in the script of the page; the
pipeline converts them to Simplified.
"""

from __future__ import annotations

import re

from desktop.core.metadata import DATE, DOCUMENT_NUMBER, ISSUER, URL, parse_date
from desktop.core.text.chinese import line_spans

_ISSUER_LABELS = (
    "来源|來源|发文机关|發文機關|发文单位|發文單位|发布机构|發佈機構|發布機構|发布单位|發佈單位|發布單位"
    "|发布部门|發佈部門|發布部門|成文单位|成文單位"
)
_DATE_LABELS = (
    "发布日期|發佈日期|發布日期|成文日期|发文日期|發文日期|印发日期|印發日期|日期|发布时间|發佈時間|發布時間|时间|時間"
)
_NUMBER_LABELS = "发文字号|發文字號|文号|文號"
_URL_LABELS = "网址|網址|原文链接|原文鏈接|原文地址|链接|鏈接|URL|url"
# Labels crawled pages put on the same line; recognised so that a value ends where the next begins.
_OTHER_LABELS = (
    "作者|责任编辑|責任編輯|编辑|編輯|记者|記者|点击|點擊|浏览次数|瀏覽次數|字号|字號|索引号|索引號|主题分类|主題分類"
)
_LABEL = rf"(?:{_ISSUER_LABELS}|{_DATE_LABELS}|{_NUMBER_LABELS}|{_URL_LABELS}|{_OTHER_LABELS})"
_COLON = r"\s*[:：]\s*"
_FIELD = re.compile(rf"({_LABEL}){_COLON}(.*?)(?=\s*{_LABEL}{_COLON}|$)")
_DATE_AT_START = re.compile(
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*"
)
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,16}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*[号號]")
_URL = re.compile(r"https?://[^\s<>\"“”'‘’，。；）)]+", re.ASCII)
# What may stand before a URL on its line: a short label and a colon (转载请注明地址:).
_URL_PREFIX = re.compile(r"(?:[^\s:：]{1,12}[:：])?\s*")
_SENTENCE_END = re.compile(r"[。！？!?]")
_LONGEST_VALUE = 60

_LINES_WITHOUT_LABELS = 200  # a field line is short; longer lines are prose


def _issuer(value: str) -> str:
    value = value.strip(" \u3000\t“”\"'")
    if not value or len(value) > _LONGEST_VALUE or _SENTENCE_END.search(value):
        return ""
    return value


def _fields_of(line: str) -> dict[str, str]:
    """The fields of one line that starts with a label or a date; empty for any other line."""
    found: dict[str, str] = {}
    rest = line.strip(" \u3000\t")
    date_first = _DATE_AT_START.match(rest)
    if date_first:
        date = parse_date(date_first.group(1))
        if date:
            found[DATE] = date
        rest = rest[date_first.end() :]
        if not rest:
            return found
    if not re.match(_LABEL + _COLON, rest):
        return found if date_first and not rest else {}
    for label, raw in _FIELD.findall(rest):
        value = raw.strip()
        if re.fullmatch(_ISSUER_LABELS, label):
            found.setdefault(ISSUER, _issuer(value))
        elif re.fullmatch(_DATE_LABELS, label):
            date_match = _DATE_AT_START.match(value)
            date = parse_date(date_match.group(1)) if date_match else None
            if date:
                found.setdefault(DATE, date)
        elif re.fullmatch(_NUMBER_LABELS, label):
            number = _DOCUMENT_NUMBER.fullmatch(value)
            if number:
                found.setdefault(DOCUMENT_NUMBER, number.group(0))
        elif re.fullmatch(_URL_LABELS, label):
            url = _URL.match(value)
            if url:
                found.setdefault(URL, url.group(0))
    return {name: value for name, value in found.items() if value}


def _url_line(line: str) -> str:
    stripped = line.strip(" \u3000\t")
    url = _URL.search(stripped)
    if url is None or not _URL_PREFIX.fullmatch(stripped[: url.start()]) or stripped[url.end() :].strip():
        return ""
    return url.group(0).rstrip(".,;:")


def stated_metadata(original: str) -> dict[str, str]:
    """Field name -> value for what the page states in lines of its own (see the module's rules)."""
    found: dict[str, str] = {}
    for start, end in line_spans(original):
        line = original[start:end]
        if not line.strip() or len(line) > _LINES_WITHOUT_LABELS:
            continue
        for name, value in _fields_of(line).items():
            found.setdefault(name, value)
        if DOCUMENT_NUMBER not in found:
            number = _DOCUMENT_NUMBER.fullmatch(line.strip(" \u3000\t"))
            if number:
                found[DOCUMENT_NUMBER] = number.group(0)
        if URL not in found:
            url = _url_line(line)
            if url:
                found[URL] = url
    return found
