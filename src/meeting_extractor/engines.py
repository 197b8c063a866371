"""Where the per-file work runs: in this process, a local process pool, or a Dask cluster.

Each engine takes an iterator of `Task`s and yields one `Result` per task, in the order
they finish, pulling tasks only as fast as it works them off (a bounded number in
flight), so memory stays flat however many inputs there are. All run the same
`tasks.run_task`.
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing as mp
import os
import signal
import sys
import time
import uuid
from collections import deque
from dataclasses import replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Iterable, Iterator

from .atomic import write_atomically
from .preload import preload
from .tasks import Options, Result, Task, run_task, run_tasks

class EngineUnavailable(RuntimeError):
    """An engine that cannot start: a missing optional dependency, an unreachable scheduler."""


DASK_CHUNK = 16
"""Inputs per Dask task once the cluster is busy (a Dask task costs about a millisecond of
scheduling, as much as a short report's extraction)."""

PREFETCH = 2
"""Tasks queued at a local worker: one at work, one waiting, so no worker idles between tasks."""


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_serial(tasks: Iterable[Task], options: Options) -> Iterator[Result]:
    """In this process, one after another (`workers=0`): for debugging and small jobs."""
    for task in tasks:
        yield run_task(task, options)


def _failed(task: Task, reason: str, seconds: float = 0.0) -> Result:
    return Result(task.index, task.rel, task.source_path, "failed", None, reason, round(seconds, 6))


# --- the local process pool ----------------------------------------------------------------

def hard_limit(time_limit: float | None) -> float | None:
    """When the pool kills a worker that has not stopped by itself at the time limit."""
    if not time_limit or time_limit <= 0:
        return None
    return time_limit + min(5.0, max(1.0, time_limit))


def _worker_main(conn: Connection, options: Options, parent: int) -> None:
    """A pool worker: take a task, send back its result, until told to stop or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, if it has one
    _die_with_parent()
    try:
        preload()  # load data files, compile patterns: not on the first input's clock
    except Exception:
        pass  # the first task will meet the problem and report it
    try:
        conn.send(None)  # ready
    except OSError:
        return
    while True:
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result = run_task(task, options)
        if options.write_dir is not None and result.content is not None:
            try:
                write_atomically(Path(options.write_dir) / (result.rel + ".json"), result.content)
                result = replace(result, content=None)
            except OSError:
                pass  # the converting process will try, and report what goes wrong
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the parent dies (even by SIGKILL)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


WARM_UP_LIMIT = 120.0
"""Seconds a new worker may take to load its data before it is taken for stuck."""


class _Worker:
    __slots__ = ("process", "conn", "queue", "started", "ready")

    def __init__(self, ctx, options: Options):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, options, os.getpid()), daemon=True,
                                   name="meeting-extractor-worker")
        self.process.start()
        child.close()
        self.queue: deque[Task] = deque()
        self.ready = False  # warmed up
        self.started = time.monotonic()  # when the task at the head of the queue began (or the warm-up)

    def deadline(self, hard: float) -> float:
        return self.started + (hard if self.ready else max(hard, WARM_UP_LIMIT))

    def send(self, task: Task) -> None:
        self.conn.send(task)  # first: a dead worker raises OSError here and the task stays unassigned
        if not self.queue and self.ready:
            self.started = time.monotonic()
        self.queue.append(task)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(1.0 if not kill else 5.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5.0)
        self.conn.close()


def run_local(tasks: Iterable[Task], options: Options, workers: int | None = None) -> Iterator[Result]:
    """On a pool of worker processes, started as needed up to `workers`.

    Fault isolation beyond the per-task try/except: a worker that dies (a crash in a
    C extension, the kernel's OOM killer) fails only the task it was running; a worker
    that overruns the time limit by a grace period (stuck in C code where no signal
    reaches) is killed and its task failed. Either way a fresh worker takes over.
    """
    workers = workers or default_workers()
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    hard = hard_limit(options.time_limit)
    source = iter(tasks)
    retry: deque[Task] = deque()  # tasks queued at a worker that died before it got to them
    pool: list[_Worker] = []
    exhausted = False

    def next_task() -> Task | None:
        nonlocal exhausted
        if retry:
            return retry.popleft()
        if exhausted:
            return None
        task = next(source, None)
        exhausted = task is None
        return task

    def fill() -> None:
        """Hand out tasks: to an idle worker, else a new one (up to `workers`), else a queue with room."""
        while True:
            target: _Worker | None = next((w for w in pool if not w.queue), None)
            new = target is None and len(pool) < workers
            if target is None and not new:
                target = next((w for w in pool if len(w.queue) < PREFETCH), None)
                if target is None:
                    return
            task = next_task()
            if task is None:
                return
            if new:
                target = _Worker(ctx, options)
                pool.append(target)
            try:
                target.send(task)
            except OSError:  # the worker is gone: its task waits for another
                retry.appendleft(task)
                if not target.queue:
                    pool.remove(target)
                    target.stop(kill=True)
                return  # (a dead worker with tasks is retired by the main loop)

    def retire(worker: _Worker, reason: str, kill: bool) -> Result | None:
        """Take a worker out of the pool; its current task fails with `reason`, the rest go back."""
        pool.remove(worker)
        head = worker.queue.popleft() if worker.queue else None
        retry.extend(worker.queue)
        worker.queue.clear()
        seconds = time.monotonic() - worker.started
        worker.stop(kill=kill)
        return _failed(head, reason, seconds) if head is not None else None

    try:
        while True:
            fill()
            busy = [w for w in pool if w.queue]
            if not busy:
                if exhausted and not retry:
                    break
                continue
            timeout = None
            if hard is not None:
                timeout = max(0.0, min(w.deadline(hard) for w in busy) - time.monotonic())
            by_handle: dict[Any, _Worker] = {}
            for w in busy:
                by_handle[w.conn] = w
                by_handle[w.process.sentinel] = w
            ready = wait(list(by_handle), timeout)
            for handle in ready:
                w = by_handle[handle]
                if w not in pool:
                    continue
                died = False
                try:
                    while w.queue and w.conn.poll():
                        result = w.conn.recv()
                        if result is None:  # warmed up: the head task starts now
                            w.ready = True
                            w.started = time.monotonic()
                            continue
                        w.queue.popleft()
                        w.started = time.monotonic()
                        yield result
                except (EOFError, OSError):
                    died = True
                if w.queue and (died or not w.process.is_alive()):
                    w.process.join(1.0)
                    code = w.process.exitcode
                    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                    failed = retire(w, f"{w.queue[0].source_path}: the worker process died ({how}) "
                                       "while converting this input", kill=True)
                    if failed:
                        yield failed
            if hard is not None:
                now = time.monotonic()
                for w in [w for w in pool if w.queue and now > w.deadline(hard)]:
                    failed = retire(w, f"{w.queue[0].source_path}: stopped at the {options.time_limit:g} s time "
                                       "limit for one input (the worker was killed)", kill=True)
                    if failed:
                        yield failed
    finally:
        for w in list(pool):
            w.stop(kill=bool(w.queue))


# --- Dask --------------------------------------------------------------------------------

def run_dask(tasks: Iterable[Task], options: Options, *, scheduler: Any = None,
             workers: int | None = None) -> Iterator[Result]:
    """On a Dask cluster: `scheduler` is an address ("tcp://host:8786"), a `distributed.Client`,
    or None to start a `distributed.LocalCluster` of `workers` single-threaded processes.

    Inputs are read by the Dask workers (so the input paths must be readable there);
    results come back here and are written by the caller. The time limit is applied
    inside each task (an exception raised in the task's thread).
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineUnavailable("the Dask engine needs the 'dask' extra: pip install 'meeting-extractor[dask]'") from None
    owned: list[Any] = []
    if scheduler is None:
        import logging

        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        owned.append(cluster)
        client = Client(cluster)
        owned.insert(0, client)
    elif isinstance(scheduler, str):
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        owned.append(client)
    else:
        client = scheduler
    try:
        threads = sum(client.nthreads().values()) or 1
        batch = uuid.uuid4().hex[:12]
        source = iter(tasks)
        in_flight: dict[str, list[Task]] = {}
        finished = as_completed()
        submitted = 0

        def submit() -> bool:
            """Send the next few tasks as one Dask task: single ones at first (so a small batch
            spreads over every worker), up to DASK_CHUNK once the cluster is busy."""
            nonlocal submitted
            size = min(DASK_CHUNK, 1 + submitted // (8 * threads))
            chunk = list(itertools.islice(source, size))
            if not chunk:
                return False
            key = f"meeting-extractor-{batch}-{chunk[0].index}"
            in_flight[key] = chunk
            finished.add(client.submit(run_tasks, chunk, options, key=key, pure=False))
            submitted += len(chunk)
            return True

        for _ in range(2 * threads):
            if not submit():
                break
        for future in finished:
            chunk = in_flight.pop(future.key)
            try:
                results = future.result()
            except Exception as exc:  # the worker died on it (KilledWorker) or could not run it
                results = [_failed(task, f"{task.source_path}: the Dask task failed ({type(exc).__name__}: {exc})")
                           for task in chunk]
            future.release()
            yield from results
            submit()
    finally:
        for obj in owned:
            obj.close()
