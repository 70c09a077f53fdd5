"""Each cleaning rule and flag on tables of cases, and the rule switches."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.models import FlagKind
from desktop.core.offsets import apply_edits
from desktop.core.text.chinese import line_spans
from desktop.core.text.cleaning import DEFAULT_RULES, RULES, check_rules, doubled_punctuation, rule
from desktop.core.text.flags import find_flags
from desktop.core.text.headlines import repeated_title
from desktop.core.text.pinyin_notes import pinyin_note_edits
from desktop.core.text.pipeline import process
from desktop.core.text.tails import boilerplate_tail

NOTES = "寧津縣創(chuàng)業(yè),推進(jìn)經(jīng)濟發(fā)展。"


def test_every_rule_name_finds_its_function() -> None:
    # The registry names modules and functions as strings, to import them only when a rule runs.
    assert [rule(name).__name__ for name in RULES] == [
        "mojibake_edits",
        "pinyin_note_edits",
        "doubled_punctuation",
        "repeated_title",
        "boilerplate_tail",
    ]


def cleaned(rule, text: str) -> str:  # type: ignore[no-untyped-def]
    return apply_edits(text, rule(text))


def test_pinyin_notes_are_removed_when_confirmed() -> None:
    assert cleaned(pinyin_note_edits, NOTES) == "寧津縣創業,推進經濟發展。"


@pytest.mark.parametrize(
    "kept",
    ["鄉鎮(街道)", "總值(GDP)", "(一)加快建設", "辦法(试行)", "方案(a)", "規劃(2021-2025年)", "項目(an)", "測試(Ab)"],
)
def test_parentheses_that_are_not_readings_stay(kept: str) -> None:
    text = NOTES + kept
    assert cleaned(pinyin_note_edits, text) == "寧津縣創業,推進經濟發展。" + kept


def test_a_lone_reading_after_a_character_t2s_changes_is_an_artifact() -> None:
    assert cleaned(pinyin_note_edits, "創(chuàng)新是第一動力,方案(a)。") == "創新是第一動力,方案(a)。"


def test_wrong_reading_stays() -> None:
    text = NOTES + "創(zhōng)"
    assert cleaned(pinyin_note_edits, text).endswith("創(zhōng)")


def test_tone_numbers_and_fullwidth_parentheses() -> None:
    text = "創（chuang4）業(ye4)推進（jin4）"
    assert cleaned(pinyin_note_edits, text) == "創業推進"


def test_reading_after_mojibake_goes_with_confirmed_notes() -> None:
    assert cleaned(pinyin_note_edits, NOTES + "寧津?qū)嵺") == "寧津縣創業,推進經濟發展。寧津?嵺"
    assert cleaned(pinyin_note_edits, "寧津?qū)嵺") == "寧津?qū)嵺"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("福州,、廈門", "福州、廈門"),
        ("地區,,這次", "地區,這次"),
        ("求先行,。三市", "求先行。三市"),
        ("改造,、104國道", "改造、104國道"),
        ("新篇章,。\n", "新篇章。\n"),
        ("“開門紅”,、推動", "“開門紅”、推動"),
        ("1,,2", "1,,2"),
        ("abc,,def", "abc,,def"),
        ("發展,建設", "發展,建設"),
    ],
)
def test_doubled_punctuation(text: str, expected: str) -> None:
    assert cleaned(doubled_punctuation, text) == expected


def test_repeated_title_with_and_without_date() -> None:
    title = "靜海區召開領導幹部會議"
    text = f"05.11 {title}\n\n{title}\n\n正文第一段。\n\n{title}\n\n正文第二段。"
    assert cleaned(repeated_title, text) == "05.11 靜海區召開領導幹部會議\n\n正文第一段。\n\n正文第二段。"


def test_short_or_unique_titles_are_left_alone() -> None:
    assert cleaned(repeated_title, "通知\n\n通知\n") == "通知\n\n通知\n"
    text = "加快推進高質量發展\n正文提到加快推進高質量發展。"
    assert cleaned(repeated_title, text) == text


@pytest.mark.parametrize(
    ("tail", "marker"),
    [
        ("\n\n德州新聞網版權與免責聲明:\n\n①凡本網注明的所有作品,未經本網授權不得轉載。\n", "版權"),
        (
            "\n\n预览时标签不可点收录于话题#个上一篇下一篇\n\n转载请注明地址:http://x.cn/1.html\n"
            "  • 上一篇文章:\n    • 没有热点文章\n",
            "上一篇",
        ),
        ("\n\n\n分享到:\n\n\n相關文章:\n", "分享到"),
    ],
)
def test_boilerplate_tail_is_cut_after_the_body(tail: str, marker: str) -> None:
    body = "標題\n\n正文寫了很多內容。\n\n來源:丰南区委组织部"
    result = cleaned(boilerplate_tail, body + tail)
    assert result == body
    assert marker not in result


def test_boilerplate_words_inside_the_body_are_kept() -> None:
    text = "標題\n\n本網記者報道,上一篇文章談到改革,這一篇繼續。\n\n第二段正文比較長,一直寫到這裡結束。"
    assert cleaned(boilerplate_tail, text) == text


def test_original_keeps_everything_simplified_loses_the_tail() -> None:
    original = "標題\n\n正文。\n\n分享到:\n相關文章:\n"
    processed = process(original)
    assert processed.text == "标题\n\n正文。"
    # The map still covers the whole original.
    assert processed.offset_map.original_length == len(original)


@pytest.mark.parametrize(
    ("text", "kind", "flagged"),
    [
        ("美麗幸?!睂幗蛐", FlagKind.MOJIBAKE, "?"),
        ("寧津?qū)嵺", FlagKind.MOJIBAKE, "?"),
        ("幗蛐缕\ue034?。", FlagKind.MOJIBAKE, "\ue034?"),
        ("數據\ufffd\ufffd部分", FlagKind.REPLACEMENT_CHARACTER, "\ufffd\ufffd"),
        ("同比增長%;", FlagKind.MISSING_DIGITS, "%"),
        ("再上新台阶年以来,", FlagKind.MISSING_DIGITS, "年"),
        ("孙雷:年是开局之年", FlagKind.MISSING_DIGITS, "年"),
        ("落实“三个%”的目标", FlagKind.MISSING_DIGITS, "%"),
        ("高新技术产业产值万元,", FlagKind.MISSING_DIGITS, "万"),
        ("公共預算收入億元,", FlagKind.MISSING_DIGITS, "億"),
    ],
)
def test_flags(text: str, kind: FlagKind, flagged: str) -> None:
    flags = find_flags(text)
    assert [(f.kind, text[f.original_start : f.original_end]) for f in flags] == [(kind, flagged)]


@pytest.mark.parametrize(
    "clean",
    [
        "发展思路有哪些?孙雷:今年",
        "如何推进项目建设?王海:",
        "今年以来,全县",
        "近年以来,全县",
        "2021年以来,全县",
        "增长40%;",
        "增长４０％;",
        "年度目标",
        "见http://a.cn/x?id=1",
        "产值3000万元",
        "亿元以上项目",
    ],
)
def test_no_flags_on_clean_text(clean: str) -> None:
    assert find_flags(clean) == []


def test_rules_are_switchable_and_recorded() -> None:
    original = "創(chuàng)業(yè)推進(jìn)發(fā)展,,好。"
    assert process(original).text == "创业推进发展,好。"
    without_notes = process(original, ["doubled_punctuation"])
    assert without_notes.rules == ("doubled_punctuation",)
    assert "(chuàng)" in without_notes.text
    with pytest.raises(ValueError, match="unknown cleaning rule"):
        check_rules(["no_such_rule"])


@pytest.mark.parametrize("copies", [3, 4, 50])
def test_a_page_that_is_its_headline_over_and_over_keeps_one_copy(copies: int) -> None:
    # Each copy took the newline before it, and the last one's overlapped the cut before: the map broke.
    processed = process("推进创新发展。\n" * copies, DEFAULT_RULES)
    assert processed.text.strip() == "推进创新发展。"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="甲a\n\r ", max_size=30))
def test_line_spans_are_the_lines_between_newlines(text: str) -> None:
    spans = list(line_spans(text))
    assert [text[start:end] for start, end in spans] == text.split("\n")
    assert all(end + 1 == following for (_, end), (following, _) in pairwise(spans))
