"""Re-process: recompute an article's Simplified text with the current pipeline, on request.

The Simplified text is never recomputed silently (it is what the spans quote). When the
pipeline improves, this command recomputes it and re-maps every span through its
original offsets, which do not change. An article where a span would land in text the
new pipeline removes is left exactly as it was, and reported.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.coding.importing import prepare_article
from desktop.core.models import Article, NewArticle, Span
from desktop.core.store import Store
from desktop.core.text.cleaning import DEFAULT_RULES
from desktop.core.text.convert import DEFAULT_CONVERTER


@dataclass
class ReprocessOutcome:
    article_id: int
    changed: bool = False
    spans_moved: int = 0
    blocking: list[Span] = field(default_factory=list)


@dataclass
class ReprocessPlan:
    """What re-processing one article would change, worked out without writing anything."""

    article: Article
    fresh: NewArticle
    before: list[Span]
    moved: list[Span]
    blocking: list[Span]
    unchanged: bool

    @property
    def spans_moved(self) -> int:
        return sum(1 for old, new in zip(self.before, self.moved, strict=False) if old != new)

    def changed_lines(self, limit: int = 200) -> list[str]:
        """The Simplified text's changed lines as a unified diff (at most ``limit`` lines)."""
        diff = difflib.unified_diff(
            self.article.text.splitlines(), self.fresh.text.splitlines(), "stored", "re-processed", lineterm="", n=0
        )
        return list(itertools.islice(diff, limit))


def plan_reprocess(
    store: Store, article_id: int, rules: Sequence[str] = DEFAULT_RULES, converter: str = DEFAULT_CONVERTER
) -> ReprocessPlan:
    article = store.articles.get(article_id)
    fresh = prepare_article(
        article.original_text, article.source_path, article.encoding, rules, article.sha256, converter
    )
    stored_map, fresh_map = store.articles.offset_map(article_id), fresh.mapped()
    unchanged = (
        fresh.text == article.text
        and fresh_map == stored_map
        and fresh.rules == article.rules
        and fresh.pipeline_version == article.pipeline_version
        and fresh.converter == article.converter
        and fresh.converter_version == article.converter_version
        and fresh.title == article.title
        and fresh.original_title == article.original_title
    )
    moved: list[Span] = []
    blocking: list[Span] = []
    before = store.spans.of_article(article_id)
    for span in before:
        start, end = fresh_map.from_original(span.original_start, span.original_end)
        if start >= end:
            blocking.append(span)
            continue
        o_start, o_end = fresh_map.to_original(start, end)
        moved.append(
            span._replace(
                start=start,
                end=end,
                text=fresh.text[start:end],
                original_start=o_start,
                original_end=o_end,
                original_text=article.original_text[o_start:o_end],
            )
        )
    return ReprocessPlan(article, fresh, before, moved, blocking, unchanged)


def apply_plan(store: Store, plan: ReprocessPlan) -> ReprocessOutcome:
    """Write a plan: nothing when it changes nothing or a span would land in removed text."""
    outcome = ReprocessOutcome(plan.article.id, blocking=list(plan.blocking))
    if plan.unchanged or plan.blocking:
        # Metadata the page states is still filled where empty: articles stored before it was read get it.
        store.metadata.fill_stated(plan.article.id, plan.fresh.metadata)
        return outcome
    store.articles.replace_processing(plan.article.id, plan.fresh, plan.moved)
    outcome.changed = True
    outcome.spans_moved = plan.spans_moved
    return outcome


def reprocess_article(
    store: Store, article_id: int, rules: Sequence[str] = DEFAULT_RULES, converter: str = DEFAULT_CONVERTER
) -> ReprocessOutcome:
    return apply_plan(store, plan_reprocess(store, article_id, rules, converter))
