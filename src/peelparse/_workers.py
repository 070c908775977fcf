"""Worker processes for batches: results in input order, and a file that crashes, exits or
hangs its worker costs only that file.

Each worker is a process with a pipe: it takes a chunk of items, handles them one by one and
sends the chunk's results back in one message (a message per item would cost more than
parsing a short document). Before each item it writes the item's place in the chunk to a
shared integer, so without any message the caller knows which item a worker is on: the one
to blame when the worker dies, and the one to stop when that place has not moved for longer
than the time limit. The worker is then killed and replaced; its chunk's other items are
handed out again (the results of the items before the culprit died with the worker).

Workers kill themselves when the process that started them dies (``PR_SET_PDEATHSIG`` on
Linux; elsewhere a thread that watches the parent), so no worker outlives a killed batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

import attrs

from peelparse._errors import BatchError

T = TypeVar("T")
R = TypeVar("R")

PARENT_POLL = 0.5
"""Seconds between two looks at the parent, where the operating system cannot be asked to
kill a worker with its parent."""
NOT_STARTED = -1
"""A worker's place before it starts its chunk: the time limit runs from the first item, not
from the start of the process."""
_PR_SET_PDEATHSIG = 1
"""From linux/prctl.h."""


@attrs.define
class _Task(Generic[T]):
    start: int
    """Place of the first item in the whole input."""
    items: list[T]


class _Worker(Generic[T]):
    """A worker process, its pipe and the shared place of the item it is on."""

    def __init__(self, context: BaseContext, setup: Callable[[], Callable[[T], Any]]) -> None:
        self.conn, child = context.Pipe()
        self.place: Any = context.RawValue("i", NOT_STARTED)
        watched = os.getpid() if context.get_start_method() != "forkserver" else None
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(child, self.place, setup, watched),
            name="peelparse-worker",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.task: _Task[T] | None = None
        self.seen = 0
        self.seen_at = 0.0

    def give(self, task: _Task[T]) -> None:
        # An idle worker does not write its place, so this cannot race with it.
        self.place.value = NOT_STARTED
        self.task, self.seen, self.seen_at = task, NOT_STARTED, time.monotonic()
        # A worker that died since it was last seen is found by its sentinel, with its task.
        with contextlib.suppress(OSError):
            self.conn.send(task.items)

    def stop(self) -> None:
        """Ask an idle worker to exit, or kill a busy one; then wait for it."""
        if self.task is None and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def ordered_map(
    setup: Callable[[], Callable[[T], R]],
    chunks: Iterable[list[T]],
    *,
    workers: int,
    failed: Callable[[T, BatchError], R],
    timeout: float | None = None,
    window: int,
) -> Iterator[R]:
    """Results of ``handle(item)`` for every item of ``chunks``, in order, on ``workers``
    processes; ``handle = setup()`` is made once in each worker (so ``setup`` must pickle).

    An item whose worker died, or that took more than ``timeout`` seconds, gives
    ``failed(item, error)`` with a ``BatchError``: PP601 for the time limit, PP602 for a
    worker that crashed or exited. At most ``window`` chunks are taken from ``chunks`` ahead
    of the results read, so memory stays flat however many items there are.
    """
    context = multiprocessing.get_context()
    idle: list[_Worker[T]] = []
    busy: list[_Worker[T]] = []
    todo: deque[_Task[T]] = deque()
    done: dict[int, R] = {}
    ends: deque[int] = deque()
    source = iter(chunks)
    taken = given_back = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(ends) < window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                todo.append(_Task(taken, chunk))
                taken += len(chunk)
                ends.append(taken)
            while todo and (idle or len(busy) < workers):
                worker = idle.pop() if idle else _Worker(context, setup)
                if not worker.process.is_alive():  # killed from outside while idle
                    worker.stop()
                    continue
                worker.give(todo.popleft())
                busy.append(worker)
            wait = True
            if given_back in done:
                yield done.pop(given_back)
                given_back += 1
                while ends and ends[0] <= given_back:
                    ends.popleft()
                # The caller's work on each result can take a while: look at the workers
                # after each one, so that none waits long to hand in its chunk and get another.
                wait = False
            elif not busy:
                if exhausted and not todo:
                    return
                continue
            for worker, retry in _collect(busy, timeout, done, failed, wait=wait):
                busy.remove(worker)
                if retry is None:
                    idle.append(worker)
                else:
                    worker.stop()
                    todo.extendleft(reversed(retry))
    finally:
        for worker in [*idle, *busy]:
            worker.stop()


def _collect(
    busy: list[_Worker[T]],
    timeout: float | None,
    done: dict[int, R],
    failed: Callable[[T, BatchError], R],
    *,
    wait: bool,
) -> list[tuple[_Worker[T], list[_Task[T]] | None]]:
    """Look for (with ``wait``: wait for) results, deaths and time-outs; put results in
    ``done`` and name the workers that finished (with ``None``) or failed (with the tasks to
    hand out again)."""
    poll = None if timeout is None else max(0.05, timeout / 4)
    handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
    ready = set(multiprocessing.connection.wait(handles, poll if wait else 0))
    finished: list[tuple[_Worker[T], list[_Task[T]] | None]] = []
    now = time.monotonic()
    for worker in busy:
        task = worker.task
        assert task is not None
        if worker.conn in ready or worker.process.sentinel in ready:
            results = _receive(worker)
            if results is not None:
                done.update(enumerate(results, task.start))
                worker.task = None
                finished.append((worker, None))
                continue
            worker.process.join(1)  # a worker whose pipe closed under it is made to go
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            error = BatchError(
                "PP602",
                f"the worker process parsing this file {_death(worker.process.exitcode)}; "
                "a plugin or a library it uses crashed or exited",
            )
            finished.append((worker, _blame(task, worker.place.value, error, done, failed)))
            continue
        place = worker.place.value
        if place != worker.seen:
            worker.seen, worker.seen_at = place, now
        elif (
            timeout is not None and 0 <= place < len(task.items) and now - worker.seen_at > timeout
        ):
            worker.process.kill()
            worker.process.join()
            if worker.place.value != place:  # it moved on just before it was killed
                finished.append((worker, [task]))
                continue
            error = BatchError(
                "PP601",
                f"parsing took longer than the time limit of {timeout:g} s; "
                "its worker process was stopped",
            )
            finished.append((worker, _blame(task, place, error, done, failed)))
    return finished


def _receive(worker: _Worker[T]) -> list[Any] | None:
    """A finished chunk's results, or ``None`` when the worker died without sending them."""
    try:
        if worker.process.is_alive() or worker.conn.poll():
            results: list[Any] = worker.conn.recv()
            return results
    except (EOFError, OSError):
        pass
    return None


