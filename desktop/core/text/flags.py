"""Suspicious spots in the original text that no rule may repair: flagged with offsets, never changed."""

from __future__ import annotations

import re

from desktop.core.models import Flag, FlagKind
from desktop.core.text.chinese import CHINESE_NUMERALS, DIGITS, HAN_CLASS, SENTENCE_END

_EXCERPT_RADIUS = 8

_HAN = re.compile(f"[{HAN_CLASS}]")
# '?' standing for a lost character, or private-use code points from a wrong decoding.
_SUSPECT_RUN = re.compile("[?\ue000-\uf8ff]+")
_QUESTION_WORDS = re.compile(
    "吗|嗎|呢|什么|什麼|甚麼|哪|如何|怎|为何|為何|为什么|為什麼|是否|能否|可否|多少|几|幾|谁|誰|何|难道|難道|"
    "有没有|有沒有|是不是|能不能|会不会|會不會|要不要|可不可以"
)
# A question in an interview or an FAQ: its line opens with the asker, or the next line answers.
_ASKED = re.compile("^\\s*(?:问|問|Q|提问|提問|记者|記者)\\s*[0-9０-９]*\\s*[:：.．、]", re.MULTILINE)
_ANSWER = re.compile("\\s*(?:答|A|回答|答复|答覆)\\s*[0-9０-９]*\\s*[:：.．、]|\\s*[\\u4e00-\\u9fff]{2,4}[:：]")
_PINYIN_AFTER = re.compile("[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")

# Each pattern starts with its literal, so that the engine can skip to candidates; what
# must precede it is checked by a lookbehind after the literal.
_PERCENT_WITHOUT_NUMBER = re.compile(rf"[%％](?<![{DIGITS}{CHINESE_NUMERALS}.．%％][%％])")
_YEAR_SINCE_WITHOUT_NUMBER = re.compile(
    rf"年以[来來](?<![{DIGITS}{CHINESE_NUMERALS}今去明前近多历歷往当當同该該本上连連半每数數余餘来來些成周週早晚]年以[来來])"
)
# An amount of money straight after the word for what was measured: its digits were lost (产值万元).
_AMOUNT_WITHOUT_NUMBER = re.compile(
    "[万萬亿億]元(?<=(?:产值|產值|收入|总额|總額|投资|投資|营收|營收|利润|利潤|税收|稅收)[万萬亿億]元)"
    # 亿元以上项目, 万元以上: a size class the genre writes without a number.
    "(?!以[上下]|级|級|规模|規模|量级|量級)"
)
# A year or month whose digits were lost after 于/在/至/从 (于年第四次会议, 于月日召开): only where what
# follows is what follows a date, so that 在年底, 在年轻人 or 在月球 stay unflagged.
_DATE_WITHOUT_NUMBER = re.compile(
    "[年月](?<=[于於在至到自从從][年月])"
    "(?:(?<=年)(?=第|[0-9０-９一二三四五六七八九十]{1,2}月|月|[,，、。；]|起|以来|以來|召开|召開|举行|舉行|发布|發布|印发|印發|开始|開始|实施|實施|施行)"
    "|(?<=月)(?=日|[0-9０-９]{1,2}日))"
)
_YEAR_OPENING_CLAUSE = re.compile(r"年(?=[,，是、的初底末起至])(?:(?<=^年)|(?<=[\n,，:：。；;“]年))", re.MULTILINE)


def _excerpt(text: str, start: int, end: int) -> str:
    return text[max(0, start - _EXCERPT_RADIUS) : end + _EXCERPT_RADIUS]


def _is_question_mark(text: str, position: int) -> bool:
    """A '?' that ends a question: the clause before it asks something, its line opens
    with the asker, or the next line answers it."""
    following = text[position + 1 : position + 2]
    if following in ("!", "！"):
        return False
    clause_start = max(text.rfind(mark, 0, position) for mark in SENTENCE_END)
    if _QUESTION_WORDS.search(text, clause_start + 1, position) is not None:
        return True
    line_start = text.rfind("\n", 0, position) + 1
    if _ASKED.match(text, line_start):
        return True
    line_end = text.find("\n", position)
    at_line_end = line_end >= 0 and not text[position + 1 : line_end].strip()
    return at_line_end and _ANSWER.match(text, line_end + 1) is not None


def mojibake_flags(text: str) -> list[Flag]:
    flags: list[Flag] = []
    han = _HAN
    for match in _SUSPECT_RUN.finditer(text):
        start, end = match.span()
        run = match.group()
        if run == "?":
            before = text[start - 1 : start]
            pinyin_after = _PINYIN_AFTER.match(text, end) is not None
            # After a character, or after the ')' of a reading: a character may be lost there.
            after_text = han.fullmatch(before) is not None or before in (")", "）")
            if pinyin_after and not after_text:
                continue
            if not pinyin_after and (not after_text or _is_question_mark(text, start)):
                continue
        flags.append(Flag(FlagKind.MOJIBAKE, start, end, _excerpt(text, start, end)))
    for match in re.finditer("\ufffd+", text):
        flags.append(Flag(FlagKind.REPLACEMENT_CHARACTER, match.start(), match.end(), _excerpt(text, *match.span())))
    return flags


def missing_digit_flags(text: str) -> list[Flag]:
    flags: list[Flag] = []
    patterns = (
        _PERCENT_WITHOUT_NUMBER,
        _YEAR_SINCE_WITHOUT_NUMBER,
        _YEAR_OPENING_CLAUSE,
        _AMOUNT_WITHOUT_NUMBER,
        _DATE_WITHOUT_NUMBER,
    )
    for pattern in patterns:
        for match in pattern.finditer(text):
            start = match.start()
            flags.append(Flag(FlagKind.MISSING_DIGITS, start, start + 1, _excerpt(text, start, start + 1)))
    return flags


def redecoded_flags(text: str) -> list[Flag]:
    """Runs of Chinese in the wrong code page that the Simplified text reads again (text.mojibake)."""
    from desktop.core.text.mojibake import has_latin1, repairable_runs

    if not has_latin1(text):
        return []
    return [Flag(FlagKind.REDECODED, start, end, text[start:end][:40]) for start, end, _ in repairable_runs(text)]


def find_flags(text: str) -> list[Flag]:
    """All flags of an original text, in text order."""
    flags = mojibake_flags(text) + missing_digit_flags(text) + redecoded_flags(text)
    return sorted(flags, key=lambda flag: (flag.original_start, flag.original_end, flag.kind.value))
