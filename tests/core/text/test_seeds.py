"""The five real crawled articles beside the project: what the Done-when of the import asks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.coding.importing import Result, import_paths
from desktop.core.layers import Layer
from desktop.core.models import SpanFilter
from desktop.core.store import Store
from desktop.core.text.convert import convert
from desktop.core.text.reading import decode

PINYIN_NOTE = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
DOUBLED = re.compile(r"[,，][,，、。]")
BOILERPLATE = re.compile("免责声明|版权|上一篇|下一篇|分享到|相关文章|转载请注明|热点文章")


@pytest.fixture
def imported(seeds: list[Path], store: Store) -> Store:
    outcomes = list(import_paths(store, seeds))
    assert [o.result for o in outcomes] == [Result.IMPORTED] * len(seeds)
    return store


def test_simplified_texts_are_clean(imported: Store) -> None:
    for article in imported.articles.iter_all():
        assert not PINYIN_NOTE.search(article.text), article.source_path
        assert not DOUBLED.search(article.text), article.source_path
        assert not BOILERPLATE.search(article.text), article.source_path
        assert article.text.count(article.text.split("\n", 1)[0]) == 1, "repeated title left"


def test_originals_are_stored_unchanged(imported: Store, seeds: list[Path]) -> None:
    for article, path in zip(imported.articles.iter_all(), seeds, strict=True):
        assert article.original_text == decode(path.read_bytes()).text


def test_flags_reach_stats(imported: Store) -> None:
    flags = imported.reports.stats(SpanFilter(layers=(Layer(""),)))["flags"]
    assert flags["mojibake"] >= 5
    assert flags["missing_digits"] >= 6
    for article in imported.articles.iter_all():
        for flag in article.flags:
            assert article.original_text[flag.original_start : flag.original_end] in flag.excerpt


def test_every_simplified_sentence_quotes_its_original(imported: Store) -> None:
    # Each sentence maps to an original span which, stripped of its readings and
    # stray commas by plain regular expressions and converted, is the sentence again.
    reading = re.compile(r"[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
    stray_comma = re.compile(r"[,，](?=[,，、。])")
    for article in imported.articles.iter_all():
        offset_map = imported.articles.offset_map(article.id)
        for match in re.finditer("[^。\n]+", article.text):
            o_start, o_end = offset_map.to_original(*match.span())
            quoted = article.original_text[o_start:o_end]
            assert convert(stray_comma.sub("", reading.sub("", quoted))) == match.group(), article.source_path
