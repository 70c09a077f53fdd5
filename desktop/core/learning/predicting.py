"""What a learned model suggests: the units of an article it finds a code in, and which articles it is
least sure of (the ones to code next, so each teaches it most)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from desktop.core.codebook import Codebook
from desktop.core.search.suggesting import Suggestion
from desktop.core.store.coded_units import CodedUnits
from desktop.core.units import trimmed

if TYPE_CHECKING:  # the model module imports scikit-learn: the window, which never loads it, imports this one
    from desktop.core.learning.model import LearnedModel

LEARNED = "learned"
# Taking a suggestion tags the unit's clause: the sentence without the mark that ends it.
_CLOSING = "。！？；!?，,、"


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trimmed(text, start, end)
    while end > start and text[end - 1] in _CLOSING:
        end -= 1
    return trimmed(text, start, end)


def clause_places(text: str, units: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clause of each unit that has one (a unit of punctuation alone has none)."""
    places = [clause_of(text, start, end) for start, end in units]
    return [(start, end) for start, end in places if end > start]


def suggestions_from(
    chances: dict[str, list[float]],
    thresholds: dict[str, float],
    places: Sequence[tuple[int, int]],
    codebook: Codebook,
    spans: Iterable[tuple[int, int, str]] = (),
    rejected: Iterable[tuple[int, int, str]] = (),
) -> list[Suggestion]:
    """The places a code's probability reaches its threshold, in text order, with the probability.

    None where the analyst already coded the place with that code or one under it, nor where the
    same suggestion was rejected.
    """
    covered: dict[str, list[tuple[int, int]]] = {}
    for start, end, category_id in spans:
        for code in (category_id, *codebook.ancestors(category_id)) if category_id in codebook else (category_id,):
            covered.setdefault(code, []).append((start, end))
    refused = set(rejected)
    found = []
    for code, probabilities in chances.items():
        threshold = thresholds.get(code)
        if threshold is None:
            continue
        for (start, end), chance in zip(places, probabilities, strict=True):
            if chance < threshold or (start, end, code) in refused:
                continue
            if any(s < end and start < e for s, e in covered.get(code, ())):
                continue
            found.append(Suggestion(start, end, code, LEARNED, f"{chance:.0%}"))
    return sorted(found, key=lambda s: (s.start, s.end, s.category_id))


def learned_suggestions(
    model: LearnedModel,
    text: str,
    units: Sequence[tuple[int, int]],
    codebook: Codebook,
    spans: Iterable[tuple[int, int, str]] = (),
    rejected: Iterable[tuple[int, int, str]] = (),
) -> list[Suggestion]:
    """``suggestions_from`` with the model at hand (the command line; the window asks its worker)."""
    places = clause_places(text, units)
    if not places:
        return []
    chances = model.probabilities([text[start:end] for start, end in places])
    return suggestions_from(chances, model.thresholds(), places, codebook, spans, rejected)


def uncertainty(model: LearnedModel, units: CodedUnits, article_ids: Sequence[int]) -> dict[int, float]:
    """Per article, how unsure the model is of its units: 1 when every unit sits on a code's threshold,
    0 when every unit is far from every threshold. Coding the least sure first teaches the model most."""
    thresholds = model.thresholds()
    if not thresholds or not article_ids:
        return {}
    rows = list(units.unit_texts(article_ids))
    chances = model.probabilities([row[3] for row in rows])
    doubt = [0.0] * len(rows)
    for code, probabilities in chances.items():
        threshold = thresholds[code]
        # Distance from the threshold over the room on its side, so that a certain yes (1) and a
        # certain no (0) both count 0, however far from the middle the threshold sits.
        below, above = threshold or 1.0, (1.0 - threshold) or 1.0
        for index, chance in enumerate(probabilities):
            room = above if chance >= threshold else below
            doubt[index] = max(doubt[index], 1.0 - abs(chance - threshold) / room)
    totals: dict[int, list[float]] = {}
    for row, value in zip(rows, doubt, strict=True):
        totals.setdefault(int(row[0]), []).append(value)
    return {article_id: sum(values) / len(values) for article_id, values in totals.items()}
