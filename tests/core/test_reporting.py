"""Every report's numbers equal an independent pandas computation over the CSV exports of the same layer."""

from __future__ import annotations

import io
import random
import zipfile

import openpyxl
import pandas as pd
import pytest

from desktop.core.coding.importing import import_paths
from desktop.core.corpus.reporting import ReportError, ReportKind, ReportRequest, Table, build_report
from desktop.core.exchange import metadata_csv, ours_csv, xlsx_workbook
from desktop.core.exchange.outgoing import ExportOptions
from desktop.core.layers import Layer
from desktop.core.models import SpanFilter
from desktop.core.store import Store
from tests.conftest import SAMPLE_DATA

# A heading with two codes under it, one of which has a code of its own: tree totals are tested.
TREE = {"tools": None, "supply": "tools", "funding": "supply", "demand": "tools"}
CODES = ["project", "target", "measure", "supply", "funding", "demand"]
ORDER = ["project", "target", "measure", "tools", "supply", "funding", "demand"]
# The fixture's spans are li's and wang's: the reports below count li's layer, as the CSV they are checked against.
LI = (Layer("li"),)


def subtree(category: str) -> set[str]:
    found = {category}
    for child, parent in TREE.items():
        if parent == category:
            found |= subtree(child)
    return found


@pytest.fixture(scope="module")
def study() -> Store:
    store = Store.in_memory()
    list(import_paths(store, [SAMPLE_DATA], workers=1))
    store.categories.add("tools", "政策工具", codable=False)
    store.categories.add("supply", "供给型", parent_id="tools")
    store.categories.add("funding", "资金投入", parent_id="supply")
    store.categories.add("demand", "需求型", parent_id="tools")
    chance = random.Random(12)
    for article_id in store.articles.ids():
        document = store.document(article_id)
        text = store.articles.text(article_id)
        for _ in range(chance.randrange(10, 40)):
            start = chance.randrange(0, len(text) - 2)
            end = min(len(text), start + chance.randrange(1, 60))  # some spans cross sentence ends
            try:
                span = document.span_from_text(start, end, chance.choice(CODES), chance.choice(["li", "wang"]))
            except ValueError:
                continue
            store.spans.insert(span)
    ids = store.articles.ids()
    for article_id, date, region in zip(ids, ["2021-03-05", "2021-07-01", "2022-01-02", "", "2023-04-18"],
                                        ["河北", "", "河北", "山东", "山东"], strict=False):  # fmt: skip
        if date:
            store.metadata.set(article_id, "date", date)
        if region:
            store.metadata.set(article_id, "region", region)
    yield store
    store.close()


@pytest.fixture(scope="module")
def spans(study: Store) -> pd.DataFrame:
    out = io.StringIO()
    ours_csv.write(study, out, ExportOptions(filters=SpanFilter(layers=LI)))
    frame = pd.read_csv(io.StringIO(out.getvalue()), dtype={"unit_id": str})
    assert len(frame) > 60 and set(frame["annotator"]) == {"li"}
    return frame


@pytest.fixture(scope="module")
def articles(study: Store) -> pd.DataFrame:
    out = io.StringIO()
    metadata_csv.write(study, out)
    return pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)


def as_frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame(list(table.rows), columns=list(table.columns))


def report(study: Store, kind: ReportKind, **options: object) -> pd.DataFrame:
    """li's report without its ``layer`` column (every row says li)."""
    options.setdefault("layers", LI)
    frame = as_frame(build_report(study, ReportRequest(kind, **options)))  # type: ignore[arg-type]
    assert set(frame["layer"]) <= {"li"}
    return frame.drop(columns="layer")


def test_frequencies_count_spans_and_articles_with_parents_holding_their_subtree(study: Store, spans) -> None:  # type: ignore[no-untyped-def]
    table = report(study, ReportKind.FREQUENCIES).set_index("category")
    assert list(table.columns) == ["spans", "articles", "share"]
    assert list(table.index) == ORDER
    for category in ORDER:
        mine = spans[spans["category"].isin(subtree(category))]
        assert table.loc[category, "spans"] == len(mine), category
        assert table.loc[category, "articles"] == mine["article_id"].nunique(), category
        assert table.loc[category, "share"] == pytest.approx(len(mine) / len(spans), abs=1e-6)
    # The top level shares add up to all spans.
    assert table.loc[["project", "target", "measure", "tools"], "share"].sum() == pytest.approx(1, abs=1e-5)


