"""Import fidelity, kind by kind, on pages written for the project: the body is never cut, every kind
of reading artifact goes while an author's glosses stay, text in the wrong code page is read again,
metadata comes from the clean text in every layout pages use, furniture of every kind goes, and
digits lost before 年 and 月 are flagged."""

from __future__ import annotations

import pytest

from desktop.core.metadata import DATE, DOCUMENT_NUMBER, ISSUER, URL
from desktop.core.models import FlagKind
from desktop.core.text.pipeline import process

BODY = (
    "今年以来，青禾县坚持把项目建设作为经济工作的主抓手，全力推动重点项目提速增效。"
    "县里建立了项目推进专班，每月召开一次调度会，协调解决用地、资金等方面的困难。"
)
LAST = "下一步，全县将继续优化营商环境，推动项目早日落地见效"
FOOTER = "版权所有：青禾县融媒体中心\n地址：青禾县人民路1号\n"


def page(*parts: str) -> str:
    return "青禾县推进重点项目建设\n\n" + "\n\n".join(parts) + "\n"


# the body is sacred -------------------------------------------------------------------------


def test_a_paragraph_ending_in_an_editors_credit_loses_the_credit_alone() -> None:
    text = process(page(BODY, LAST + "。（责任编辑：王明）", FOOTER)).text
    assert BODY in text and LAST + "。" in text
    assert "责任编辑" not in text and "版权所有" not in text


def test_a_credit_without_a_full_stop_before_it_leaves_the_paragraph_whole() -> None:
    text = process(page(BODY, LAST + "（责任编辑：王明）", FOOTER)).text
    assert text.rstrip().endswith(LAST) and BODY in text


def test_a_body_sentence_that_mentions_copyright_is_body() -> None:
    sentence = "县知识产权局提醒企业，要依法保护版权所有者的合法权益，积极开展商标和专利的注册工作，切实维护自身权益。"
    text = process(page(BODY, sentence, FOOTER)).text
    assert sentence in text and "地址" not in text


def test_a_body_in_the_wrong_code_page_stays_and_is_read_again() -> None:
    damaged = "全縣上半年完成固定資產投資增長百分之十二，重點項目建設進展順利。".encode("big5").decode("latin-1")
    processed = process(page(BODY, damaged, FOOTER))
    assert "全县上半年完成固定资产投资增长百分之十二，重点项目建设进展顺利。" in processed.text
    assert "版权所有" not in processed.text
    [flag] = [flag for flag in processed.flags if flag.kind is FlagKind.REDECODED]
    assert flag.excerpt.startswith(damaged[:10])
    assert processed.text[flag.start : flag.end].startswith("全县上半年")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "big5"])
@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_chinese_read_with_the_wrong_code_page_is_read_again(encoding: str, wrong: str) -> None:
    sentence = (
        "推進鄉村振興戰略，加快建設現代化產業體系。"
        if encoding == "big5"
        else "推进乡村振兴战略，加快建设现代化产业体系。"
    )
    try:
        damaged = sentence.encode(encoding).decode(wrong)
    except UnicodeDecodeError:
        pytest.skip(f"{encoding} bytes are not all {wrong}")
    assert "推进乡村振兴战略，加快建设现代化产业体系。" in process(page(BODY, damaged)).text


@pytest.mark.parametrize("latin", ["Zhōngguó de jīngjì fāzhǎn", "café Müller résumé à la carte", "Chuàng xīn (chuàng)"])
def test_pinyin_and_european_words_are_never_read_as_chinese(latin: str) -> None:
    processed = process(page(BODY, latin))
    assert latin in processed.text
    assert not [flag for flag in processed.flags if flag.kind is FlagKind.REDECODED]


# readings --------------------------------------------------------------------------------


def test_a_simplified_page_with_toneless_readings_on_every_character_loses_them_all() -> None:
    body = "政(zheng)(zheng)府(fu)(fu)工(gong)作(zuo)报(bao)告(gao)指(zhi)出(chu)，"
    body += "今(jin)年(nian)要(yao)推(tui)进(jin)改(gai)革(ge)。"
    assert process(page(body)).text.split("\n\n")[1].strip() == "政府工作报告指出，今年要推进改革。"


def test_readings_with_stray_spaces_go_with_their_spaces() -> None:
    body = "政 (zhèng) 府 (fǔ) 工 (gōng) 作 (zuò) 报 (bào) 告 (gào) 指 (zhǐ) 出 (chū) 今 (jīn) 年 (nián) 要推进改革。"
    assert "政府工作报告指出今年要推进改革。" in process(page(body)).text


def test_a_doubled_reading_after_a_reading_goes_too() -> None:
    assert "经济发展" in process(page("推進經(jīng)(jīng)濟發(fā)展，創(chuàng)新驅(qū)動。")).text


