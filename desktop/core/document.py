"""An article with its offset map: selections in either script become spans that quote both.

Ground, not a use case: the store hands these out (``Store.document``), so it may not
depend on anything above the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.models import Article, Span
from desktop.core.offsets import OffsetMap


class SelectionError(ValueError):
    """A selection that cannot become a span; the message says why, for the user."""


@dataclass(frozen=True)
class Document:
    """An article with its map, as the window holds it while it is open."""

    article: Article
    offset_map: OffsetMap

    def span_from_text(self, start: int, end: int, category_id: str, annotator: str, note: str = "") -> Span:
        """A span from a selection of the Simplified text (white space at its ends left out)."""
        start, end = _trimmed(self.article.text, start, end)
        return self.span_at(start, end, category_id, annotator, note)

    def span_at(self, start: int, end: int, category_id: str, annotator: str, note: str = "") -> Span:
        """The span at exactly these offsets of the Simplified text, quoting both scripts."""
        article = self.article
        span = quoted_span(article.id, article.text, article.original_text, self.offset_map, start, end, category_id)
        return span._replace(note=note, annotator=annotator)

    def span_from_original(self, start: int, end: int, category_id: str, annotator: str, note: str = "") -> Span:
        """A span from a selection of the original text, snapped to the Simplified text it belongs to."""
        if start >= end:
            raise SelectionError("nothing is selected")
        t_start, t_end = self.offset_map.from_original(start, end)
        if t_start >= t_end:
            raise SelectionError("the selection lies in text removed from the Simplified version (boilerplate)")
        return self.span_from_text(t_start, t_end, category_id, annotator, note)

    def moved(self, span: Span, start_step: int = 0, end_step: int = 0) -> Span:
        """The span with its start and/or end moved by characters of the Simplified text.

        A boundary steps over white space, so a span never begins or ends with it; the
        original side follows through the map (snapped to whole pinyin notes and the like).
        """
        text = self.article.text
        start, end = span.start, span.end
        if start_step:
            start += start_step
            while 0 < start < end and text[start].isspace():
                start += 1 if start_step > 0 else -1
        if end_step:
            end += end_step
            while start < end < len(text) and text[end - 1].isspace():
                end += 1 if end_step > 0 else -1
        if start < 0 or end > len(text):
            raise SelectionError("the span already reaches the edge of the text")
        if end <= start or not text[start:end].strip():
            raise SelectionError("a span keeps at least one character")
        moved = self.span_at(start, end, span.category_id, span.annotator, span.note)
        return moved._replace(id=span.id, created_at=span.created_at)

    def quotes_match(self, span: Span) -> bool:
        """Whether a stored span still quotes this article at its offsets, in both scripts."""
        article = self.article
        return (
            0 <= span.start < span.end <= len(article.text)
            and article.text[span.start : span.end] == span.text
            and article.original_text[span.original_start : span.original_end] == span.original_text
        )

    def text_range_of_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offset_map.from_original(start, end)

    def original_range_of_text(self, start: int, end: int) -> tuple[int, int]:
        return self.offset_map.to_original(start, end)


def quoted_span(
    article_id: int, text: str, original: str, offset_map: OffsetMap, start: int, end: int, category_id: str
) -> Span:
    """A new span at [start, end) of a Simplified text, its original offsets through the map, quoting both."""
    o_start, o_end = offset_map.to_original(start, end)
    return Span(None, article_id, category_id, start, end, text[start:end], o_start, o_end, original[o_start:o_end])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Leading and trailing white space is never part of a span."""
    if start >= end:
        raise SelectionError("nothing is selected")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise SelectionError("the selection holds only white space")
    return start, end
