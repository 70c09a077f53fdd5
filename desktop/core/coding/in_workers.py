"""Work on a stream of items in worker processes, the results in the items' order, memory flat.

Never forked from the process that asks: the window's process has threads (Qt) that a fork would
copy mid-work. On Linux the workers are forked from a fork server instead: a process of its own,
started (not forked) on first use, that has imported what workers run and built the tables they
use (``worker_preload``), and stays for the rest of the session. Spawned workers did all of that
each, at every import (~0.2 s of CPU per worker). An import of 2,000 articles with two workers, one
import per process: 2.54-2.63 s spawned, 2.45-2.54 s forked from a server it started, against
4.2 s in one process. Later imports of the session reuse the server: five imports in one process,
the first starting it, took 2.38-2.56 s (median 2.39). Elsewhere workers are spawned: on macOS a
fork of a process that has loaded system frameworks (numpy's may) is not safe, and Windows has no
fork.

At most a few chunks per worker are in flight, so however many items there are, only those
are held; the caller consumes results while the workers prepare the next chunks.

Workers run at a lower scheduling priority than the process that uses their results: that
process (an import's single writer, the window) is the one everything waits for. With as many
workers as cores, the three processes of a two-core import otherwise shared the cores evenly and
the writer fell behind; at lower priority the workers take what the writer leaves (an import of
4,000 articles with two workers: 0.64 -> 0.59 of one process's time), and the window stays quick.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The manager threads of pools let wind down after their last result (see in_order's end). Python's
# own hook at exit wakes every pool's manager thread through a pipe, without the lock that thread
# holds as it closes that pipe (CPython 3.11-3.13): a command that ended while its pool wound down
# could print a traceback ("Bad file descriptor") after its last line. They are joined first, by a
# hook of ours that runs before Python's (such hooks run last registered, first; concurrent.futures
# registered its own when ProcessPoolExecutor was imported above).
_winding_down: list[threading.Thread] = []


def _join_winding_down() -> None:
    while _winding_down:
        _winding_down.pop().join()


_before_threads_end = getattr(threading, "_register_atexit", None)
if _before_threads_end is not None:  # (private to threading; without it, a rare traceback at exit)
    _before_threads_end(_join_winding_down)

CHUNKS_PER_WORKER = 3
PRELOADED = "desktop.core.coding.worker_preload"
# Added to a worker's niceness (0 normal, 19 least favoured): a background task's.
WORKER_NICENESS = 10


def worker_context() -> multiprocessing.context.BaseContext:
    """Where workers come from: the fork server on Linux, a fresh interpreter each elsewhere.

    The server listens on a socket in a temporary folder; where none can be made (a full or
    read-only disk) this import's workers are spawned, as they were before there was a server.
    """
    spawned = multiprocessing.get_context("spawn")
    if sys.platform != "linux":
        return spawned
    from multiprocessing import forkserver, resource_tracker  # (POSIX only)

    context = multiprocessing.get_context("forkserver")
    # (read when the server starts, the first time any import asks for workers; later calls change nothing)
    context.set_forkserver_preload([PRELOADED])
    try:
        # The tracker of the pool's semaphores first: starting it unblocks Ctrl+C in this thread,
        # which must stay blocked while the server starts (see _ctrl_c_held).
        resource_tracker.ensure_running()
        with _ctrl_c_held():
            forkserver.ensure_running()
    except OSError:
        return spawned
    return context


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl+C held back (not lost) while worker processes start, and kept from them for good.

    A terminal's Ctrl+C reaches every process of the group. One that came while a worker or the
    fork server was starting stopped it with a traceback on the terminal (a Python still starting
    died with "Fatal Python error"), and one that stopped this process between starting a worker and
    counting it left the worker to fail on the pool's semaphores, already gone.

    Two holds: the signal is blocked in this thread, and a process inherits what its starter
    blocks (Python leaves it blocked), so the server and every worker never see Ctrl+C; and, on
    the main thread, Python's handler only notes it, to be raised once the worker is counted. The
    block alone was not enough: the kernel gives the signal to any thread that does not block it
    (the store has threads of its own), and Python raises it in the main thread all the same.
    """
    if not hasattr(signal, "pthread_sigmask"):  # (Windows: no terminal signal groups to hold back)
        yield
        return
    pressed: list[tuple[int, Any]] = []
    # (Python runs handlers on the main thread only; None: a handler not set from Python, left alone)
    handler = signal.getsignal(signal.SIGINT) if threading.current_thread() is threading.main_thread() else None
    if handler is not None:
        signal.signal(signal.SIGINT, lambda *signal_and_frame: pressed.append(signal_and_frame))
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if handler is not None:
            signal.signal(signal.SIGINT, handler)
            if pressed and callable(handler):
                handler(*pressed[0])  # (Python's own raises KeyboardInterrupt: now, the worker counted)