def test_two_layers_side_by_side_are_each_counted_never_summed(study: Store) -> None:
    both = as_frame(build_report(study, ReportRequest(ReportKind.FREQUENCIES, layers=(Layer("li"), Layer("wang")))))
    assert list(both.columns) == ["layer", "category", "spans", "articles", "share"]
    assert list(both["layer"]) == ["li"] * len(ORDER) + ["wang"] * len(ORDER)
    for name in ("li", "wang"):
        alone = as_frame(build_report(study, ReportRequest(ReportKind.FREQUENCIES, layers=(Layer(name),))))
        pd.testing.assert_frame_equal(both[both["layer"] == name].reset_index(drop=True), alone)
    spans_by = {row[0]: row[1] for row in study.db.execute("select annotator, count(*) from spans group by 1")}
    top = both[both["category"].isin(["project", "target", "measure", "tools"])].groupby("layer")["spans"].sum()
    assert top.to_dict() == {"li": spans_by["li"], "wang": spans_by["wang"]}
    assert (
        "side by side: li, wang"
        in build_report(study, ReportRequest(ReportKind.MATRIX, layers=(Layer("li"), Layer("wang")))).description
    )


def test_a_report_that_names_no_layer_is_refused(study: Store) -> None:
    with pytest.raises(ReportError, match="name whose spans"):
        build_report(study, ReportRequest(ReportKind.FREQUENCIES))


@pytest.mark.parametrize("once", [False, True])
def test_the_code_by_article_matrix(study: Store, spans, once: bool) -> None:  # type: ignore[no-untyped-def]
    table = report(study, ReportKind.MATRIX, once=once).set_index("article_id")
    assert list(table.index) == study.articles.ids()  # every article, coded or not
    for category in ORDER:
        mine = spans[spans["category"].isin(subtree(category))].groupby("article_id").size()
        expected = mine.reindex(table.index, fill_value=0)
        if once:
            expected = (expected > 0).astype(int)
        assert table[category].tolist() == expected.tolist(), category


@pytest.mark.parametrize(("by", "once"), [("year", False), ("year", True), ("region", False), ("region", True)])
def test_crosstab_by_a_metadata_field(study: Store, spans, articles, by: str, once: bool) -> None:  # type: ignore[no-untyped-def]
    table = report(study, ReportKind.CROSSTAB, by=by, once=once).set_index("category")
    values = articles.assign(year=articles["date"].str[:4])[["article_id", by]]
    values["article_id"] = values["article_id"].astype(int)
    joined = spans.merge(values, on="article_id", how="left")
    joined[by] = joined[by].replace("", "(none)").fillna("(none)")
    for category in ORDER:
        mine = joined[joined["category"].isin(subtree(category))]
        counted = mine.groupby(by)["article_id"].nunique() if once else mine.groupby(by).size()
        for value in table.columns.drop("total"):
            assert table.loc[category, value] == counted.get(value, 0), (category, value)
        assert table.loc[category, "total"] == counted.sum()
    assert "(none)" in table.columns


@pytest.mark.parametrize("per", ["unit", "article"])
def test_cooccurrence_per_unit_and_per_article(study: Store, spans, per: str) -> None:  # type: ignore[no-untyped-def]
    table = report(study, ReportKind.COOCCURRENCE, by=per).set_index("category")
    if per == "unit":
        holders = spans.assign(holder=spans["unit_id"].str.split(" ")).explode("holder")
    else:
        holders = spans.assign(holder=spans["article_id"])
    present = holders[["holder", "category"]].drop_duplicates()
    pairs = present.merge(present, on="holder").groupby(["category_x", "category_y"]).size()
    for a in ORDER:
        for b in ORDER:
            assert table.loc[a, b] == pairs.get((a, b), 0), (a, b)
    assert (table.values == table.values.T).all()


def test_the_coding_table_has_one_row_per_coded_unit_and_analyst(study: Store, spans) -> None:  # type: ignore[no-untyped-def]
    table = report(study, ReportKind.CODING_TABLE)
    held = spans.assign(unit_id=spans["unit_id"].str.split(" ")).explode("unit_id")
    expected = {
        (unit, annotator): "; ".join(sorted(set(group["category"]), key=ORDER.index))
        for (unit, annotator), group in held.groupby(["unit_id", "annotator"])
    }
    got = {(row.unit_id, row.annotator): row.codes for row in table.itertuples()}
    assert got == expected
    units = {label: text for _, label, _, _, _, _, text in study.units.rows()}
    assert all(units[row.unit_id] == row.unit_text for row in table.itertuples())


def test_a_crosstab_by_an_unknown_field_says_which_fields_there_are(study: Store) -> None:
    with pytest.raises(ReportError, match="use year or one of date, issuer"):
        build_report(study, ReportRequest(ReportKind.CROSSTAB, by="province", layers=LI))
    with pytest.raises(ReportError, match=r"unit .* or article"):
        build_report(study, ReportRequest(ReportKind.COOCCURRENCE, by="sentence", layers=LI))


