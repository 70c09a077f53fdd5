"""Analysts: who has coded in this database, each analyst's status per article, and their progress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from desktop.core.layers import CONSENSUS, Layers, choose
from desktop.core.models import Status
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction
from desktop.core.store.queries import ADJUDICATED


class Progress(NamedTuple):
    """One analyst on one article: spans made there and the status the analyst gave it (None: none yet)."""

    annotator: str
    spans: int
    status: Status | None


class AnalystTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    def names(self) -> list[str]:
        """Every analyst with a span or a status here, by name."""
        rows = self.db.execute(
            "select distinct annotator from spans where annotator != ''"
            " union select distinct annotator from analyst_status order by 1"
        ).fetchall()
        return [row[0] for row in rows]

    def several(self) -> bool:
        """Whether more than one analyst has spans or statuses here (index seeks, not a scan)."""
        seen: set[str] = set()
        for table in ("spans", "analyst_status"):
            for order in ("asc", "desc"):
                row = self.db.execute(
                    f"select annotator from {table} where annotator != '' order by annotator {order} limit 1"
                ).fetchone()
                if row is not None:
                    seen.add(row[0])
        return len(seen) > 1

    def not_adjudicated(self) -> list[str]:
        """Analysts with spans in articles not adjudicated: where the study layer needs someone's spans."""
        rows = self.db.execute(
            f"select distinct annotator from spans where annotator not in ('', '{CONSENSUS}')"
            f" and article_id not in ({ADJUDICATED}) order by 1"
        ).fetchall()
        return [row[0] for row in rows]

    def choose_layers(self, asked: Sequence[str] = (), study: str = "") -> Layers:
        """The layers named on the command line, or the documented default (LayerError when it would guess)."""
        return choose(asked, study, self.names(), self.not_adjudicated())

    def status(self, article_id: int, annotator: str) -> Status | None:
        row = self.db.execute(
            "select status from analyst_status where article_id = ? and annotator = ?", [article_id, annotator]
        ).fetchone()
        return None if row is None else Status(row[0])

    def set_status(self, article_id: int, annotator: str, status: Status | None) -> None:
        """An analyst's own status of an article (None forgets it)."""
        with self._write():
            if status is None:
                self.db.execute(
                    "delete from analyst_status where article_id = ? and annotator = ?", [article_id, annotator]
                )
            else:
                self.db.execute(
                    "insert into analyst_status (article_id, annotator, status) values (?, ?, ?)"
                    " on conflict (article_id, annotator) do update set status = excluded.status",
                    [article_id, annotator, status.value],
                )

    def progress(self, article_ids: Sequence[int]) -> dict[int, list[Progress]]:
        """Each analyst's spans and status on each of these articles (a page of the article list)."""
        if not article_ids:
            return {}
        marks = ", ".join("?" * len(article_ids))
        counts: dict[tuple[int, str], int] = {
            (row[0], row[1]): row[2]
            for row in self.db.execute(
                f"select article_id, annotator, count(*) from spans where article_id in ({marks})"
                " group by article_id, annotator",
                list(article_ids),
            )
        }
        statuses: dict[tuple[int, str], Status] = {
            (row[0], row[1]): Status(row[2])
            for row in self.db.execute(
                f"select article_id, annotator, status from analyst_status where article_id in ({marks})",
                list(article_ids),
            )
        }
        found: dict[int, list[Progress]] = defaultdict(list)
        for article_id, annotator in sorted(counts.keys() | statuses.keys()):
            found[article_id].append(
                Progress(annotator, counts.get((article_id, annotator), 0), statuses.get((article_id, annotator)))
            )
        return dict(found)