def _as_background_worker() -> None:
    """In each worker as it starts: a lower priority, Ctrl+C left to the process that started it,
    and an end of its own once that process is gone.

    A terminal's Ctrl+C reaches every process of the group. A worker it stopped left the pool
    waiting for that worker's result for ever, and the command hung instead of stopping; the
    starting process alone stops, cancelling what it has not been given back.

    A worker waits for work on a queue it holds both ends of, so it never learns that the process
    that gave it work has died (killed, crashed) unless someone tells it: such workers waited for
    ever, each holding its memory, and on Linux kept the fork server alive with them. The pool
    could not tell them either once the server was gone (it took them for dead).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):  # (POSIX; Windows keeps the default priority)
        with suppress(OSError):  # (a limit on priorities: the default is kept)
            os.nice(WORKER_NICENESS)
    starter = multiprocessing.parent_process()
    if starter is not None and starter.sentinel is not None:
        threading.Thread(target=_end_with, args=(starter.sentinel,), name="end-with-starter", daemon=True).start()


def _end_with(sentinel: int) -> None:
    """Ends this worker once the process that started it has (its end of a pipe closed)."""
    multiprocessing.connection.wait([sentinel])
    os._exit(0)  # (no results are wanted, and tearing down the interpreter could wait on the queue)


def in_order(
    items: Iterable[T],
    work: Callable[[list[T]], list[R]],
    workers: int,
    chunk: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> Generator[R, None, None]:
    """``work`` over chunks of ``items``, each result in order; in this process when ``workers`` <= 1.

    ``work`` must be picklable (a module's function, or a partial of one) when ``workers`` > 1.
    """
    stream = iter(items)
    if workers <= 1:
        while not cancelled():
            part = list(islice(stream, chunk))
            if not part:
                return
            yield from work(part)
        return
    context = worker_context()  # (not inside _ctrl_c_held: it holds Ctrl+C itself, after the tracker starts)
    with _ctrl_c_held():
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_as_background_worker)
    pending: deque[Future[list[R]]] = deque()
    exhausted = everything_given = False
    try:
        while True:
            while not exhausted and len(pending) < workers * CHUNKS_PER_WORKER:
                part = list(islice(stream, chunk))
                if not part:
                    exhausted = True
                    break
                with _ctrl_c_held():  # (a submit may start a worker)
                    pending.append(pool.submit(work, part))
            everything_given = not pending
            if everything_given or cancelled():
                return
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        # With every result given, the workers wind down while the caller stores the last of them
        # (waiting for them to exit took it 30-50 ms); after a stop or a failure they are waited for.
        if everything_given:
            manager = getattr(pool, "_executor_manager_thread", None)  # (None: shut down already)
            _winding_down[:] = [thread for thread in _winding_down if thread.is_alive()]
            if isinstance(manager, threading.Thread):
                _winding_down.append(manager)
        pool.shutdown(wait=not everything_given)
