"""A double-coding round's report: the set of articles, the figures, the confusion table, the disagreements.

The command line and the window both build it here, so they report the same numbers.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter

from desktop.core.analysts.agreement import MEASURES, CodedSpan, CodingData, Figure, Level, agreement
from desktop.core.analysts.disagreements import NONE, Comparison, Disagreement, by_article, compare, confusion
from desktop.core.collector import collector_paused
from desktop.core.exchange.csv_cells import GuardedWriter
from desktop.core.store import Store, StoreError

CONTEXT = 20
CSV_FIELDS = ("category", "measure", "value", "units")


@dataclass(frozen=True)
class Coverage:
    """How much of the set each analyst coded (done, or a span there), and whether the figures keep to
    the articles every one of them coded."""

    articles: int  # in the set: the sample, or every article any of them coded
    coded: dict[str, int]  # per analyst
    finished_only: bool

    def unfinished(self) -> list[str]:
        return [name for name, count in self.coded.items() if count < self.articles]

    def warning(self) -> str:
        """'' when every analyst coded every article of the set; else what the figures then mean."""
        missing = self.unfinished()
        if not missing:
            return ""
        who = ", ".join(f"{name} coded {self.coded[name]} of {self.articles}" for name in missing)
        if self.finished_only:
            return f"not every analyst finished the set ({who}): the figures cover the articles all of them coded"
        return (
            f"not every analyst finished the set ({who}): an article one of them has not coded counts as"
            " disagreement; --finished-only keeps to the articles all of them coded"
        )


def coding_data(
    store: Store, analysts: Sequence[str], sample: str = "", finished_only: bool = False
) -> tuple[CodingData, Coverage]:
    """The analysts' coding of a named sample, or (no sample) of every article any of them coded; with
    ``finished_only``, only the articles every one of them coded."""
    if len(set(analysts)) < 2:
        raise StoreError("name at least two different analysts")
    known = set(store.analysts.names())
    unknown = [name for name in analysts if name not in known]
    if unknown:
        raise StoreError(
            f"no spans by {', '.join(unknown)} in this database (analysts here: {', '.join(sorted(known)) or 'none'})"
        )
    article_ids = store.samples.article_ids(sample) if sample else store.coding.coded_by(analysts)
    # One reading of the set: who coded what (marked done, or a span there) comes from it as well.
    lengths, units, rows = store.coding.read(article_ids, analysts)
    coded = store.coding.done_by(article_ids, analysts)
    for article_id, _code, _start, _end, annotator, _id in rows:
        coded[annotator].add(article_id)
    coverage = Coverage(len(article_ids), {name: len(coded[name]) for name in analysts}, finished_only)
    if finished_only:
        everyone = set.intersection(*coded.values())
        lengths = {article_id: length for article_id, length in lengths.items() if article_id in everyone}
        units = {article_id: found for article_id, found in units.items() if article_id in everyone}
        rows = [row for row in rows if row[0] in everyone]
    return CodingData(tuple(analysts), lengths, units, list(map(CodedSpan._make, rows))), coverage


@dataclass(frozen=True)
class Report:
    analysts: tuple[str, ...]
    sample: str
    articles: int
    spans: Counter[str]  # per analyst
    figures: list[Figure]
    confusion: Counter[tuple[str, str]]  # first two analysts
    comparison: Comparison  # first two analysts
    coverage: Coverage
    # False for the figures alone, sent ahead while the confusion table and disagreements are worked out.
    complete: bool = True

    def value(self, category: str, measure: str) -> float | None:
        return next((f.value for f in self.figures if (f.category, f.measure) == (category, measure)), None)


def report(
    store: Store,
    analysts: Sequence[str],
    sample: str = "",
    levels: Iterable[Level] = tuple(Level),
    details: bool = True,
    finished_only: bool = False,
) -> Report:
    """The figures, and (``details``) the confusion table and disagreements of the first two analysts."""
    *_ahead, whole = report_in_steps(store, analysts, sample, levels, details, finished_only)
    return whole


def report_in_steps(
    store: Store,
    analysts: Sequence[str],
    sample: str = "",
    levels: Iterable[Level] = tuple(Level),
    details: bool = True,
    finished_only: bool = False,
) -> Iterator[Report]:
    """``report``, with (when ``details``) the figures alone first: a window shows them while the
    confusion table and the disagreements are worked out."""
    # Paused between the steps only: the caller may do anything while it holds a step.
    with collector_paused():
        data, coverage = coding_data(store, analysts, sample, finished_only)
        first, second = data.analysts[0], data.analysts[1]
        figures = Report(
            data.analysts,
            sample,
            len(data.lengths),
            Counter(map(attrgetter("annotator"), data.spans)),
            agreement(data, levels),
            Counter(),
            Comparison([], []),
            coverage,
            complete=not details,
        )
    yield figures
    if details:
        with collector_paused():
            grouped = by_article(data.spans, first, second)
            whole = replace(
                figures,
                confusion=confusion(data.spans, first, second, grouped),
                comparison=compare(data.spans, first, second, grouped),
                complete=True,
            )
        yield whole


def context_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, passage, after) with up to CONTEXT characters each side, on one line."""

    def flat(part: str) -> str:
        return part.replace("\n", " ")

    return flat(text[max(0, start - CONTEXT) : start]), flat(text[start:end]), flat(text[end : end + CONTEXT])


