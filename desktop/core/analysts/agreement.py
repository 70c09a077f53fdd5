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
from typing import NamedTuple

from desktop.core.analysts.agreement_measures import (
    Matched,
    Presence,
    alpha_binary,
    fleiss_kappa,
    match,
    mean_cohen_kappa,
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
    return sorted({span.category_id for span in data.spans})


def span_figures(data: CodingData, categories: Sequence[str]) -> list[Figure]:
    reference, *others = data.analysts
    grouped: dict[tuple[str, int, str], list[tuple[int, int]]] = defaultdict(list)
    for span in data.spans:
        grouped[(span.category_id, span.article_id, span.annotator)].append((span.start, span.end))
    pairs = {(category, article) for category, article, _ in grouped}
    empty = Matched(0, 0, 0, 0)
    figures = []
    for exact, measure in ((True, "f1_exact"), (False, "f1_overlap")):
        per_category = dict.fromkeys(categories, empty)
        for category, article in pairs:
            first = grouped.get((category, article, reference), [])
            for other in others:
                second = grouped.get((category, article, other), [])
                if first or second:
                    per_category[category] = per_category[category] + match(first, second, exact)
        overall = sum(per_category.values(), empty)
        for category, matched in [*per_category.items(), (OVERALL, overall)]:
            figures.append(Figure(category, measure, matched.f1, matched.reference_total + matched.other_total))
    return figures


def unit_presence(data: CodingData, categories: Sequence[str]) -> dict[str, Presence]:
    """Per code, each analyst's coding units it is present in (units numbered across the articles)."""
    numbered: dict[int, int] = {}
    total = 0
    for article_id in data.lengths:
        numbered[article_id] = total
        total += len(data.units.get(article_id, ([], []))[0])
    present: dict[tuple[str, str], set[Hashable]] = defaultdict(set)
    no_units: tuple[list[int], list[int]] = ([], [])
    for span in data.spans:
        base = numbered.get(span.article_id)
        if base is None:
            continue
        starts, ends = data.units.get(span.article_id, no_units)
        # Units overlapping [start, end): those ending after start up to those starting before end.
        first, last = bisect_right(ends, span.start), bisect_left(starts, span.end)
        present[(span.category_id, span.annotator)].update(range(base + first, base + last))
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
    for span in data.spans:
        if span.article_id in begins:
            base = begins[span.article_id]
            stretches[(span.category_id, span.annotator)].append((base + span.start, base + span.end))
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
