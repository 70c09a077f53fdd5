"""How far analysts agree on a set of articles, per code and overall: the figures a study reports.

Three levels, each with the rule it counts by:

- spans: B's spans against A's (the first analyst is the reference), F1 with a span matched when
  the other analyst has one of the same code at the same offsets (``f1_exact``) or one of the
  same code sharing at least half of their union (``f1_overlap``);
- coding units (the numbered sentences of each article): a code is present in a unit when an
  analyst's span of it overlaps the unit; Cohen's κ (averaged over pairs for three or more
  analysts), Fleiss' κ (three or more), Krippendorff's α, and the percent agreement beside them;
- characters: Krippendorff's uα, which does not reward agreeing on uncoded text.

The ``ALL`` row pools the codes: units × codes as items for κ and α, every span for F1, the
disagreements of every code summed for uα. Only codes some analyst used in the set are counted.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple

from desktop.core.analysts.agreement_measures import (
    OVERLAP_MATCH,
    Matched,
    Presence,
    alpha_binary,
    fleiss_kappa,
    match,
    mean_cohen_kappa,
    overlap_ratio,
    percent_agreement,
)
from desktop.core.analysts.unitizing import UnitizingDisagreement, unitizing_disagreement

OVERALL = "ALL"


class Level(StrEnum):
    SPAN = "span"
    UNIT = "unit"
    CHARACTER = "character"


MEASURES = {
    Level.SPAN: ("f1_exact", "f1_overlap"),
    Level.UNIT: ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "percent_agreement"),
    Level.CHARACTER: ("krippendorff_alpha_u",),
}


class CodedSpan(NamedTuple):
    article_id: int
    category_id: str
    start: int
    end: int
    annotator: str
    span_id: int


@dataclass(frozen=True)
class CodingData:
    """What agreement reads of a set of articles: lengths, coding units, and the analysts' spans."""

    analysts: tuple[str, ...]
    lengths: dict[int, int]  # article id -> characters of the Simplified text
    units: dict[int, tuple[list[int], list[int]]]  # article id -> starts and ends of its coding units, in order
    spans: list[CodedSpan]


@dataclass(frozen=True)
class Figure:
    """One row of the report: ``value`` is None where the data cannot define it."""

    category: str
    measure: str
    value: float | None
    units: int  # what it was computed over: spans, coding units (× codes for ALL) or characters


def categories_used(data: CodingData) -> list[str]:
    return sorted(set(map(attrgetter("category_id"), data.spans)))


def _exact_tallies(data: CodingData, categories: Sequence[str]) -> dict[str, list[int]]:
    """Per code: [reference found, reference total, other found, other total] by the exact rule, summed
    over the other analysts. A span is found when the other analyst has one at the same key, so sets of
    keys decide it without grouping by article."""
    reference, *others = data.analysts
    keys: dict[str, list[tuple[str, int, int, int]]] = {name: [] for name in data.analysts}
    # Spans unpacked, not read by name: six attribute reads per span, 100,000 spans, cost a tenth of a second.
    for article_id, category_id, start, end, annotator, _id in data.spans:
        if annotator in keys:
            keys[annotator].append((category_id, article_id, start, end))
    tallies = {category: [0, 0, 0, 0] for category in categories}
    first = keys[reference]
    first_set = set(first)
    for other in others:
        second = keys[other]
        second_set = set(second)
        for key in first:
            tally = tallies[key[0]]
            tally[1] += 1
            tally[0] += key in second_set
        for key in second:
            tally = tallies[key[0]]
            tally[3] += 1
            tally[2] += key in first_set
    return tallies


def _overlap_tallies(data: CodingData, categories: Sequence[str]) -> dict[str, list[int]]:
    """As ``_exact_tallies``, by the overlap rule: spans are matched within one code and one article."""
    position = {name: index for index, name in enumerate(data.analysts)}
    count = len(data.analysts)
    # (code, article) -> each analyst's (start, end) there, in the order of ``data.analysts``.
    grouped: dict[tuple[str, int], list[list[tuple[int, int]]]] = {}
    for article_id, category_id, start, end, annotator, _id in data.spans:
        index = position.get(annotator)
        if index is None:
            continue
        key = (category_id, article_id)
        lists = grouped.get(key)
        if lists is None:
            lists = grouped[key] = [[] for _ in range(count)]
        lists[index].append((start, end))
    tallies = {category: [0, 0, 0, 0] for category in categories}
    for (category, _article), (first, *others) in grouped.items():
        tally = tallies[category]
        for second in others:
            tally[1] += len(first)
            tally[3] += len(second)
            if len(first) == len(second) == 1:  # the usual case, decided without matching lists
                a, b = first[0], second[0]
                both = a[0] < b[1] and b[0] < a[1] and overlap_ratio(a, b) >= OVERLAP_MATCH
                tally[0] += both
                tally[2] += both
            elif first and second:
                found = match(first, second, exact=False)
                tally[0] += found.reference_found
                tally[2] += found.other_found
    return tallies


