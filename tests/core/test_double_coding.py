"""A double-coding round on a store: samples, the report's figures, disagreements, adjudication with undo."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.analysts.adjudication import CONSENSUS, Decision, accept_agreed, decide, progress
from desktop.core.analysts.agreement import OVERALL, CodedSpan, CodingData, Level, agreement
from desktop.core.analysts.agreement_measures import cohen_kappa
from desktop.core.analysts.disagreements import NONE, Quarrel, compare, confusion
from desktop.core.analysts.double_coding import as_csv, report, shown
from desktop.core.analysts.sampling import draw, draw_sample
from desktop.core.coding.importing import prepare_article
from desktop.core.models import Status
from desktop.core.store import Conflict, Store, StoreError
from tests.conftest import DEFAULT_MEASURES

TEXT = "一、总体目标。到2025年建成示范区。\n二、主要措施。设立专项资金。建设产业园项目。\n三、保障。加强组织领导。"


def article(store: Store, text: str = TEXT, name: str = "a.txt") -> int:
    [article_id] = store.articles.add([prepare_article(text, name, "utf-8")])
    return article_id


def tag(store: Store, article_id: int, passage: str, category: str, analyst: str, nth: int = 0) -> int:
    document = store.document(article_id)
    start = -1
    for _ in range(nth + 1):
        start = document.article.text.index(passage, start + 1)
    span = store.spans.insert(document.span_at(start, start + len(passage), category, analyst))
    assert span.id is not None
    return span.id


@pytest.fixture
def coded(store: Store) -> int:
    """A and B agree on two spans, quarrel about a code, a boundary, and a span only A made."""
    a = article(store)
    tag(store, a, "到2025年建成示范区", "target", "A")
    tag(store, a, "到2025年建成示范区", "target", "B")
    tag(store, a, "设立专项资金", "measure", "A")
    tag(store, a, "设立专项资金", "measure", "B")
    tag(store, a, "建设产业园项目", "project", "A")
    tag(store, a, "建设产业园项目", "measure", "B")  # code
    tag(store, a, "加强组织领导", "measure", "A")
    tag(store, a, "组织领导", "measure", "B")  # boundary
    tag(store, a, "总体目标", "target", "A")  # only A
    return a


def test_disagreements_are_passages_with_their_quarrel(store: Store, coded: int) -> None:
    result = report(store, ["A", "B"])
    assert len(result.comparison.agreed) == 2
    quarrels = [
        (item.quarrel, item.first[0].category_id if item.first else "") for item in result.comparison.disagreements
    ]
    assert quarrels == [(Quarrel.ONLY_FIRST, "target"), (Quarrel.CODE, "project"), (Quarrel.BOUNDARY, "measure")]
    assert result.confusion[("project", "measure")] == 1
    assert result.confusion[("target", NONE)] == 1
    assert result.confusion[("measure", "measure")] == 2  # agreed 设立专项资金 and the boundary quarrel


def test_report_figures_by_hand(store: Store, coded: int) -> None:
    result = report(store, ["A", "B"])
    # Spans: A has 5, B 4. Exact matches: 2 of A found, 2 of B found -> P 2/4, R 2/5, F1 = 4/9.
    assert result.value(OVERALL, "f1_exact") == pytest.approx(4 / 9)
    # Overlap: 组织领导 shares 4 of 6 with 加强组织领导 (>= half) -> 3 of A, 3 of B found; P 3/4, R 3/5.
    assert result.value(OVERALL, "f1_overlap") == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    units = store.units.of_article(coded)
    assert result.value("target", "cohen_kappa") is not None
    figure = next(f for f in result.figures if (f.category, f.measure) == ("target", "cohen_kappa"))
    assert figure.units == len(units)
    # target: A in the units of 总体目标 and 到2025年…, B only in the second.
    with_a = {
        i
        for i, u in enumerate(units)
        if u.start < units[i].end and ("总体目标" in TEXT[u.start : u.end] or "示范区" in TEXT[u.start : u.end])
    }
    with_b = {i for i, u in enumerate(units) if "示范区" in TEXT[u.start : u.end]}
    assert result.value("target", "cohen_kappa") == pytest.approx(
        cohen_kappa(len(units), frozenset(with_a), frozenset(with_b))
    )
    assert result.value(OVERALL, "krippendorff_alpha_u") is not None


def test_csv_rows_name_category_measure_value_units(store: Store, coded: int) -> None:
    lines = [line for line in as_csv(report(store, ["A", "B"])).splitlines() if not line.startswith("coverage,")]
    assert lines[0] == "category,measure,value,units"
    measures = {line.split(",")[1] for line in lines[1:]}
    assert measures == DEFAULT_MEASURES
    assert any(line.startswith("ALL,cohen_kappa,") for line in lines)


def test_unknown_analyst_and_sample_are_refused_with_a_reason(store: Store, coded: int) -> None:
    with pytest.raises(StoreError, match="no spans by C"):
        report(store, ["A", "C"])
    with pytest.raises(StoreError, match="no sample named"):
        report(store, ["A", "B"], sample="nope")


def test_adjudication_copies_decisions_into_consensus_and_undo_removes_them(store: Store, coded: int) -> None:
    result = report(store, ["A", "B"])
    only_a, code, boundary = result.comparison.disagreements
    steps = [
        decide(store, "A", "B", only_a, Decision.NEITHER),
        decide(store, "A", "B", code, Decision.SECOND),
        decide(store, "A", "B", boundary, Decision.BOTH),
    ]
    for step in steps:
        step.do(store)
    agreed = accept_agreed(store, "A", "B", result.comparison)
    assert agreed is not None
    agreed.do(store)
    consensus = {(s.text, s.category_id) for s in store.spans.of_article(coded) if s.annotator == CONSENSUS}
    assert consensus == {
        ("建设产业园项目", "measure"),
        ("加强组织领导", "measure"),
        ("组织领导", "measure"),
        ("到2025年建成示范区", "target"),
        ("设立专项资金", "measure"),
    }
    assert progress(store.adjudications.decisions("A", "B"), result.comparison).decided == 3
    with pytest.raises(Conflict):
        decide(store, "A", "B", code, Decision.FIRST).do(store)  # decided already
    steps[1].undo(store)
    assert progress(store.adjudications.decisions("A", "B"), result.comparison).decided == 2
    assert ("建设产业园项目", "measure") not in {
        (s.text, s.category_id) for s in store.spans.of_article(coded) if s.annotator == CONSENSUS
    }
    made = steps[1].made
    steps[1].do(store)  # redo: the same span id comes back
    assert steps[1].made == made
    assert accept_agreed(store, "A", "B", result.comparison) is None  # nothing left to accept


def test_undo_refuses_a_consensus_span_changed_since(store: Store, coded: int) -> None:
    item = report(store, ["A", "B"]).comparison.disagreements[1]
    step = decide(store, "A", "B", item, Decision.FIRST)
    step.do(store)
    [made] = step.made[0]
    assert made.id is not None
    store.spans.update(made.id, note="checked")
    with pytest.raises(Conflict):
        step.undo(store)
    assert store.spans.get(made.id).note == "checked"


def test_samples_are_reproducible_and_stratified(store: Store) -> None:
    strata = {i: ("province" if i % 4 == 0 else "city") for i in range(1, 101)}
    first, again = draw(strata, 20, seed=7), draw(strata, 20, seed=7)
    assert first == again and len(first) == 20
    assert draw(strata, 20, seed=8) != first
    assert sum(1 for i in first if strata[i] == "province") == 5  # its quarter
    ids = [article(store, f"第{n}篇。内容{n}。", f"{n}.txt") for n in range(12)]
    chosen = draw_sample(store, "round 1", 4, seed=3)
    assert store.samples.article_ids("round 1") == chosen and set(chosen) <= set(ids)
    with pytest.raises(StoreError, match="exists already"):
        draw_sample(store, "round 1", 4, seed=3)
    with pytest.raises(StoreError, match="no metadata field"):
        draw_sample(store, "round 2", 4, seed=3, stratify="nope")


spans = st.lists(
    st.tuples(
        st.sampled_from(["A", "B"]),
        st.sampled_from(["project", "target"]),
        st.integers(0, 40),
        st.integers(1, 9),
        st.integers(1, 3),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(spans)
def test_span_f1_equals_a_brute_force_count(drawn: list[tuple[str, str, int, int, int]]) -> None:
    coded = [
        CodedSpan(article, category, start, start + length, analyst, n)
        for n, (analyst, category, start, length, article) in enumerate(drawn)
    ]
    data = CodingData(("A", "B"), {1: 50, 2: 50, 3: 50}, {a: ([0, 25], [25, 50]) for a in (1, 2, 3)}, coded)
    figures = {(f.category, f.measure): f.value for f in agreement(data, [Level.SPAN])}

    def partner(x: CodedSpan, y: CodedSpan, exact: bool) -> bool:
        if (x.article_id, x.category_id) != (y.article_id, y.category_id):
            return False
        if exact:
            return (x.start, x.end) == (y.start, y.end)
        shared = min(x.end, y.end) - max(x.start, y.start)
        return shared > 0 and 2 * shared >= max(x.end, y.end) - min(x.start, y.start)

    a_spans = [s for s in coded if s.annotator == "A"]
    b_spans = [s for s in coded if s.annotator == "B"]
    for exact, measure in ((True, "f1_exact"), (False, "f1_overlap")):
        if not a_spans and not b_spans:
            assert figures[(OVERALL, measure)] is None
            continue
        if not a_spans or not b_spans:
            assert figures[(OVERALL, measure)] == 0.0  # one coder's spans, none of them found
            continue
        recall = sum(any(partner(a, b, exact) for b in b_spans) for a in a_spans) / len(a_spans)
        precision = sum(any(partner(a, b, exact) for a in a_spans) for b in b_spans) / len(b_spans)
        expected = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        assert figures[(OVERALL, measure)] == pytest.approx(expected, abs=1e-12)


def test_comparison_puts_every_span_in_exactly_one_place() -> None:
    coded = [
        CodedSpan(1, "project", 0, 5, "A", 1),
        CodedSpan(1, "project", 0, 5, "B", 2),
        CodedSpan(1, "target", 3, 8, "B", 3),
        CodedSpan(1, "target", 7, 12, "A", 4),
        CodedSpan(1, "target", 20, 22, "A", 5),
    ]
    result = compare(coded, "A", "B")
    assert [(a.span_id, b.span_id) for a, b in result.agreed] == [(1, 2)]
    assert [(d.key, d.quarrel) for d in result.disagreements] == [
        ("a:4|b:3", Quarrel.BOUNDARY),
        ("a:5|b:", Quarrel.ONLY_FIRST),
    ]
    assert confusion(coded, "A", "B")[("project", "target")] == 1


def test_a_figure_never_reads_minus_zero() -> None:
    assert shown(-1e-17) == "0.0000" and shown(None) == "" and shown(0.12345) == "0.1235"


def test_touching_spans_are_separate_passages() -> None:
    coded = [CodedSpan(1, "target", 0, 5, "A", 1), CodedSpan(1, "target", 5, 8, "B", 2)]
    assert [(d.start, d.end, d.quarrel) for d in compare(coded, "A", "B").disagreements] == [
        (0, 5, Quarrel.ONLY_FIRST),
        (5, 8, Quarrel.ONLY_SECOND),
    ]


def test_the_report_says_how_much_of_the_set_each_analyst_coded(store: Store) -> None:
    ids = [article(store, TEXT + f"第{n}篇。", f"{n}.txt") for n in range(3)]
    store.samples.save("round", ids, seed=1, size=3, stratify="")
    for article_id in ids:
        tag(store, article_id, "设立专项资金", "measure", "A")
    tag(store, ids[0], "设立专项资金", "measure", "B")
    store.analysts.set_status(ids[1], "B", Status.DONE)  # marked done with nothing to tag: coded
    everything = report(store, ["A", "B"], "round")
    assert everything.coverage.coded == {"A": 3, "B": 2} and everything.articles == 3
    assert "B coded 2 of 3" in everything.coverage.warning() and "--finished-only" in everything.coverage.warning()
    finished = report(store, ["A", "B"], "round", finished_only=True)
    assert finished.articles == 2 and finished.coverage.coded == {"A": 3, "B": 2}
    assert "the figures cover the articles all of them coded" in finished.coverage.warning()
    # B coded the first alike and the second without a span; the third, never opened, is left out:
    # recall 1 of 2 instead of 1 of 3 of A's spans.
    assert finished.value(OVERALL, "f1_exact") == pytest.approx(2 * 0.5 / 1.5)
    assert everything.value(OVERALL, "f1_exact") == pytest.approx(2 * (1 / 3) / (4 / 3))
    rows = as_csv(everything).splitlines()
    assert rows[1:3] == ["coverage,A,3,3", "coverage,B,2,3"]
    assert everything.coverage.unfinished() == ["B"]


def test_the_report_writes_nothing_not_even_a_temporary_table(store: Store, coded: int) -> None:
    expected = report(store, ["A", "B"])
    # query_only refuses every write, to temporary tables too: the set must travel some other way.
    store.db.execute("pragma query_only = 1")
    try:
        again = report(store, ["A", "B"])
    finally:
        store.db.execute("pragma query_only = 0")
    assert again.figures == expected.figures
    assert again.comparison == expected.comparison
    assert store.db.execute("select count(*) from temp.sqlite_master").fetchone()[0] == 0
