"""Ctrl+C in the terminal that started the window: the window closes as its close button closes it.

Python runs a signal's handler only when it next runs Python code, and the event loop waits inside
Qt: a press went unanswered until some slot ran (a timer's, a repaint's), and was raised there as
KeyboardInterrupt, in the middle of whatever that slot was doing. A traceback was printed and the
window went on, with that slot's work cut short. Now a byte on a socket wakes the loop, and the
handler only asks the window to close: an import under way is cancelled, the backup at close is
kept and the database is closed, as they are when the analyst closes the window.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget


@contextmanager
def ctrl_c_closes(window: QWidget) -> Iterator[None]:
    """While the window's event loop runs (on the main thread), Ctrl+C closes ``window``.

    A Ctrl+C that is ignored (a window started with `&`) or handled by someone else is left so.
    """
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    # (the handler has run by the time this slot runs: Python runs pending handlers first)
    notifier.activated.connect(lambda: _drain(reader))
    woken_before = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    signal.signal(signal.SIGINT, lambda *signal_and_frame: QTimer.singleShot(0, window.close))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.set_wakeup_fd(woken_before)
        notifier.setEnabled(False)
        reader.close()
        writer.close()


def _drain(reader: socket.socket) -> None:
    with suppress(OSError):  # (nothing left to read: another wake-up drained it)
        reader.recv(512)
