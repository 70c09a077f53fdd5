"""What analysts decided about suggestions: accepted ones (with the span they became) and rejected
ones (never suggested again at that place), counted per source so a misleading rule shows."""

from __future__ import annotations

from typing import NamedTuple

from desktop.core.layers import Layers
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction, now
from desktop.core.store.queries import layers_clause


class SourceRecord(NamedTuple):
    """How often the suggestions of one source (a rule, or strings tagged elsewhere) were taken."""

    source: str
    accepted: int
    rejected: int
    switched_off: bool

    @property
    def acceptance(self) -> float | None:
        decided = self.accepted + self.rejected
        return None if decided == 0 else self.accepted / decided


class SuggestionLog:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    def decide(
        self,
        article_id: int,
        start: int,
        end: int,
        category_id: str,
        source: str,
        *,
        accepted: bool,
        span_id: int | None = None,
    ) -> int:
        """Record a decision (inside the caller's transaction when there is one); returns its id."""
        with self._write():
            cursor = self.db.execute(
                "insert into suggestion_decisions (article_id, start, end, category_id, source, accepted, span_id,"
                " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, start, end, category_id, source, int(accepted), span_id, now()],
            )
        return int(cursor.lastrowid or 0)

    def forget(self, decision_id: int) -> None:
        with self._write():
            self.db.execute("delete from suggestion_decisions where id = ?", [decision_id])

    def rejected(self, article_id: int) -> set[tuple[int, int, str]]:
        """(start, end, category) of the suggestions rejected in an article."""
        rows = self.db.execute(
            "select start, end, category_id from suggestion_decisions where article_id = ? and accepted = 0",
            [article_id],
        ).fetchall()
        return {(row[0], row[1], row[2]) for row in rows}

    def records(self, sources: list[str]) -> list[SourceRecord]:
        """Every source named or decided on, with its counts, in the order given, then by name."""
        counts = {
            row[0]: (int(row[1]), int(row[2]))
            for row in self.db.execute(
                "select source, sum(accepted), sum(1 - accepted) from suggestion_decisions group by source"
            )
        }
        off = self.switched_off()
        names = list(dict.fromkeys([*sources, *sorted(counts)]))
        return [SourceRecord(name, *counts.get(name, (0, 0)), name in off) for name in names]

    def switched_off(self) -> set[str]:
        return {row[0] for row in self.db.execute("select source from suggestion_sources_off")}

    def switch(self, source: str, *, on: bool) -> None:
        with self._write():
            if on:
                self.db.execute("delete from suggestion_sources_off where source = ?", [source])
            else:
                self.db.execute("insert or ignore into suggestion_sources_off (source) values (?)", [source])

    def tagged_strings(
        self, layers: Layers, min_length: int = 2, max_length: int = 40, limit: int = 5000
    ) -> list[tuple[str, str, int]]:
        """(category, text, times) of the passages these layers tagged most often, for suggesting them elsewhere.

        In blind coding the layer is the analyst's own: another coder's choices are never suggested.
        """
        by, by_params = layers_clause(layers)
        whose = "".join(f" and {clause}" for clause in by)
        rows = self.db.execute(
            f"select category_id, text, count(*) as times from spans s where length(text) between ? and ?{whose}"
            " group by category_id, text order by times desc, category_id, text limit ?",
            [min_length, max_length, *by_params, limit],
        ).fetchall()
        return [(row[0], row[1], int(row[2])) for row in rows]
