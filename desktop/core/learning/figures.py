"""Whose coding a model learns from when none is named, and its figures as text, CSV and JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from desktop.core.exchange.csv_cells import GuardedWriter
from desktop.core.learning.results import Training
from desktop.core.store.coded_units import CodedUnits

FIELDS = ("code", "verdict", "units", "articles", "precision", "recall", "f1", "threshold")


class NoAnalyst(ValueError):
    """No analyst to learn from, or several and none named; the message lists them."""


def learning_analyst(units: CodedUnits, asked: str = "") -> str:
    """The analyst named, else the only one who marked articles done."""
    if asked:
        return asked
    candidates = units.analysts_with_done()
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NoAnalyst("no articles are marked done yet: a model learns from the articles an analyst marked done")
    raise NoAnalyst(f"several analysts marked articles done; name one with --annotator ({', '.join(candidates)})")


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def figure_rows(training: Training) -> list[list[str]]:
    rows = []
    for f in training.figures:
        rows.append(
            [
                f.code,
                str(f.verdict),
                str(f.positives),
                str(f.articles),
                _shown(f.precision),
                _shown(f.recall),
                _shown(f.f1),
                _shown(f.threshold),
            ]
        )
    return rows


def describe_training(training: Training) -> str:
    on = training.trained_on
    return (
        f"learned from {on.analyst}'s coding: {on.units} units of {on.articles} articles marked done"
        f" (codebook {on.codebook_state}); thresholds for precision >= {on.precision_goal:g},"
        f" cross-validated by article; trained in {on.seconds:.1f} s"
    )


def as_text(training: Training, minimum: tuple[int, int]) -> str:
    rows = [list(FIELDS), *figure_rows(training)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(FIELDS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append("")
    lines.append(describe_training(training))
    lines.append(
        f"a code needs {minimum[0]} coded units in {minimum[1]} articles before it is suggested;"
        " a code whose held-out precision never reaches the goal is not suggested"
    )
    return "\n".join(lines) + "\n"


def as_csv(training: Training) -> str:
    out = io.StringIO()
    writer = GuardedWriter(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(figure_rows(training))
    return out.getvalue()


def as_json(training: Training, minimum: Sequence[int]) -> str:
    on = training.trained_on
    return json.dumps(
        {
            "analyst": on.analyst,
            "units": on.units,
            "articles": on.articles,
            "codebook_state": on.codebook_state,
            "precision_goal": on.precision_goal,
            "minimum_units": minimum[0],
            "minimum_articles": minimum[1],
            "seconds": round(on.seconds, 3),
            "codes": [
                {
                    "code": f.code,
                    "verdict": str(f.verdict),
                    "units": f.positives,
                    "articles": f.articles,
                    "precision": f.precision,
                    "recall": f.recall,
                    "f1": f.f1,
                    "threshold": f.threshold,
                }
                for f in training.figures
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
