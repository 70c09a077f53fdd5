"""Corpus search: index terms, required literals, hits in both scripts, filters, the index kept in step."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.coding.importing import import_paths, prepare_article
from desktop.core.coding.reprocessing import reprocess_article
from desktop.core.layers import Layer
from desktop.core.models import Status
from desktop.core.offsets import OffsetMap
from desktop.core.search import searching
from desktop.core.search.required_literals import required_literals
from desktop.core.search.searching import SearchError, SearchFilter, count, hits, matching_articles, prepare
from desktop.core.search_terms import LAST_SPACE, folded, index_terms, query_terms
from desktop.core.store import Store
from desktop.core.text.convert import convert
from tests.conftest import SAMPLE_DATA

ALPHABET = "乡村振兴鄉興项目aAbB12%。，. \n𠮷"


@pytest.fixture
def corpus(store: Store) -> Store:
    list(import_paths(store, [SAMPLE_DATA], workers=1))
    return store


def brute_force(store: Store, pattern: re.Pattern[str], every: tuple[str, ...] = ()) -> list[tuple[int, int, int]]:
    """Every match in every Simplified text, read without the index."""
    found = []
    for article_id in store.articles.ids():
        text = store.articles.text(article_id)
        if all(re.search(re.escape(w), text, re.ASCII | re.IGNORECASE) for w in every):
            found += [(article_id, *m.span()) for m in pattern.finditer(text) if m.end() > m.start()]
    return found


def spans_of(found: list[searching.Hit]) -> list[tuple[int, int, int]]:
    return [(hit.article_id, hit.start, hit.end) for hit in found]


# the index's terms --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=40), st.data())
def test_a_text_holds_every_term_of_anything_it_contains(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    literal = text[start:end]
    # The case of ASCII letters is ignored: the query may write them either way.
    literal = "".join(ch.swapcase() if ch.isascii() and data.draw(st.booleans()) else ch for ch in literal)
    assert set(query_terms(literal)) <= set(index_terms(text).split(" "))


def test_terms_are_characters_and_pairs_with_ascii_folded() -> None:
    assert set(index_terms("乡村 GDP%").split(" ")) == {
        "乡",
        "村",
        "乡村",
        "g",
        "d",
        "p",
        chr(0xF0025),
        "gd",
        "dp",
        "p" + chr(0xF0025),
    }
    assert query_terms("乡村振兴") == ["乡村", "村振", "振兴"]
    assert query_terms("乡") == ["乡"]


# required literals of a regular expression ---------------------------------------------------

PIECES = ["乡村", "振兴", "a", "B", r"\d", ".", "[乡村]", "%"]


@st.composite
def bodies(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        wrap = draw(st.sampled_from(["{}", "({})", "(?:{})?", "(?:{})*", "(?:{})+", "(?:{}){{2}}", "(?:{}|振兴)"]))
        # A repeat around a group that may itself repeat or be empty makes re.fullmatch backtrack
        # exponentially (hypothesis filters drawn strings through it): repeats hold plain pieces.
        nested = depth <= 1 and wrap[-1] not in "*+"
        inner = st.one_of(st.sampled_from(PIECES), bodies(depth + 1)) if nested else st.sampled_from(PIECES)
        parts.append(wrap.format(draw(inner)))
    return "".join(parts)


@st.composite
def patterns(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["", "(?i)"])) + draw(bodies())


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_match_of_a_pattern_holds_its_required_literals(data: st.DataObject) -> None:
    pattern = data.draw(patterns())
    matched = data.draw(st.from_regex(pattern, fullmatch=True))
    for literal in required_literals(pattern):
        assert literal in matched, (pattern, matched, literal)


def test_literals_leave_out_what_is_optional_alternative_or_cased() -> None:
    assert required_literals(r"到20\d\d年") == ["到20", "年"]
    assert required_literals(r"推进.{0,10}建设") == ["建设", "推进"]
    assert required_literals("乡村|振兴") == []
    assert required_literals("x?乡村") == ["乡村"]
    assert required_literals("(?i)GDP增长") == ["增长"]


# hits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["鄉村振興", "乡村振兴", "乡", "项目", "2025", "青禾 产业园", '"乡村振兴"'])
def test_a_query_in_either_script_finds_what_reading_every_text_finds(corpus: Store, query: str) -> None:
    search = prepare(query)
    words = tuple(w.strip('"') for w in convert(query).split())
    expected = brute_force(corpus, re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))), words)
    assert expected, "the sample data should hold every query"
    assert spans_of(list(hits(corpus, search))) == expected
    assert count(corpus, search) == (len(expected), len({a for a, _, _ in expected}))


def test_traditional_and_simplified_queries_give_the_same_hits(corpus: Store) -> None:
    assert list(hits(corpus, prepare("鄉村振興"))) == list(hits(corpus, prepare("乡村振兴")))


def test_hits_are_exact_in_both_scripts(corpus: Store) -> None:
    for query in ("乡村振兴", "项目", "𠮷祥", "到2025年", "产业园"):
        search = prepare(query)
        found = list(hits(corpus, search))
        assert found, query
        for hit in found:
            text, original, map_json = corpus.articles.texts(hit.article_id)
            offset_map = OffsetMap.from_json(json.loads(map_json))
            assert text[hit.start : hit.end] == hit.text == search.query
            assert original[hit.original_start : hit.original_end] == hit.original_text
            assert offset_map.from_original(hit.original_start, hit.original_end) == (hit.start, hit.end)
            # The original passage, cleaned and converted as an import would, is the hit (except
            # where readings go because the whole page is a reading layer: judged on the page).
            if "(" not in hit.original_text:
                assert prepare_article(hit.original_text, "hit", "utf-8").text == hit.text
            assert hit.context_before == text[max(0, hit.start - 20) : hit.start]
            assert hit.context_after == text[hit.end : hit.end + 20]


def test_regular_expressions_match_as_a_scan_does(corpus: Store) -> None:
    for pattern in (r"到20\d\d年", r"增长\d+%以上", r"^第.条", r"推进.{0,8}建设", r"\d+"):
        assert spans_of(list(hits(corpus, prepare(pattern, regex=True)))) == brute_force(
            corpus, re.compile(pattern, re.MULTILINE)
        )


def test_a_bad_or_empty_query_is_refused_with_a_reason() -> None:
    with pytest.raises(SearchError, match="regular expression"):
        prepare("(", regex=True)
    with pytest.raises(SearchError, match="empty"):
        prepare("   ")


def test_filters_narrow_the_articles(corpus: Store) -> None:
    search = prepare("项目")
    every = {hit.article_id for hit in hits(corpus, search)}
    first, second = sorted(every)[:2]
    corpus.articles.set_status(first, Status.DONE)
    assert {h.article_id for h in hits(corpus, search, SearchFilter(statuses=(Status.DONE,)))} == {first}
    document = corpus.document(second)
    start = document.article.text.index("项目")
    corpus.spans.insert(document.span_at(start, start + 2, "project", "ana"))
    assert {h.article_id for h in hits(corpus, search, SearchFilter(with_categories=("project",)))} == {second}
    assert second not in {h.article_id for h in hits(corpus, search, SearchFilter(without_categories=("project",)))}
    assert {h.article_id for h in hits(corpus, search, SearchFilter(layers=(Layer("ana"),)))} == {second}
    assert not list(hits(corpus, search, SearchFilter(with_categories=("project",), layers=(Layer("bo"),))))
    corpus.metadata.set(first, "date", "1999-05-01")
    assert {h.article_id for h in hits(corpus, search, SearchFilter(metadata=(("date", "1999"),)))} == {first}


def test_the_article_lists_filter_finds_titles_and_texts(corpus: Store) -> None:
    title_word = corpus.articles.get(1).title[:4]
    assert 1 in (matching_articles(corpus, prepare(title_word)) or [])
    expected = [a for a in corpus.articles.ids() if "乡村振兴" in corpus.articles.text(a)]
    assert matching_articles(corpus, prepare("鄉村振興")) == expected


# the index kept in step --------------------------------------------------------------------


def integrity(store: Store) -> None:
    store.db.execute("insert into search_index (search_index) values ('integrity-check')")


def test_reprocessing_replaces_an_articles_terms(store: Store) -> None:
    [article_id] = store.articles.add([prepare_article("創(chuàng)業園區建設", "a.txt", "utf-8", rules=())])
    assert [h.text for h in hits(store, prepare("chuàng"))] == ["chuàng"]
    reprocess_article(store, article_id)  # the pinyin note is removed now
    assert list(hits(store, prepare("chuàng"))) == []
    assert [h.text for h in hits(store, prepare("创业园区"))] == ["创业园区"]
    integrity(store)
    # The old terms are gone from the index, not only filtered out by reading the text.
    assert store.db.execute("select count(*) from search_index where search_index match '\"ch\"'").fetchone()[0] == 0


def test_an_older_database_is_searchable_at_once_and_indexed_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        list(import_paths(store, [SAMPLE_DATA], workers=1))
        expected = list(hits(store, prepare("项目")))
    with sqlite3.connect(path) as connection:
        for table in (
            "search_vocabulary",
            "search_index",
            "search_pending",
            "batch_spans",
            "batches",
            "suggestion_decisions",
        ):
            connection.execute(f"drop table {table}")
        connection.execute("drop table suggestion_sources_off")
        connection.execute("delete from _sqlite_migrations where name = 'm009_corpus_search'")
    connection.close()
    with Store.open(path) as store:
        total = len(store.articles.ids())
        assert store.search.pending() == total
        assert list(hits(store, prepare("项目"))) == expected  # read in full while waiting
        assert store.search.build(limit=3) == 3
        assert store.search.pending() == total - 3
        assert list(hits(store, prepare("项目"))) == expected  # half indexed, half read in full
        while store.search.build(limit=3):
            pass
        assert store.search.pending() == 0
        assert list(hits(store, prepare("项目"))) == expected
        integrity(store)


def test_restored_articles_are_indexed(store: Store) -> None:
    [article_id] = store.articles.add([prepare_article("甲乙丙丁", "a.txt", "utf-8")])
    record = store.articles.record(article_id)
    other = Store.in_memory()
    other.articles.restore(record, [])
    assert [h.text for h in hits(other, prepare("乙丙"))] == ["乙丙"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3100), max_size=60))
def test_folding_changes_ascii_only_and_keeps_every_other_character(text: str) -> None:
    # The index's folding, checked character by character against its definition.
    expected = "".join(
        char if ord(char) >= 128 or char.isspace() else char.lower() if char.isalnum() else chr(0xF0000 + ord(char))
        for char in text
    )
    assert folded(text) == expected
    pairs = {run[i : i + 2] for run in expected.split() for i in range(len(run) - 1)}
    characters = {char for char in expected if not char.isspace()}
    assert set(index_terms(text).split(" ")) - {""} == characters | pairs


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_index_terms_are_each_character_and_pair_once_over_all_of_unicode(text: str) -> None:
    # Beyond the BMP too: the terms are worked out on code points, not on UTF-16 units.
    runs = folded(text).split()
    expected = {char for run in runs for char in run} | {run[i : i + 2] for run in runs for i in range(len(run) - 1)}
    terms = index_terms(text).split(" ") if expected else []
    # Sorted lists, not sets: a term given twice would fail here.
    assert sorted(terms) == sorted(expected)


def test_no_code_point_above_the_terms_space_table_is_a_space() -> None:
    assert chr(LAST_SPACE).isspace()
    assert not any(chr(code).isspace() for code in range(LAST_SPACE + 1, 0x110000))


def test_a_text_of_spaces_has_no_terms_and_any_space_separates_terms() -> None:
    assert index_terms("") == index_terms(" \u3000\t\n") == ""
    assert index_terms("a\u3000𠀀") == "a 𠀀"