def _blame(
    task: _Task[T],
    place: int,
    error: BatchError,
    done: dict[int, R],
    failed: Callable[[T, BatchError], R],
) -> list[_Task[T]]:
    """Record the failure of the item at ``place`` and return the rest to do again."""
    items = task.items
    if place >= len(items) > 1:
        # It died after its last item, sending the results: each item alone finds which.
        return [_Task(task.start + i, [item]) for i, item in enumerate(items)]
    place = min(max(place, 0), len(items) - 1)
    done[task.start + place] = failed(items[place], error)
    retry = [_Task(task.start, items[:place]), _Task(task.start + place + 1, items[place + 1 :])]
    return [t for t in retry if t.items]


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"was killed by signal {-exitcode}"
    return f"exited with code {exitcode}"


def _serve(
    conn: Connection,
    place: Any,
    setup: Callable[[], Callable[[T], R]],
    parent: int | None,
) -> None:
    """A worker's life: take chunks until told to stop (``None``) or the pipe closes."""
    _die_with_parent(parent)
    # Ctrl-C reaches every process of the terminal; the parent stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    handle = setup()
    while True:
        try:
            items: list[T] | None = conn.recv()
        except EOFError:
            return
        if items is None:
            return
        results = []
        for i, item in enumerate(items):
            place.value = i
            results.append(handle(item))
        place.value = len(items)
        conn.send(results)


def _die_with_parent(parent: int | None) -> None:
    """Make this process die with the one that started it (``parent``: its pid if known)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if parent is not None and os.getppid() != parent:
                    os._exit(1)  # it died before the request was made
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


def _watch_parent(ppid: int) -> None:
    # An orphan is adopted by another process, so its parent pid changes; on Windows the
    # parent pid stays, but the parent's handle says whether it lives.
    parent = multiprocessing.parent_process()
    while True:
        time.sleep(PARENT_POLL)
        if os.getppid() != ppid or (parent is not None and not parent.is_alive()):
            os._exit(1)
