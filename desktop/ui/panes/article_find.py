"""Find in the open article (the find bar): the matches of a query, stepped through in both panes."""

from __future__ import annotations

from desktop.core.coding.annotating import find_all
from desktop.core.document import Document
from desktop.ui.panes.text_pane import TextPane


class ArticleFind:
    """The current query's matches in the open article, and which one is selected."""

    def __init__(self) -> None:
        self.matches: list[tuple[int, int]] = []
        self.query = ""
        self.index = -1

    def reset(self) -> None:
        self.matches, self.query = [], ""

    def next(self, document: Document, query: str, simplified: TextPane, original: TextPane) -> tuple[int, int]:
        """Select the next match in the Simplified pane (from the caret on for a new query) and its original.

        Returns (index, count), index 0 when nothing matches.
        """
        if query != self.query:
            self.matches, self.query = find_all(document, query), query
            start, _ = simplified.selection()
            self.index = next((i for i, m in enumerate(self.matches) if m[0] >= start), 0) - 1
        if not self.matches:
            return 0, 0
        self.index = (self.index + 1) % len(self.matches)
        start, end = self.matches[self.index]
        simplified.select(start, end)
        original.select(*document.original_range_of_text(start, end))
        return self.index + 1, len(self.matches)
