"""Pausing Python's cycle collector around work that builds many objects and no cycles.

An agreement report over 100,000 spans holds about a million tuples and lists at once. While
they pile up, the cycle collector walks them again and again, only to find no garbage: a
quarter of the report's time. Pausing it is process-wide, so the pauses are counted: the
collector runs again when the last of them (on any thread) ends, as it was before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector paused (reference counting still frees everything else)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
