"""Three layers (A everywhere, B and the consensus on the half that was double coded and adjudicated): every
reader of spans counts exactly the layer chosen, checked against a brute-force count over the raw rows."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.coding.importing import prepare_article
from desktop.core.corpus.reporting import ReportKind, ReportRequest, build_report
from desktop.core.layers import CONSENSUS, Layer, LayerError, Layers
from desktop.core.models import ArticleFilter, SpanFilter
from desktop.core.search.searching import SearchFilter, matching_articles, prepare
from desktop.core.store import Store
from desktop.core.store.passages import PassageFilter
from tests.test_cli import run

SENTENCES = ["推进创新发展。", "设立专项资金。", "建设产业园项目。", "到二〇二五年基本实现目标。", "加强组织领导。"]
CODES = ["project", "target", "measure"]
A, B = "A", "B"
LAYERS: dict[str, Layers] = {
    "A": (Layer(A),),
    "B": (Layer(B),),
    "consensus": (Layer(CONSENSUS),),
    "study A": (Layer(A, study=True),),
}


def three_layers(store: Store) -> set[int]:
    """Twelve articles coded by A; the first six also by B and adjudicated into the consensus. The adjudicated ids."""
    chance = random.Random(5)
    texts = ["".join(chance.choice(SENTENCES) for _ in range(8)) + f"第{n}篇。" for n in range(12)]
    ids = store.articles.add([prepare_article(text, f"{n}.txt", "utf-8") for n, text in enumerate(texts)])
    for number, article_id in enumerate(ids):
        document = store.document(article_id)
        length = len(document.article.text)
        analysts = [A, B, CONSENSUS] if number < 6 else [A]
        for analyst in analysts:
            for _ in range(chance.randrange(3, 9)):
                start = chance.randrange(0, length - 4)
                span = document.span_at(start, start + chance.randrange(2, 5), chance.choice(CODES), analyst)
                if store.spans.duplicate_of(span) is None:
                    store.spans.insert(span)
    return set(ids[:6])


@pytest.fixture(scope="module")
def layered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[int]]:
    path = tmp_path_factory.mktemp("layers") / "three.db"
    with Store.open(path) as store:
        adjudicated = three_layers(store)
    return path, adjudicated


@pytest.fixture
def store(layered: tuple[Path, set[int]]) -> Store:
    opened = Store.open(layered[0])
    yield opened
    opened.close()


def brute(store: Store, adjudicated: set[int], layer: Layer) -> list[tuple[int, str, str]]:
    """(article, code, text) of every span of the layer, chosen in Python from every row of the table."""
    rows = store.db.execute("select article_id, category_id, text, annotator from spans").fetchall()
    kept = []
    for article_id, category, text, annotator in rows:
        wanted = CONSENSUS if layer.study and article_id in adjudicated else layer.analyst
        if annotator == wanted:
            kept.append((article_id, category, text))
    return kept


@pytest.mark.parametrize("name", list(LAYERS))
def test_every_reader_counts_exactly_the_layer_chosen(store: Store, layered: tuple[Path, set[int]], name: str) -> None:
    adjudicated = layered[1]
    layers = LAYERS[name]
    expected = brute(store, adjudicated, layers[0])
    by_code = Counter(code for _, code, _ in expected)
    by_article = Counter(article for article, _, _ in expected)
    assert expected, name

    # The codebook's counts and stats.
    assert store.categories.span_counts(layers[0]) == dict(by_code)
    assert store.reports.stats(SpanFilter(layers=layers))["spans"] == {code: by_code[code] for code in CODES}
    # The article list's span column.
    summaries = store.summaries.page(listed=ArticleFilter(layers=layers))
    assert {s.id: s.span_counts[0] for s in summaries} == {i: by_article[i] for i in store.articles.ids()}
    # Reports: frequencies and the code x article matrix.
    frequencies = build_report(store, ReportRequest(ReportKind.FREQUENCIES, layers=layers))
    assert {row[1]: row[2] for row in frequencies.rows} == {code: by_code[code] for code in CODES}
    matrix = list(build_report(store, ReportRequest(ReportKind.MATRIX, layers=layers)).rows)
    assert {row[1]: sum(row[3:]) for row in matrix} == {i: by_article[i] for i in store.articles.ids()}
    # Exports: the span rows every format writes from.
    exported = list(store.exports.span_rows(["article_id", "category", "text"], SpanFilter(layers=layers)))
    assert sorted(exported) == sorted(expected)
    # Passages.
    assert store.passages.count(PassageFilter((), layers)) == len(expected)
    # Search filters: articles with a span of a code in this layer.
    search = prepare("。", convert=lambda text: text)
    found = matching_articles(store, search, SearchFilter(with_categories=("measure",), layers=layers))
    assert set(found or []) == {article for article, code, _ in expected if code == "measure"}
    # Suggestions from tagged strings.
    tagged = {(code, text) for code, text, _times in store.suggestions.tagged_strings(layers)}
    assert tagged == {(code, text) for _, code, text in expected if len(text) >= 2}


def test_layers_side_by_side_are_each_their_own_never_a_sum(store: Store, layered: tuple[Path, set[int]]) -> None:
    adjudicated = layered[1]
    each = (Layer(A), Layer(B), Layer(CONSENSUS))
    table = list(build_report(store, ReportRequest(ReportKind.FREQUENCIES, layers=each)).rows)
    for layer in each:
        counts = Counter(code for _, code, _ in brute(store, adjudicated, layer))
        assert {row[1]: row[2] for row in table if row[0] == layer.name} == {c: counts[c] for c in CODES}
    summaries = store.summaries.page(listed=ArticleFilter(layers=each))
    first = next(s for s in summaries if s.id in adjudicated)
    assert len(first.span_counts) == 3
    assert list(first.span_counts) == [
        sum(1 for article, _, _ in brute(store, adjudicated, layer) if article == first.id) for layer in each
    ]


def test_the_default_is_the_study_layer_and_a_guess_is_refused(store: Store) -> None:
    # Only A coded articles outside the adjudicated half: the default is unambiguous.
    assert store.analysts.choose_layers() == (Layer(A, study=True),)
    assert store.analysts.choose_layers(("all",)) == (Layer(A), Layer(B), Layer(CONSENSUS))
    assert store.analysts.choose_layers((), "B") == (Layer(B, study=True),)
    with pytest.raises(LayerError, match="no analyst C"):
        store.analysts.choose_layers(("C",))
    with pytest.raises(LayerError, match="no such analyst"):
        store.analysts.choose_layers((), CONSENSUS)


def test_the_command_line_counts_the_documented_default_and_refuses_to_guess(
    layered: tuple[Path, set[int]], tmp_path: Path
) -> None:
    path, adjudicated = layered
    with Store.open(path) as store:
        expected = Counter(code for _, code, _ in brute(store, adjudicated, Layer(A, study=True)))
    stats = run("stats", "--db", str(path))
    assert stats.returncode == 0, stats.stderr
    line = next(row for row in stats.stdout.splitlines() if row.startswith("spans of"))
    assert "the study layer (consensus on adjudicated articles, else A's spans)" in line
    assert all(f"{code} {expected[code]}" in line for code in CODES)
    frequencies = run("report", "frequencies", "--db", str(path))
    counted = {row.split(",")[1]: int(row.split(",")[2]) for row in frequencies.stdout.splitlines()[1:]}
    assert counted == {code: expected[code] for code in CODES}
    # Once B has coded an article nobody adjudicated, the default would be a guess.
    copy = tmp_path / "copy.db"
    with Store.open(path) as source, Store.open(copy) as target:
        source.db.conn.backup(target.db.conn)
    with Store.open(copy) as store:
        outside = next(i for i in store.articles.ids() if i not in adjudicated)
        store.spans.insert(store.document(outside).span_at(0, 2, "project", B))
    refused = run("report", "frequencies", "--db", str(copy))
    assert (
        refused.returncode == 2 and "several analysts coded articles that are not adjudicated (A, B)" in refused.stderr
    )