def span_figures(data: CodingData, categories: Sequence[str]) -> list[Figure]:
    figures = []
    for tallies, measure in ((_exact_tallies, "f1_exact"), (_overlap_tallies, "f1_overlap")):
        # Plain lists of four counts: adding a Matched per (code, article) pair was a third of the report.
        counted = tallies(data, categories)
        overall = Matched(*(sum(tally[column] for tally in counted.values()) for column in range(4)))
        for category, matched in [*((c, Matched(*t)) for c, t in counted.items()), (OVERALL, overall)]:
            figures.append(Figure(category, measure, matched.f1, matched.reference_total + matched.other_total))
    return figures


def unit_presence(data: CodingData, categories: Sequence[str]) -> dict[str, Presence]:
    """Per code, each analyst's coding units it is present in (units numbered across the articles)."""
    # Per article: the number of its first unit across the set, and its units' starts and ends.
    placed: dict[int, tuple[int, list[int], list[int]]] = {}
    total = 0
    for article_id in data.lengths:
        starts, ends = data.units.get(article_id, ([], []))
        placed[article_id] = (total, starts, ends)
        total += len(starts)
    present: dict[tuple[str, str], set[Hashable]] = defaultdict(set)
    for article_id, category_id, start, end, annotator, _id in data.spans:
        where = placed.get(article_id)
        if where is None:
            continue
        base, starts, ends = where
        # Units overlapping [start, end): those ending after start up to those starting before end.
        present[(category_id, annotator)].update(
            range(base + bisect_right(ends, start), base + bisect_left(starts, end))
        )
    return {
        category: Presence(total, tuple(frozenset(present.get((category, a), ())) for a in data.analysts))
        for category in categories
    }


def unit_figures(data: CodingData, categories: Sequence[str]) -> list[Figure]:
    tallies = {category: presence.tally() for category, presence in unit_presence(data, categories).items()}
    overall = Presence(0, tuple(frozenset() for _ in data.analysts)).tally()
    for tally in tallies.values():
        overall = overall + tally
    figures = []
    for category, tally in [*tallies.items(), (OVERALL, overall)]:
        figures.append(Figure(category, "cohen_kappa", mean_cohen_kappa(tally), tally.items))
        if len(data.analysts) >= 3:
            figures.append(Figure(category, "fleiss_kappa", fleiss_kappa(tally), tally.items))
        figures.append(Figure(category, "krippendorff_alpha", alpha_binary(tally), tally.items))
        figures.append(Figure(category, "percent_agreement", percent_agreement(tally), tally.items))
    return figures


def continuum(data: CodingData) -> tuple[int, dict[int, int]]:
    """The articles laid end to end: total characters and where each article begins."""
    begins, length = {}, 0
    for article_id in sorted(data.lengths):
        begins[article_id] = length
        length += data.lengths[article_id]
    return length, begins


def character_figures(data: CodingData, categories: Sequence[str]) -> list[Figure]:
    length, begins = continuum(data)
    stretches: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for article_id, category_id, start, end, annotator, _id in data.spans:
        base = begins.get(article_id)
        if base is not None:
            stretches[(category_id, annotator)].append((base + start, base + end))
    overall = UnitizingDisagreement(0.0, 0.0)
    figures = []
    for category in categories:
        found = unitizing_disagreement(length, [stretches.get((category, a), []) for a in data.analysts])
        overall = overall + found
        figures.append(Figure(category, "krippendorff_alpha_u", found.alpha, length))
    figures.append(Figure(OVERALL, "krippendorff_alpha_u", overall.alpha, length))
    return figures


def agreement(data: CodingData, levels: Iterable[Level] = tuple(Level)) -> list[Figure]:
    """Every figure of the chosen levels, per code (in code order) then ``ALL``."""
    if len(data.analysts) < 2:
        raise ValueError("agreement needs at least two analysts")
    categories = categories_used(data)
    figures: list[Figure] = []
    chosen = set(levels)
    if Level.SPAN in chosen:
        figures += span_figures(data, categories)
    if Level.UNIT in chosen:
        figures += unit_figures(data, categories)
    if Level.CHARACTER in chosen:
        figures += character_figures(data, categories)
    return figures
