"""Where two analysts differ: the passages an adjudicator walks, and the confusion of their codes.

Spans of the same code at the same offsets by both analysts agree. Every other span belongs to
a disagreement: the spans of either analyst that overlap one another, whatever their codes,
form one passage to decide (a chain of overlaps is one passage), so the adjudicator sees a
boundary or code quarrel whole rather than span by span.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from desktop.core.analysts.agreement import CodedSpan
from desktop.core.analysts.verdicts import Quarrel


class Disagreement(NamedTuple):
    """A passage to decide (a tuple: a corpus has tens of thousands, made in one pass)."""

    article_id: int
    start: int  # from the first to the last character any of its spans covers
    end: int
    first: tuple[CodedSpan, ...]
    second: tuple[CodedSpan, ...]

    @property
    def key(self) -> str:
        """Names the passage by its spans: the same spans, the same decision, in any later session."""
        return (
            "a:" + ",".join(str(s.span_id) for s in self.first) + "|b:" + ",".join(str(s.span_id) for s in self.second)
        )

    @property
    def quarrel(self) -> Quarrel:
        if not self.second:
            return Quarrel.ONLY_FIRST
        if not self.first:
            return Quarrel.ONLY_SECOND
        if len(self.first) == len(self.second) == 1:
            a, b = self.first[0], self.second[0]
            if (a.start, a.end) == (b.start, b.end):
                return Quarrel.CODE
            if a.category_id == b.category_id:
                return Quarrel.BOUNDARY
        return Quarrel.MIXED


@dataclass(frozen=True)
class Comparison:
    """Two analysts' spans on a set of articles: agreeing pairs and the passages that differ."""

    agreed: list[tuple[CodedSpan, CodedSpan]]
    disagreements: list[Disagreement]


_SPAN_ID = itemgetter(5)  # CodedSpan.span_id: read in C, where a lambda per span cost a tenth of the comparison


ByArticle = tuple[dict[int, list[CodedSpan]], dict[int, list[CodedSpan]]]


def by_article(spans: Iterable[CodedSpan], first: str, second: str) -> ByArticle:
    """Each analyst's spans by article, in one pass over the spans (the report's comparison and
    confusion table share it)."""
    grouped: dict[str, dict[int, list[CodedSpan]]] = {first: defaultdict(list), second: defaultdict(list)}
    for span in spans:
        articles = grouped.get(span.annotator)
        if articles is not None:
            articles[span.article_id].append(span)
    return grouped[first], grouped[second]


def compare(spans: Sequence[CodedSpan], first: str, second: str, grouped: ByArticle | None = None) -> Comparison:
    """Agreeing pairs and disagreements of ``first`` and ``second``, article by article, in text order."""
    firsts, seconds = grouped or by_article(spans, first, second)
    agreed: list[tuple[CodedSpan, CodedSpan]] = []
    disagreements: list[Disagreement] = []
    for article_id in sorted(firsts.keys() | seconds.keys()):
        waiting: dict[tuple[str, int, int], list[CodedSpan]] = {}
        for span in sorted(seconds.get(article_id, ()), key=_SPAN_ID):
            waiting.setdefault((span.category_id, span.start, span.end), []).append(span)
        # (start, end, id, whose, span): sorted as plain tuples, in C, into text order.
        rest: list[tuple[int, int, int, bool, CodedSpan]] = []
        for span in sorted(firsts.get(article_id, ()), key=_SPAN_ID):
            partners = waiting.get((span.category_id, span.start, span.end))
            if partners:
                agreed.append((span, partners.pop(0)))
            else:
                rest.append((span.start, span.end, span.span_id, True, span))
        rest += [(s.start, s.end, s.span_id, False, s) for partners in waiting.values() for s in partners]
        if rest:
            disagreements += _passages(article_id, rest)
    return Comparison(agreed, disagreements)


def _passages(article_id: int, spans: list[tuple[int, int, int, bool, CodedSpan]]) -> list[Disagreement]:
    """Chains of overlapping spans, each one passage."""
    found: list[Disagreement] = []
    spans.sort()
    group: list[tuple[int, int, int, bool, CodedSpan]] = []
    reach = -1
    for item in spans:
        if group and item[0] >= reach:
            found.append(_passage(article_id, group, reach))
            group, reach = [], -1
        group.append(item)
        reach = max(reach, item[1])
    if group:
        found.append(_passage(article_id, group, reach))
    return found


def _passage(article_id: int, group: list[tuple[int, int, int, bool, CodedSpan]], reach: int) -> Disagreement:
    # The group is in text order: its first span starts first.
    return Disagreement(
        article_id,
        group[0][0],
        reach,
        tuple(item[4] for item in group if item[3]),
        tuple(item[4] for item in group if not item[3]),
    )


NONE = ""  # the row or column of spans the other analyst has nothing overlapping


def confusion(
    spans: Sequence[CodedSpan], first: str, second: str, grouped: ByArticle | None = None
) -> Counter[tuple[str, str]]:
    """(first's code, second's code) for every pair of overlapping spans; NONE for a span no span of the
    other analyst overlaps."""
    table: Counter[tuple[str, str]] = Counter()
    firsts, seconds = grouped or by_article(spans, first, second)
    for article_id in firsts.keys() | seconds.keys():
        a_spans, b_spans = firsts.get(article_id, []), seconds.get(article_id, [])
        b_hit = [False] * len(b_spans)
        for a in a_spans:
            hit = False
            for index, b in enumerate(b_spans):
                if a.start < b.end and b.start < a.end:
                    table[(a.category_id, b.category_id)] += 1
                    hit = b_hit[index] = True
            if not hit:
                table[(a.category_id, NONE)] += 1
        for b, hit in zip(b_spans, b_hit, strict=True):
            if not hit:
                table[(NONE, b.category_id)] += 1
    return table
