"""Adjudication: deciding, passage by passage, what the consensus layer keeps of two analysts' coding.

The consensus is an analyst like any other (named ``consensus``), so every export, report and
agreement figure can select it. Each decision copies the chosen analysts' spans into it and is
recorded with the spans it made; undo removes exactly those (while they are as made) and opens
the passage again. An edited boundary is an ordinary move of the consensus span afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.analysts.agreement import CodedSpan
from desktop.core.analysts.disagreements import Comparison, Disagreement
from desktop.core.analysts.verdicts import Decision
from desktop.core.coding.commands import Change, ChangeKind
from desktop.core.models import Span
from desktop.core.store import Store
from desktop.core.store.adjudications import Decided

CONSENSUS = "consensus"


def agreed_key(pair: tuple[CodedSpan, CodedSpan]) -> str:
    return f"=:{pair[0].span_id},{pair[1].span_id}"


def consensus_copies(store: Store, spans: Sequence[CodedSpan]) -> tuple[Span, ...]:
    """New consensus spans quoting what these analysts' spans quote (one per distinct tag)."""
    copies: dict[tuple[str, int, int], Span] = {}
    for coded in spans:
        span = store.spans.get(coded.span_id)
        copy = span._replace(id=None, annotator=CONSENSUS, created_at="", updated_at="")
        copies.setdefault((copy.category_id, copy.start, copy.end), copy)
    return tuple(copies.values())


def chosen(item: Disagreement, decision: Decision) -> tuple[CodedSpan, ...]:
    if decision is Decision.FIRST:
        return item.first
    if decision is Decision.SECOND:
        return item.second
    if decision is Decision.BOTH:
        return item.first + item.second
    return ()


@dataclass
class Adjudicate:
    """Decide passages (one, or every agreed span at once) into the consensus layer, as one undoable step."""

    first: str
    second: str
    decided: list[Decided]
    description: str
    # The consensus spans each decision made, in the order of ``decided``; empty until done.
    made: list[tuple[Span, ...]] = field(default_factory=list, init=False)

    def do(self, store: Store) -> Change:
        # A redo puts back the very spans (same ids) that undo removed.
        again = [d._replace(spans=m) for d, m in zip(self.decided, self.made, strict=True)] if self.made else None
        self.made = store.adjudications.record(self.first, self.second, again or self.decided)
        return self._change(ChangeKind.SPANS_ADDED)

    def undo(self, store: Store) -> Change:
        spans = [span for group in self.made for span in group]
        store.adjudications.withdraw(self.first, self.second, [d.key for d in self.decided], spans)
        return self._change(ChangeKind.SPANS_REMOVED)

    def _change(self, kind: ChangeKind) -> Change:
        """A batch: one decision touches one article, accepting every agreed span touches many."""
        spans = tuple(span for group in self.made for span in group)
        articles = tuple(sorted({d.article_id for d in self.decided}))
        detail = self.description if kind is ChangeKind.SPANS_ADDED else f"undo: {self.description}"
        removed = kind is ChangeKind.SPANS_REMOVED
        first = articles[0] if articles else 0
        return Change(ChangeKind.BATCH, first, spans, articles=articles, detail=detail, removed=removed)

    def describe(self) -> str:
        return self.description


def decide(store: Store, first: str, second: str, item: Disagreement, decision: Decision) -> Adjudicate:
    spans = consensus_copies(store, chosen(item, decision))
    return Adjudicate(
        first,
        second,
        [Decided(item.key, item.article_id, decision.value, spans)],
        f"adjudicate article {item.article_id} [{item.start}:{item.end}]: {decision.value}",
    )


def accept_agreed(store: Store, first: str, second: str, comparison: Comparison) -> Adjudicate | None:
    """Every span both analysts made alike, into the consensus in one step (those not taken yet)."""
    done = store.adjudications.decisions(first, second)
    waiting = [pair for pair in comparison.agreed if agreed_key(pair) not in done]
    if not waiting:
        return None
    decided = [
        Decided(agreed_key(pair), pair[0].article_id, Decision.AGREED.value, consensus_copies(store, pair[:1]))
        for pair in waiting
    ]
    return Adjudicate(first, second, decided, f"accept {len(decided)} spans both analysts agree on")


@dataclass(frozen=True)
class Progress:
    decided: int
    total: int
    agreed_waiting: int


def progress(done: dict[str, str], comparison: Comparison) -> Progress:
    """How far adjudication is, from the decisions taken (``store.adjudications.decisions``)."""
    return Progress(
        sum(1 for item in comparison.disagreements if item.key in done),
        len(comparison.disagreements),
        sum(1 for pair in comparison.agreed if agreed_key(pair) not in done),
    )
