"""What a training tells, without the model: per code its cross-validated figures and threshold, and
what it learned from. Readable without scikit-learn (the window keeps these; the model stays in the
worker process)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    SUGGESTED = "suggested"
    TOO_FEW = "too few examples"
    IMPRECISE = "precision not reached"


@dataclass(frozen=True)
class CodeFigures:
    """One code's cross-validated figures; ``threshold`` is None when the code is not suggested."""

    code: str
    positives: int  # units coded with it (sub-codes included)
    articles: int  # articles holding them
    precision: float | None
    recall: float | None
    f1: float | None
    threshold: float | None
    verdict: Verdict


@dataclass(frozen=True)
class TrainedOn:
    """What a model was learned from: whose layer, how much of it, under which codebook."""

    analyst: str
    units: int
    articles: int
    codebook_state: str
    precision_goal: float
    seconds: float


@dataclass(frozen=True)
class Training:
    """The figures of every code and what they were learned from."""

    figures: list[CodeFigures]
    trained_on: TrainedOn

    def thresholds(self) -> dict[str, float]:
        """The codes suggested, each with the probability a unit needs."""
        return {f.code: f.threshold for f in self.figures if f.threshold is not None}
