"""What real crawled pages need from cleaning: each kind of the import-fidelity issue, written for the project."""

from __future__ import annotations

import pytest

from desktop.core.models import FlagKind
from desktop.core.offsets import apply_edits
from desktop.core.text.flags import find_flags
from desktop.core.text.headlines import is_navigation, repeated_title, title_span
from desktop.core.text.pinyin_notes import pinyin_note_edits
from desktop.core.text.pipeline import process
from desktop.core.text.tails import boilerplate_tail


def cleaned(rule, text: str) -> str:  # type: ignore[no-untyped-def]
    return apply_edits(text, rule(text))


# pinyin notes ------------------------------------------------------------------------------

GLOSSES = "本报讯 新任乡长李焱(yàn)良来自赟(yūn)村,在者夯(hāng)乡工作多年。他说:“要把发展(fā zhǎn)放在首位。”"


def test_deliberate_glosses_after_shared_characters_stay() -> None:
    assert cleaned(pinyin_note_edits, GLOSSES) == GLOSSES


def test_readings_after_characters_t2s_changes_go_even_among_glosses() -> None:
    text = "李焱(yàn)良主持會(huì)議,推進創(chuàng)新。"
    assert cleaned(pinyin_note_edits, text) == "李焱(yàn)良主持會議,推進創新。"


def test_an_artifact_page_loses_its_readings_after_shared_characters_too() -> None:
    text = "青禾縣創(chuàng)業(yè)推進(jìn)工(gōng)作"
    assert cleaned(pinyin_note_edits, text) == "青禾縣創業推進工作"


def test_word_level_readings_repeated_on_a_simplified_page_go() -> None:
    text = "编辑(biānjí)来到博物馆(bówùguǎn),谈发展(fāzhǎn)。"
    assert cleaned(pinyin_note_edits, text) == "编辑来到博物馆,谈发展。"


def test_a_single_word_level_reading_is_a_gloss() -> None:
    text = "这个词读作发展(fāzhǎn)。"
    assert cleaned(pinyin_note_edits, text) == text


@pytest.mark.parametrize("note", ["(huì )", "( huì)", "(hui4)", "(HUÌ)"])
def test_spaces_tone_numbers_and_capitals_inside_the_brackets(note: str) -> None:
    assert cleaned(pinyin_note_edits, f"召開會{note}議") == "召開會議"


@pytest.mark.parametrize("kept", ["(一)", "(GDP)", "方案(a)", "(街道)", "項目(an)", "(2021-2025年)"])
def test_brackets_that_are_not_readings_stay_on_an_artifact_page(kept: str) -> None:
    text = "創(chuàng)業(yè)推進(jìn)" + kept
    assert cleaned(pinyin_note_edits, text) == "創業推進" + kept


# tails -----------------------------------------------------------------------------------------

BODY = "青禾縣部署春耕生產\n\n全縣今年計劃播種糧食作物五十萬畝。\n\n（完）"


@pytest.mark.parametrize(
    "tail",
    [
        "版權所有:青禾縣人民政府\n服務熱線:0731-1234567\n湘ICP備12345678號-1",
        "本文系本站编辑转载,文章版权归原作者所有",
        "相关报道:\n青禾县召开全县经济工作会议\n青禾县部署春耕生产\n【编辑:王小明】",
        "下载青禾新闻APP客户端\n點我下載APP",
        "回頂端",
        "技术支持:青禾网络科技有限公司\n|\n|",
        "2015© | 重要告示 | 私隱政策 修訂日期: 2015年3月1日",
        "分享到:\n打印本页 关闭窗口",
    ],
)
def test_page_tails_are_cut(tail: str) -> None:
    assert cleaned(boilerplate_tail, f"{BODY}\n\n{tail}\n") == BODY


def test_a_cut_never_reaches_into_the_body() -> None:
    # The last paragraph talks about copyright: it ends a sentence and is long, so it is body.
    last = (
        "會議強調,要加強版權保護和知識產權執法,嚴厲打擊侵權盜版行為,"
        "營造尊重創新的良好環境,為經濟高質量發展提供有力支撐。"
    )
    text = f"{BODY}\n{last}\n\n版權所有:青禾縣人民政府"
    assert cleaned(boilerplate_tail, text) == f"{BODY}\n{last}"


def test_short_closing_lines_above_the_footer_stay() -> None:
    text = "標題\n\n正文寫了很多內容。\n\n來源:青禾縣融媒體中心\n2024年3月5日\n\n分享到:\n"
    assert cleaned(boilerplate_tail, text) == "標題\n\n正文寫了很多內容。\n\n來源:青禾縣融媒體中心\n2024年3月5日"


def test_a_list_the_body_ends_with_is_not_a_tail() -> None:
    text = "標題\n\n主要任務如下:\n加快項目建設\n推進產業升級\n優化營商環境"
    assert cleaned(boilerplate_tail, text) == text


# headlines -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["首页 资讯 正文", "当前位置：首页 > 新闻 > 正文", "首頁 › 新聞", "新闻 政务 服务 互动"]
)
def test_navigation_lines(line: str) -> None:
    assert is_navigation(line)


@pytest.mark.parametrize("line", ["青禾县召开全县经济工作会议", "05.11 静海区召开领导干部会议", "首页改版后访问量翻番"])
def test_headlines_are_not_navigation(line: str) -> None:
    assert not is_navigation(line)


def test_a_repeated_headline_under_a_breadcrumb_is_dropped() -> None:
    title = "青禾县召开全县经济工作会议"
    text = f"首页 资讯 正文\n{title}\n\n{title}\n\n会议总结了去年的工作。"
    assert cleaned(repeated_title, text) == f"首页 资讯 正文\n{title}\n\n会议总结了去年的工作。"
    start, end = title_span(text) or (0, 0)
    assert text[start:end] == title


def test_titles_are_clean_simplified_and_the_original_is_kept() -> None:
    original = "首頁 資訊 正文\n青禾縣委書記林曉明:全力打造創(chuàng)新發(fā)展樣板\n\n正文。"
    processed = process(original)
    assert processed.title == "青禾县委书记林晓明:全力打造创新发展样板"
    assert processed.original_title == "青禾縣委書記林曉明:全力打造創(chuàng)新發(fā)展樣板"


# flags -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clean",
    [
        "全年投资亿元以上项目32个",
        "年投资亿元以上项目",
        "总投资万元以上的项目",
        "能否如期完成?县长说:能。",
        "项目进展如何?\n答:进展顺利。",
        "问:企业可以申请补贴?\n答:可以。",
        "这样做对不对呢?大家讨论。",
    ],
)
def test_no_false_flags(clean: str) -> None:
    assert find_flags(clean) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("任務(wù)?,F(xiàn)在", "?"), ("投資億元,", "億"), ("建設?推進", "?")],
)
def test_real_flags_remain(text: str, flagged: str) -> None:
    flags = find_flags(text)
    assert [text[f.original_start : f.original_end] for f in flags] == [flagged]
    assert flags[0].kind in (FlagKind.MOJIBAKE, FlagKind.MISSING_DIGITS)