def shown(value: float | None) -> str:
    # Adding 0.0 turns a rounded -0.0 into 0.0, so no figure reads "-0.0000".
    return "" if value is None else f"{round(value, 4) + 0.0:.4f}"


def as_csv(result: Report) -> str:
    """The figures, after one ``coverage`` row per analyst: (coverage, analyst, articles coded, articles in the set)."""
    out = io.StringIO()
    writer = GuardedWriter(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for name, coded in result.coverage.coded.items():
        writer.writerow(["coverage", name, coded, result.coverage.articles])
    for figure in result.figures:
        writer.writerow([figure.category, figure.measure, shown(figure.value), figure.units])
    return out.getvalue()


def as_json(result: Report, texts: dict[int, str]) -> str:
    return json.dumps(
        {
            "analysts": list(result.analysts),
            "sample": result.sample,
            "articles": result.articles,
            "spans": dict(result.spans),
            "coverage": {
                "articles_in_set": result.coverage.articles,
                "coded": result.coverage.coded,
                "finished_only": result.coverage.finished_only,
                "warning": result.coverage.warning(),
            },
            "figures": [f.__dict__ for f in result.figures],
            "confusion": [
                {"first": a or None, "second": b or None, "count": n} for (a, b), n in sorted(result.confusion.items())
            ],
            "disagreements": [disagreement_record(d, texts) for d in result.comparison.disagreements],
        },
        ensure_ascii=False,
        indent=1,
    )


def disagreement_record(item: Disagreement, texts: dict[int, str]) -> dict[str, object]:
    before, passage, after = context_of(texts.get(item.article_id, ""), item.start, item.end)
    return {
        "article_id": item.article_id,
        "start": item.start,
        "end": item.end,
        "quarrel": item.quarrel.value,
        "first": [[s.category_id, s.start, s.end] for s in item.first],
        "second": [[s.category_id, s.start, s.end] for s in item.second],
        "context": f"{before}【{passage}】{after}",
    }


def as_text(result: Report, texts: dict[int, str], limit: int = 50) -> str:
    """The report for a terminal: figures by code, the confusion table, the first disagreements."""
    first, second = result.analysts[0], result.analysts[1]
    coverage = result.coverage
    covered = ", ".join(f"{name} coded {n} of {coverage.articles}" for name, n in coverage.coded.items())
    lines = [
        f"Agreement of {', '.join(result.analysts)} on {result.articles} articles"
        + (f" (sample “{result.sample}”)" if result.sample else " (every article any of them coded)"),
        "spans: " + ", ".join(f"{name} {result.spans.get(name, 0)}" for name in result.analysts),
        f"coverage: {covered}" + (" (figures over the articles all of them coded)" if coverage.finished_only else ""),
        *([f"warning: {coverage.warning()}"] if coverage.warning() else []),
        "",
    ]
    measures = [m for level in Level for m in MEASURES[level] if any(f.measure == m for f in result.figures)]
    categories = list(dict.fromkeys(f.category for f in result.figures))
    width = max([8, *(len(c) for c in categories)])
    lines.append(f"{'code':<{width}}  " + "  ".join(f"{m:>20}" for m in measures))
    for category in categories:
        cells = [shown(result.value(category, m)) or "n/a" for m in measures]
        lines.append(f"{category:<{width}}  " + "  ".join(f"{c:>20}" for c in cells))
    lines += ["", "n/a: not defined (no analyst coded it, or no variation).", ""]
    lines.append(f"Confusion ({first} down, {second} across; — = nothing overlapping):")
    codes = sorted({a for a, _ in result.confusion} | {b for _, b in result.confusion}, key=lambda c: (c == NONE, c))
    label = {code: code or "—" for code in codes}
    lines.append(f"{'':<{width}}  " + "  ".join(f"{label[c]:>10}" for c in codes))
    for a in codes:
        lines.append(f"{label[a]:<{width}}  " + "  ".join(f"{result.confusion.get((a, b), 0):>10}" for b in codes))
    disagreements = result.comparison.disagreements
    lines += ["", f"{len(disagreements)} disagreements, {len(result.comparison.agreed)} spans agreed:"]
    for item in disagreements[:limit]:
        before, passage, after = context_of(texts.get(item.article_id, ""), item.start, item.end)
        codes_a = ",".join(s.category_id for s in item.first) or "—"
        codes_b = ",".join(s.category_id for s in item.second) or "—"
        lines.append(
            f"  article {item.article_id} [{item.start}:{item.end}] {item.quarrel.value}: "
            f"{first} {codes_a} / {second} {codes_b}  {before}【{passage}】{after}"
        )
    if len(disagreements) > limit:
        lines.append(f"  … and {len(disagreements) - limit} more (--format json lists them all)")
    return "\n".join(lines) + "\n"
