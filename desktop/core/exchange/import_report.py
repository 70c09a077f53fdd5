"""What an annotation import reports: the articles it attached to or created, the spans and codes
it added, and each record it skipped, with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.core.exchange.codebook_merge import CodebookReport


class SkipRecord(Exception):
    """A span or record that cannot be imported; the message is the reason."""


@dataclass
class ImportReport:
    format_name: str = ""
    attached: set[int] = field(default_factory=set)
    created: set[int] = field(default_factory=set)
    spans_imported: int = 0
    spans_present: int = 0
    categories_created: list[str] = field(default_factory=list)
    codebook: CodebookReport | None = None
    skipped: list[tuple[int, str]] = field(default_factory=list)
    failed: str = ""
    notices: list[str] = field(default_factory=list)
    # The line an analyst's cancel stopped the import before (0: not cancelled).
    cancelled_at: int = 0

    def lines(self) -> Iterator[str]:
        if self.format_name:
            yield f"format: {self.format_name}"
        yield from self.notices
        for line, reason in self.skipped:
            yield f"line {line}: skipped: {reason}"
        if self.codebook is not None:
            yield from (f"codebook: {line}" for line in self.codebook.lines())
        for category in self.categories_created:
            yield f"new category: {category} (not known before; created)"
        if self.failed:
            yield f"failed: {self.failed}"
        if self.cancelled_at:
            yield (
                f"cancelled at line {self.cancelled_at}: the records before it were stored (counted below),"
                " that line and the ones after it were not"
            )
        yield f"articles: {len(self.attached - self.created)} attached, {len(self.created)} created"
        yield (
            f"spans: {self.spans_imported} imported, {self.spans_present} already present, {len(self.skipped)} skipped"
        )
