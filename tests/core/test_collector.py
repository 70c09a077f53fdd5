"""The cycle collector's pause: counted across threads, and the collector left as it was found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from desktop.core.analysts.double_coding import report_in_steps
from desktop.core.collector import collector_paused
from desktop.core.store import Store
from tests.core.test_double_coding import article, tag


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_runs_again_only_when_the_last_pause_ends() -> None:
    entered, release = threading.Event(), threading.Event()

    def other_pause() -> None:
        with collector_paused():
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=other_pause)
    with collector_paused():
        thread.start()
        assert entered.wait(5)
        assert not gc.isenabled()
    # This thread's pause ended first: the other's still holds.
    assert not gc.isenabled()
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_the_pause_still_ends_it() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_the_report_pauses_only_while_it_works_not_while_its_caller_holds_a_step(store: Store) -> None:
    a = article(store)
    tag(store, a, "设立专项资金", "measure", "A")
    tag(store, a, "设立专项资金", "measure", "B")
    states = [gc.isenabled() for _step in report_in_steps(store, ["A", "B"])]
    assert states == [True, True]
    assert gc.isenabled()
