"""Coding units: numbered by what the text marks, the same on every opening, mapped to the original."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.coding.importing import prepare_article
from desktop.core.store import Store
from desktop.core.text.reading import read_article
from desktop.core.units import CHAPTER, CLAUSE, Unit, parse_label, split_units, unit_columns
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


def units_line_by_line(text: str) -> list[Unit]:
    """The units as the module's docstring defines them, line by line and piece by piece."""
    units: list[Unit] = []
    chapter = clause = sentence = 0
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            if CHAPTER.match(line):
                chapter, clause, sentence = chapter + 1, 0, 0
            elif CLAUSE.match(line):
                clause, sentence = clause + 1, 0
            for piece in re.finditer(r"[^。！？；!?]*(?:[。！？；!?]+[”’」』）)\]】]*|$)", line):
                kept = piece.group().strip()
                if kept:
                    sentence += 1
                    start = line_start + piece.start() + piece.group().index(kept)
                    units.append(Unit(start, start + len(kept), chapter, clause, sentence))
        line_start += len(line) + 1
    return units


# Every kind of white space Python knows, sentence ends, closing marks and the markers' characters.
UNIT_ALPHABET = st.sampled_from(
    [chr(code) for code in range(0x3001) if chr(code).isspace()]
    + list("一二十、（）()第章条1２.．。；！？!?”’」』）)]】甲乙𠮷“")
)


@settings(max_examples=500, deadline=None)
@given(st.lists(UNIT_ALPHABET, max_size=80).map("".join))
def test_units_found_in_the_whole_text_are_those_of_the_line_by_line_definition(text: str) -> None:
    assert split_units(text) == units_line_by_line(text)


def test_unit_columns_are_the_units_mapped_one_by_one_with_their_ids() -> None:
    for path in sorted(SAMPLE_DATA.iterdir()):
        article = prepare_article(read_article(path).text, path.name, "utf-8")
        expected = [
            (u.start, u.end, *article.offset_map.to_original(u.start, u.end), u.chapter, u.clause, u.sentence)
            for u in split_units(article.text)
        ]
        columns = unit_columns(article.text, article.offset_map)
        assert list(zip(*columns, strict=True)) == expected, path.name
        assert list(columns.labels(7)) == [unit.label(7) for unit in split_units(article.text)]


def test_units_of_the_sample_articles_are_those_of_the_line_by_line_definition() -> None:
    for path in sorted(SAMPLE_DATA.iterdir()):
        text = prepare_article(read_article(path).text, path.name, "utf-8").text
        assert split_units(text) == units_line_by_line(text), path.name


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
