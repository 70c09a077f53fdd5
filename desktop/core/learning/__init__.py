"""Suggestions learned from the analyst's own coding, offline: examples, models, and what they suggest."""
