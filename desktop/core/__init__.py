"""Pure-Python domain code: reading, cleaning, offsets, storage. Never imports Qt."""
