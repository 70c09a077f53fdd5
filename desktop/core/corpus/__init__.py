"""The corpus as data: the report tables a study hands in."""
