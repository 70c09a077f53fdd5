"""The numbers that decide when a code is suggested, readable without loading scikit-learn."""

from __future__ import annotations

# A code is learned once the analyst coded this many units with it, in at least this many articles
# (grouped cross-validation needs positives in several articles to hold some out).
MIN_POSITIVES = 10
MIN_ARTICLES = 3
# The precision a code's suggestions must reach on held-out articles before it is suggested.
DEFAULT_PRECISION = 0.8
FOLDS = 5
