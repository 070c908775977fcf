"""Measuring how cost grows with input size: the tests compare time per MB at two sizes,
so that a loaded machine (slower everywhere) does not fail them but a super-linear rule does."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Data = TypeVar("Data", str, bytes)

GROWTH_LIMIT = 1.5
"""Time per MB at the larger size may be at most this many times that at the smaller."""

_MIN_SAMPLE = 0.01
"""Calls are repeated until one sample takes at least this long (seconds of CPU)."""


@contextmanager
def no_collection() -> Iterator[None]:
    """Garbage collection held off while timing, as ``timeit`` does: a full collection walks
    every object the test session keeps alive, so its cost follows the session, not the
    input, and would make a larger input look slower per character than it is."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def seconds_per_call(
    call: Callable[[], object], repeats: int = 5, sample: float = _MIN_SAMPLE
) -> float:
    """The least CPU time one call takes over ``repeats`` samples (each sample repeats the
    call until it takes ``sample`` seconds)."""
    with no_collection():
        return _least_time(call, repeats, sample)


def _least_time(call: Callable[[], object], repeats: int, sample: float) -> float:
    loops = 1
    while True:
        start = time.process_time()
        for _ in range(loops):
            call()
        spent = time.process_time() - start
        if spent >= sample or loops >= 1 << 16:
            break
        loops *= 4
    best = spent / loops
    if spent > 20 * sample:  # slow enough that noise does not matter
        return best
    for _ in range(repeats - 1):
        start = time.process_time()
        for _ in range(loops):
            call()
        best = min(best, (time.process_time() - start) / loops)
    return best


def growth(
    run: Callable[[Data], object], make: Callable[[int], Data], small: int, large: int
) -> float:
    """How many times the time per character of ``run(make(large))`` is that of
    ``run(make(small))``."""
    texts = make(small), make(large)
    per_char = [seconds_per_call(lambda t=t: run(t)) / max(1, len(t)) for t in texts]
    return per_char[1] / max(per_char[0], 1e-12)


def assert_linear(
    run: Callable[[Data], object], make: Callable[[int], Data], small: int, large: int
) -> None:
    """Fail when the time per character grows past ``GROWTH_LIMIT`` from ``small`` to
    ``large`` (measured up to three times before failing, as a busy machine can slow any sample)."""
    ratio = growth(run, make, small, large)
    for _ in range(2):
        if ratio <= GROWTH_LIMIT:
            break
        ratio = min(ratio, growth(run, make, small, large))
    assert ratio <= GROWTH_LIMIT, f"time per MB grew {ratio:.1f}x from {small} to {large}"