def test_the_workbook_holds_the_same_numbers(study: Store, spans, tmp_path) -> None:  # type: ignore[no-untyped-def]
    study.spans.insert(study.document(1).span_from_text(0, 3, "project", "li")._replace(note='=HYPERLINK("x")'))
    path = tmp_path / "study.xlsx"
    with path.open("wb") as stream:
        count = xlsx_workbook.write(study, stream, ExportOptions(filters=SpanFilter(layers=LI)))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["spans", "articles", "frequencies", "matrix"] and book.sheetnames[-1] == "about"
    assert {"by year", "by region", "cooccurrence", "coding table"} <= set(book.sheetnames)
    sheet = book["spans"]
    rows = list(sheet.values)
    assert list(rows[0]) == list(ours_csv.CSV_COLUMNS) and len(rows) - 1 == count == len(spans) + 1
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    formula = [cell for cell in sheet["N"] if cell.value == '=HYPERLINK("x")']
    assert formula and formula[0].data_type == "s"  # text, never run as a formula
    titles = {row[2] for row in rows[1:]}
    assert "关于推进𠮷祥街区改造的实施意见" in titles  # beyond the BMP, intact
    for name, request in [
        ("frequencies", ReportRequest(ReportKind.FREQUENCIES, layers=LI)),
        ("matrix", ReportRequest(ReportKind.MATRIX, layers=LI)),
        ("by region", ReportRequest(ReportKind.CROSSTAB, by="region", layers=LI)),
        ("cooccurrence", ReportRequest(ReportKind.COOCCURRENCE, layers=LI)),
    ]:
        expected = as_frame(build_report(study, request))
        values = list(book[name].values)
        assert list(values[0]) == list(expected.columns), name
        got = pd.DataFrame(values[1:], columns=values[0])
        pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=name)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert "xl/charts/chart1.xml" in names
        drawing = archive.read("xl/worksheets/_rels/sheet3.xml.rels").decode()
        assert "drawing" in drawing  # the chart sits on the frequencies sheet (the third)
        assert "<c:barChart>" in archive.read("xl/charts/chart1.xml").decode()


def test_the_workbook_follows_the_filters(study: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "li.xlsx"
    chosen = SpanFilter(layers=(Layer("wang"),), categories=("measure",), article_ids=tuple(study.articles.ids()[:3]))
    with path.open("wb") as stream:
        count = xlsx_workbook.write(study, stream, ExportOptions(filters=chosen))
    book = openpyxl.load_workbook(path, read_only=True)
    spans_sheet = list(book["spans"].values)
    header = list(spans_sheet[0])
    rows = [dict(zip(header, row, strict=True)) for row in spans_sheet[1:]]
    assert {r["annotator"] for r in rows} == {"wang"} and {r["category"] for r in rows} == {"measure"} and count > 0
    # The report sheets count what the spans sheet holds: the same layer, code and articles.
    frequencies = {row[1]: row[2] for row in list(book["frequencies"].values)[1:]}
    assert frequencies["measure"] == len(rows) and frequencies["project"] == 0
    matrix = list(book["matrix"].values)
    assert [row[1] for row in matrix[1:]] == list(study.articles.ids()[:3])
    about = dict(list(book["about"].values)[1:])
    assert about["spans of"] == "wang's spans" and about["codes"] == "measure" and about["articles"] == "3 chosen"
    # The whole corpus on request, in the same layer.
    with path.open("wb") as stream:
        xlsx_workbook.write(study, stream, ExportOptions(filters=chosen, reports="corpus"))
    corpus = {row[1]: row[2] for row in list(openpyxl.load_workbook(path, read_only=True)["frequencies"].values)[1:]}
    wang = study.db.execute("select count(*) from spans where annotator = 'wang' and category_id = 'measure'")
    assert corpus["measure"] == wang.fetchone()[0] > frequencies["measure"]


def test_each_span_names_the_units_it_overlaps(study: Store, spans) -> None:  # type: ignore[no-untyped-def]
    """The CSV's unit_id, which the pandas checks above rely on, against the units worked out in Python."""
    units = {article_id: study.units.of_article(article_id) for article_id in study.articles.ids()}
    crossing = 0
    for row in spans.itertuples():
        expected = [u.label for u in units[row.article_id] if u.start < row.end and u.end > row.start]
        assert row.unit_id.split(" ") == expected, row
        crossing += len(expected) > 1
    assert crossing > 10  # the fixture's spans do cross sentence ends
