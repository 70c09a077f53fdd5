"""A report table as CSV: Excel-ready (the caller picks the encoding), formula-like cells guarded."""

from __future__ import annotations

from typing import TextIO

from desktop.core.corpus.reporting import Table
from desktop.core.exchange.csv_cells import GuardedWriter


def write_table(table: Table, out: TextIO) -> int:
    """Header and rows; returns the number of rows."""
    writer = GuardedWriter(out)
    writer.writerow(table.columns)
    count = 0
    for row in table.rows:
        writer.writerow(row)
        count += 1
    return count