def test_an_authors_glosses_on_a_simplified_page_stay() -> None:
    body = "记者在李焱(yàn)良家中看到，这位老人的名字常被念错，“焱(yàn)”字读作yàn。" + BODY
    text = process(page(body)).text
    assert "李焱(yàn)良" in text and "“焱(yàn)”" in text


# metadata ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("来源：县融媒体中心　　发布时间：2021-06-01", {ISSUER: "县融媒体中心", DATE: "2021-06-01"}),
        ("2020年11月02日 09:15 人民网", {DATE: "2020-11-02", ISSUER: "人民网"}),
        ("2020-11-02 09:15:33  新华网 分享到", {DATE: "2020-11-02", ISSUER: "新华网"}),
        ("2020年11月2日 星期一", {DATE: "2020-11-02"}),
        ("发布机构：\n青禾县人民政府办公室", {ISSUER: "青禾县人民政府办公室"}),
        (
            "索引号：11330-2021-0012　发布机构：青禾县人民政府办公室　发文日期：2021-03-02",
            {ISSUER: "青禾县人民政府办公室", DATE: "2021-03-02"},
        ),
        (
            "主题分类：综合政务 | 信息来源：青禾县发改局 | 成文日期：2021年05月06日",
            {ISSUER: "青禾县发改局", DATE: "2021-05-06"},
        ),
        ("来源单位：青禾县委　公开时间：2022-01-05", {ISSUER: "青禾县委", DATE: "2022-01-05"}),
        ("来源：新华网(wǎng)", {ISSUER: "新华网"}),
        ("文号：國辦發(fā)〔2021〕12號", {DOCUMENT_NUMBER: "国办发〔2021〕12号"}),
        ("發布時間：2021年3月5日　來源：青禾縣人民政府", {DATE: "2021-03-05", ISSUER: "青禾县人民政府"}),
    ],
)
def test_metadata_in_every_layout_is_read_from_the_clean_text(lines: str, expected: dict[str, str]) -> None:
    assert dict(process(page(lines, BODY)).metadata) == expected


@pytest.mark.parametrize(
    "lines",
    [
        "2021年3月5日，全县召开项目建设推进会，部署下一阶段工作。",  # a sentence that starts with a date
        "①凡本网注明“来源:青禾新闻网”的所有作品,版权均属于青禾新闻网。",
        "5月10日 青禾县召开会议",  # a day without a year
        "来源：",  # a label with nothing after it, and a long sentence on the next line
    ],
)
def test_what_a_page_does_not_state_as_a_field_fills_nothing(lines: str) -> None:
    assert dict(process(page(lines, BODY)).metadata) == {}


def test_a_pages_own_address_in_its_footer_is_read_and_nothing_else_there() -> None:
    footer = "2019-01-01 另一篇报道\n转载请注明地址:http://www.example.com/news/7.html\n版权所有：青禾新闻网\n"
    assert dict(process(page(BODY, footer)).metadata) == {URL: "http://www.example.com/news/7.html"}


# furniture ---------------------------------------------------------------------------------

FURNITURE = {
    "log-in": "会员登录\n忘记密码?\n注册新用户",
    "phone": "手机扫码阅读本文\n扫一扫在手机打开当前页",
    "comments": "0 則留言\n發表留言",
    "reprint": "本文来源于网络，版权归原作者所有，如有侵权请联系删除。",
    "accessibility": "无障碍浏览\n长者模式",
    "app": "下载青禾新闻客户端\n关注官方微信公众号",
    "e-paper": "第03版：要闻\n版面导航\n上一版　下一版",
    "table borders": "┌────┬────┐\n│    │    │\n└────┴────┘",
    "link list": "【全文链接】\nhttp://www.example.com/a.html\nhttp://www.example.com/b.html",
}


@pytest.mark.parametrize("kind", list(FURNITURE))
def test_furniture_after_the_body_goes(kind: str) -> None:
    processed = process(page(BODY, LAST + "。", FURNITURE[kind], FOOTER))
    assert processed.text.rstrip().endswith(LAST + "。"), processed.text[-80:]
    assert BODY in processed.text


def test_a_question_mark_inside_removed_furniture_raises_no_flag() -> None:
    processed = process(page(BODY, LAST + "。", FURNITURE["log-in"], FOOTER))
    assert "忘记密码" not in processed.text
    assert [flag for flag in processed.flags if flag.kind is FlagKind.MOJIBAKE] == []


# lost digits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("会议于年第四次常务会议审议通过。", True),
        ("该办法于月日起施行。", True),
        ("从年起实施新的补贴标准。", True),
        ("力争在年底前全部完工。", False),
        ("在年轻人中开展宣传。", False),
        ("于2021年第四次常务会议审议通过。", False),
        ("截至年底，全县新增就业岗位。", False),
    ],
)
def test_digits_lost_before_a_year_or_month_are_flagged(sentence: str, flagged: bool) -> None:
    flags = [flag for flag in process(page(sentence + BODY)).flags if flag.kind is FlagKind.MISSING_DIGITS]
    assert bool(flags) is flagged
