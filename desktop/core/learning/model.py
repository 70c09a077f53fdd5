"""A model per code, learned from an analyst's coded units, and how often it is right before it is trusted.

Features are character n-grams (1–3) of a unit's Simplified text, weighted by TF-IDF: Chinese
needs no word segmentation for them, and a paraphrase shares most of its n-grams with the
clauses it rephrases. Digits are read as one digit, so ``到2025年`` and ``到2030年`` look alike.
Each code has its own logistic regression, whose probabilities are fitted to the log-loss of
its examples (calibrated, not merely ranked).

Before a code is suggested, cross-validation grouped by article (a unit is never judged by a
model that saw another unit of its article) gives each unit a probability from a model that
did not see it. From those, the threshold is the probability with the best F1 among those whose
suggestions reach the stated precision (default 0.8): the precision is a floor, not a target. The
precision, recall and F1 shown are those of that threshold on those held-out probabilities. A
code with fewer than MIN_POSITIVES coded units, or with them in fewer than MIN_ARTICLES articles,
is not suggested, nor one whose held-out precision never reaches the goal.

scikit-learn and numpy are imported here only, and this module only when learning is asked for.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from desktop.core.learning.examples import Examples
from desktop.core.learning.limits import DEFAULT_PRECISION, FOLDS, MIN_ARTICLES, MIN_POSITIVES
from desktop.core.learning.results import CodeFigures, TrainedOn, Training, Verdict

# Inverse regularisation: TF-IDF rows have unit length, so weights need room to grow.
STRENGTH = 10.0
_DIGITS = str.maketrans("0123456789０１２３４５６７８９", "0" * 20)


def normalised(text: str) -> str:
    return text.translate(_DIGITS)


class LearnedModel:
    """The models of the codes that can be trained, with their figures; kept in memory, never written."""

    def __init__(self, vectorizer: Any, classifiers: dict[str, Any], training: Training) -> None:
        self._vectorizer = vectorizer
        self._classifiers = classifiers
        self.training = training

    @property
    def figures(self) -> list[CodeFigures]:
        return self.training.figures

    @property
    def trained_on(self) -> TrainedOn:
        return self.training.trained_on

    def thresholds(self) -> dict[str, float]:
        return self.training.thresholds()

    def probabilities(self, texts: Sequence[str]) -> dict[str, list[float]]:
        """Per suggested code, the probability that each text holds it."""
        trusted = self.thresholds()
        if not texts or not trusted or self._vectorizer is None:
            return {code: [0.0] * len(texts) for code in trusted}
        matrix = self._vectorizer.transform([normalised(text) for text in texts])
        return {code: self._classifiers[code].predict_proba(matrix)[:, 1].tolist() for code in trusted}


def choose_threshold(
    probabilities: Sequence[float], truth: Sequence[bool], goal: float
) -> tuple[float | None, float | None, float | None, float | None]:
    """(threshold, precision, recall, F1) of the lowest threshold whose suggestions reach ``goal``
    precision; without one, (None, and the figures at the threshold with the best F1)."""
    order = np.argsort(-np.asarray(probabilities, dtype=float), kind="stable")
    ranked = np.asarray(probabilities, dtype=float)[order]
    hits = np.asarray(truth, dtype=bool)[order]
    positives = int(hits.sum())
    if positives == 0 or len(ranked) == 0:
        return None, None, None, None
    true_so_far = np.cumsum(hits)
    # A threshold keeps every unit at or above it: cut only where the next probability is lower.
    last_of_tie = np.r_[ranked[1:] < ranked[:-1], True]
    cuts = np.flatnonzero(last_of_tie)
    kept = cuts + 1
    precision = true_so_far[cuts] / kept
    recall = true_so_far[cuts] / positives
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    reaching = np.flatnonzero(precision >= goal)
    if len(reaching):
        # The best F1 among the thresholds that reach the goal. The lowest of them (the most recall)
        # sits exactly on the goal, so on new articles it falls short of it half the time.
        best = int(reaching[np.argmax(f1[reaching])])
        return float(ranked[cuts[best]]), float(precision[best]), float(recall[best]), float(f1[best])
    best = int(np.argmax(f1))
    return None, float(precision[best]), float(recall[best]), float(f1[best])


def _classifier() -> Any:
    return LogisticRegression(C=STRENGTH, solver="liblinear")


def held_out_probabilities(matrix: Any, truth: Any, groups: Any, folds: int) -> Any:
    """Each unit's probability from a model trained without its article (grouped k-fold)."""
    found = np.zeros(len(truth), dtype=float)
    splits = min(folds, len(set(groups.tolist())))
    for train, test in GroupKFold(n_splits=splits).split(matrix, truth, groups):
        taught = truth[train]
        if taught.all() or not taught.any():  # one class only in the folds trained on: its rate is all it knows
            found[test] = float(taught.mean()) if len(taught) else 0.0
            continue
        found[test] = _classifier().fit(matrix[train], taught).predict_proba(matrix[test])[:, 1]
    return found


def train(examples: Examples, precision_goal: float = DEFAULT_PRECISION, folds: int = FOLDS) -> LearnedModel:
    """Models of every code with enough examples, their cross-validated figures, and thresholds."""
    started = time.perf_counter()
    figures: list[CodeFigures] = []
    classifiers: dict[str, Any] = {}
    vectorizer = None
    if len(examples):
        vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2, dtype=np.float32)
        try:
            matrix = vectorizer.fit_transform([normalised(text) for text in examples.texts])
        except ValueError:  # too few texts for min_df: nothing to learn from yet
            vectorizer = None
    groups = np.asarray(examples.articles)
    for code in examples.codes:
        positives, articles = examples.positives(code), examples.articles_with(code)
        if vectorizer is None or positives < MIN_POSITIVES or articles < MIN_ARTICLES:
            figures.append(CodeFigures(code, positives, articles, None, None, None, None, Verdict.TOO_FEW))
            continue
        truth = np.asarray([code in present for present in examples.labels], dtype=bool)
        found = held_out_probabilities(matrix, truth, groups, folds)
        threshold, precision, recall, f1 = choose_threshold(found.tolist(), truth.tolist(), precision_goal)
        verdict = Verdict.SUGGESTED if threshold is not None else Verdict.IMPRECISE
        figures.append(CodeFigures(code, positives, articles, precision, recall, f1, threshold, verdict))
        if threshold is not None and not truth.all():
            classifiers[code] = _classifier().fit(matrix, truth)
        elif threshold is not None:  # every unit holds it: no model can say otherwise
            figures[-1] = CodeFigures(code, positives, articles, precision, recall, f1, None, Verdict.IMPRECISE)
    trained_on = TrainedOn(
        examples.analyst,
        len(examples),
        len(set(examples.articles)),
        examples.codebook_state,
        precision_goal,
        time.perf_counter() - started,
    )
    return LearnedModel(vectorizer, classifiers, Training(figures, trained_on))
