"""Errors of the store, for the user to read."""


class StoreError(Exception):
    """The database cannot be used; the message says why, for the user."""


class SpanMismatch(StoreError):
    """A span's quoted text does not match the article text at its offsets."""
