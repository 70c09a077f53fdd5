"""Counts over the whole database, for ``stats`` and, later, the tables a study reports."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.core.models import FlagKind, Status


class Reports:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _counted(self, sql: str) -> dict[str, int]:
        return {str(key): int(count) for key, count in self.db.execute(sql).fetchall()}

    def stats(self) -> dict[str, dict[str, int]]:
        """Articles by status, spans by category, flags by kind; every known key present, zero or not."""
        by_status = {status.value: 0 for status in Status}
        by_status.update(self._counted("select status, count(*) from articles group by status"))
        by_category = {row[0]: 0 for row in self.db.execute("select id from categories order by position, id")}
        by_category.update(self._counted("select category_id, count(*) from spans group by category_id"))
        by_flag = {kind.value: 0 for kind in FlagKind}
        by_flag.update(self._counted("select kind, count(*) from flags group by kind"))
        return {"articles": by_status, "spans": by_category, "flags": by_flag}
