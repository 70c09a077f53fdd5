"""Metadata is taken from what a page states in lines of its own, and from nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.metadata import DATE, DOCUMENT_NUMBER, ISSUER, URL
from desktop.core.store import Store
from desktop.core.text.metadata_lines import stated_metadata
from desktop.core.text.reading import read_article
from tests.conftest import SAMPLE_DATA


def imported(store: Store, name: str) -> dict[str, str]:
    path = SAMPLE_DATA / name
    decoded = read_article(path)
    [article_id] = store.articles.add([prepare_article(decoded.text, str(path), decoded.encoding)])
    return store.metadata.values(article_id)


@pytest.mark.parametrize(
    ("sample", "field", "value"),
    [
        ("07_policy_notice_metadata.txt", DATE, "2023-04-18"),
        ("07_policy_notice_metadata.txt", ISSUER, "青禾县人民政府办公室"),
        ("07_policy_notice_metadata.txt", DOCUMENT_NUMBER, "青政办发〔2023〕7号"),
        ("07_policy_notice_metadata.txt", URL, "https://www.qinghe.example.gov.cn/zwgk/2023/0418/notice-7.html"),
        # Big5, Traditional labels (發文機關, 成文日期): the value is stored in Simplified.
        ("08_big5_regulation_chapters.txt", ISSUER, "青禾县人民政府"),
        ("08_big5_regulation_chapters.txt", DATE, "2022-05-10"),
        ("02_simplified_gb18030_crlf.txt", ISSUER, "石桥镇党政办"),
        ("02_simplified_gb18030_crlf.txt", URL, "http://www.example.com/news/1024.html"),
        # A row of fields (索引号 … 发布机构 … 成文日期), read from the clean text.
        ("09_simplified_reading_layer_credit.txt", ISSUER, "青禾县人民政府办公室"),
        ("09_simplified_reading_layer_credit.txt", DATE, "2024-04-02"),
        ("10_big5_read_as_latin1.txt", ISSUER, "石桥镇党政办"),
        ("10_big5_read_as_latin1.txt", DATE, "2024-07-12"),
    ],
)
def test_sample_articles_import_with_the_metadata_they_state(store: Store, sample: str, field: str, value: str) -> None:
    assert imported(store, sample)[field] == value


@pytest.mark.parametrize(
    ("sample", "fields"),
    [
        ("01_traditional_pinyin_utf8.txt", set()),
        ("03_big5_repeated_title.txt", set()),  # its title starts "03.18": a day without a year
        ("04_utf16_astral.txt", set()),
        ("05_mojibake_utf8_bom_cr.md", set()),
        ("06_simplified_breadcrumb_glosses.txt", set()),
        ("08_big5_regulation_chapters.txt", {ISSUER, DATE}),  # no document number, no URL line
    ],
)
def test_samples_that_state_nothing_get_nothing(store: Store, sample: str, fields: set[str]) -> None:
    assert set(imported(store, sample)) == fields


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("来源：新华网 作者：张三", {ISSUER: "新华网"}),
        ("2021-03-06 10:20 来源：新华网 编辑：李四", {DATE: "2021-03-06", ISSUER: "新华网"}),
        ("發布時間：2021年3月5日 來源：國務院辦公廳", {DATE: "2021-03-05", ISSUER: "國務院辦公廳"}),
        ("2020/12/01", {DATE: "2020-12-01"}),
        ("文号：国办发〔2021〕12号", {DOCUMENT_NUMBER: "国办发〔2021〕12号"}),
        ("  国发[2019]3号", {DOCUMENT_NUMBER: "国发[2019]3号"}),
        ("网址：https://example.org/a?b=1", {URL: "https://example.org/a?b=1"}),
        ("https://example.org/p/1.html", {URL: "https://example.org/p/1.html"}),
    ],
)
def test_a_field_line_fills_its_fields(line: str, expected: dict[str, str]) -> None:
    assert stated_metadata(f"标题\n{line}\n正文。") == expected


@pytest.mark.parametrize(
    "line",
    [
        "①凡本网注明“来源:德州新闻网”的所有作品,版权均属于德州新闻网。",  # a label inside a sentence
        "根据《意见》（国发〔2020〕5号）要求，推进改革。",  # a document cited in the body
        "5月10日,全区召开领导干部会议。",  # a day without a year
        "05.11 全区召开领导干部会议",
        "日期：2021年2月30日",  # no such day
        "来源：据统计，今年增长了百分之十。",  # prose after the label
        "详见 https://example.org/a 的说明",  # a URL inside a sentence
        "时间：下午三点",
    ],
)
def test_text_that_does_not_state_a_field_fills_nothing(line: str) -> None:
    assert stated_metadata(f"标题\n{line}\n正文。") == {}


def test_the_first_statement_of_a_field_wins() -> None:
    text = "标题\n来源：青禾县政府\n正文。\n来源：另一个网站\n2020-01-01\n2021-01-01"
    assert stated_metadata(text) == {ISSUER: "青禾县政府", DATE: "2020-01-01"}


def test_seeds_get_only_what_they_state(store: Store, seeds: list[Path]) -> None:
    found = []
    for path in seeds:
        decoded = read_article(path)
        [article_id] = store.articles.add([prepare_article(decoded.text, str(path), decoded.encoding)])
        found.append(store.metadata.values(article_id))
    # Seed 001 ends with "来源:丰南区委组织部" and a "转载请注明地址:" URL line; seed 000 and 004 say
    # "来源:德州新闻网" only inside their disclaimers; 003 starts "05.11" without a year.
    assert found[1] == {ISSUER: "丰南区委组织部", URL: "http://www.manshanhonga.com/mhjn/8866.html"}
    assert found[0] == found[2] == found[3] == found[4] == {}
