"""Coding units: numbered by what the text marks, the same on every opening, mapped to the original."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from desktop.core.text.reading import read_article
from desktop.core.units import parse_label, split_units
from tests.conftest import SAMPLE_DATA

NOTICE = (
    "关于推进建设的通知\n"
    "一、总体要求\n"
    "（一）指导思想。坚持发展！推进“改革。”\n"
    "1. 到2025年，增长1.5倍；2.力争完成\n"
    "（二）主要目标。\n"
    "1. 建成示范村30个。\n"
    "二、重点任务\n"
    "加强组织领导。\n"
    "第三章 附则\n"
    "第十条　本办法自发布之日起施行。\n"
)


def labelled(text: str, article_id: int = 3) -> list[tuple[str, str]]:
    return [(unit.label(article_id), text[unit.start : unit.end]) for unit in split_units(text)]


def test_chapters_clauses_and_sentences_are_counted_in_text_order() -> None:
    assert labelled(NOTICE) == [
        ("3-0-0-1", "关于推进建设的通知"),
        ("3-1-0-1", "一、总体要求"),
        ("3-1-1-1", "（一）指导思想。"),
        ("3-1-1-2", "坚持发展！"),
        ("3-1-1-3", "推进“改革。”"),  # the closing quote stays with its sentence
        ("3-1-2-1", "1. 到2025年，增长1.5倍；"),  # 1.5 is a number, not a clause
        ("3-1-2-2", "2.力争完成"),  # not at a line start: part of clause 2
        ("3-1-3-1", "（二）主要目标。"),
        ("3-1-4-1", "1. 建成示范村30个。"),  # the second "1." is the fourth clause of the chapter
        ("3-2-0-1", "二、重点任务"),
        ("3-2-0-2", "加强组织领导。"),
        ("3-3-0-1", "第三章 附则"),
        ("3-3-1-1", "第十条　本办法自发布之日起施行。"),
    ]


def test_unit_ids_parse_back() -> None:
    assert parse_label("12-3-2-1") == (12, 3, 2, 1)
    for bad in ("12-3-2", "a-1-2-3", ""):
        try:
            parse_label(bad)
        except ValueError as error:
            assert "unit id" in str(error)
        else:
            raise AssertionError(f"{bad!r} parsed")


@given(st.text(alphabet="一二、（）()第章条1.。；！？ \n\u3000甲乙𠮷“”", max_size=80))
def test_units_are_ordered_disjoint_trimmed_and_cover_every_visible_character(text: str) -> None:
    units = split_units(text)
    covered = set()
    previous_end = 0
    for unit in units:
        assert previous_end <= unit.start < unit.end <= len(text)
        assert not text[unit.start].isspace() and not text[unit.end - 1].isspace()
        covered.update(range(unit.start, unit.end))
        previous_end = unit.end
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered
    labels = [unit.label(1) for unit in units]
    assert len(labels) == len(set(labels))


def test_units_are_the_same_after_reopening_and_map_to_the_original(tmp_path: Path) -> None:
    path = SAMPLE_DATA / "08_big5_regulation_chapters.txt"
    decoded = read_article(path)
    with Store.open(tmp_path / "a.db") as store:
        [article_id] = store.articles.add([prepare_article(decoded.text, str(path), decoded.encoding)])
        first = store.units.of_article(article_id)
    with Store.open(tmp_path / "a.db") as store:
        again = store.units.of_article(article_id)
        text = store.articles.text(article_id)
        original = store.articles.get(article_id).original_text
    assert again == first
    by_label = {unit.label: unit for unit in again}
    article = by_label[f"{article_id}-1-1-1"]
    assert text[article.start : article.end] == "第一条　为改善农村人居环境，建设美丽宜居乡村，制定本办法。"
    traditional = "第一條　為改善農村人居環境，建設美麗宜居鄉村，制定本辦法。"
    assert original[article.original_start : article.original_end] == traditional


def test_units_beside_characters_outside_the_bmp(store: Store) -> None:
    original = "推进𠮷祥街区改造。建设𠮷祥广场！\n"
    [article_id] = store.articles.add([prepare_article(original, "a.txt", "utf-8")])
    units = store.units.of_article(article_id)
    text = store.articles.text(article_id)
    assert [text[u.start : u.end] for u in units] == ["推进𠮷祥街区改造。", "建设𠮷祥广场！"]
    assert [original[u.original_start : u.original_end] for u in units] == ["推进𠮷祥街区改造。", "建设𠮷祥广场！"]
