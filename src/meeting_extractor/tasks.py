"""The per-file work of a batch: one pure function, the same on every engine.

`run_task(task, options)` reads one input (or takes one JSON Lines item's text),
extracts its record and renders it as the exact text of its output file. It never
raises for a bad input: the `Result` says `failed` and why. Every engine (in-process,
the local process pool, a Dask cluster) calls this same function and the caller
writes `Result.content` byte for byte, which is why outputs are identical whichever
engine made them.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Literal

from .decoding import Decoded, InputError, convert_legacy
from .formats import format_of, read_bytes_as
from .reading import read_path, source_for

Status = Literal["converted", "skipped", "failed"]


@dataclass(frozen=True)
class Task:
    """One input of a batch."""

    index: int
    """Its place in the batch (inputs are planned in a fixed order)."""
    rel: str
    """Its output path, relative to the output folder (POSIX separators)."""
    path: str
    """The input file (for a JSON Lines item: the .jsonl file)."""
    item: str | None = None
    """A JSON Lines item's id; None for a file."""
    text: str | None = None
    """A JSON Lines item's text; None for a file (read from `path`)."""
    expected_sha: str | None = None
    """The sha256 of the input an up-to-date output was made from: equal input bytes are skipped."""

    @property
    def source_path(self) -> str:
        return self.path if self.item is None else f"{self.path}#{self.item}"


@dataclass(frozen=True)
class Options:
    """What every task of a batch shares."""

    reference_date: str | None = None
    compact: bool = False
    """One line of JSON (for a JSON Lines output) instead of the indented file."""
    time_limit: float | None = None
    """Seconds one input may take; None or 0 for no limit."""
    write_dir: str | None = None
    """Where a local pool's worker writes each output itself (`<rel>.json`), sending back no content:
    the converting process then does little more than hand out tasks, leaving the CPUs to the workers."""


@dataclass(frozen=True)
class Result:
    index: int
    rel: str
    path: str
    status: Status
    content: str | None = None
    """The output file's exact text (converted only)."""
    reason: str | None = None
    """Why it failed (failed only)."""
    seconds: float = 0.0


def record_json(record) -> str:
    """The text of a record's output file: indented JSON, UTF-8 characters kept."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def record_line(record) -> str:
    """A record as one line of JSON Lines."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n"


def run_task(task: Task, options: Options) -> Result:
    """Convert one input; a failure of any kind becomes a `failed` Result, never an exception."""
    started = time.perf_counter()

    def done(status: Status, content: str | None = None, reason: str | None = None) -> Result:
        return Result(task.index, task.rel, task.source_path, status, content, reason,
                      round(time.perf_counter() - started, 6))

    try:
        with time_limit(options.time_limit):
            _test_slowdown(task.source_path)
            if task.text is None:
                data = read_path(task.path)
                if task.expected_sha is not None and hashlib.sha256(data).hexdigest() == task.expected_sha:
                    return done("skipped")
                decoded = read_bytes_as(data, format_of(task.path), task.path)
            else:
                sha = hashlib.sha256(task.text.encode("utf-8", "surrogatepass")).hexdigest()
                if sha == task.expected_sha:
                    return done("skipped")
                text, conversion = convert_legacy(task.text)
                decoded = Decoded(text, None, sha, conversion, "jsonl")
            from .pipeline import extract

            record = extract(decoded.text, source=source_for(decoded, task.source_path),
                             reference_date=options.reference_date)
            return done("converted", record_line(record) if options.compact else record_json(record))
    except InputError as exc:
        return done("failed", reason=str(exc))
    except TimeLimitExceeded:
        return done("failed", reason=f"{task.source_path}: stopped at the {options.time_limit:g} s time limit for one input")
    except Exception as exc:  # one bad input never stops the batch
        return done("failed", reason=f"extraction failed: {type(exc).__name__}: {exc}")


def run_tasks(tasks: list[Task], options: Options) -> list[Result]:
    """`run_task` for each of a few tasks: one Dask task carries several, to spread its overhead."""
    return [run_task(task, options) for task in tasks]


# --- the per-input time limit --------------------------------------------------------------

class TimeLimitExceeded(BaseException):
    """Raised inside the work when its time is up (a BaseException: no `except Exception` swallows it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the enclosed work after `seconds`.

    In a process's main thread (the local pool's workers) a SIGALRM timer; in any other
    thread (a Dask worker's task threads) an asynchronous exception raised in that
    thread. Either stops Python code; a call stuck inside C code is stopped when it
    returns, which is why the local pool also kills a worker that overruns the limit.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        active = [True]

        def on_alarm(signum, frame):
            if active[0]:
                raise TimeLimitExceeded

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            active[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimeLimitExceeded))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:  # fired but perhaps not delivered yet: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


# --- a test hook ---------------------------------------------------------------------------

SLOW_ENV = "MEETING_EXTRACTOR_TEST_SLOW"
"""`SECONDS[:SUBSTRING[:nosignal|crash]]`: sleep that long before each input whose file
name contains SUBSTRING (every input when empty); `nosignal` blocks SIGALRM meanwhile, like a
call stuck in C code; `crash` kills a pool worker instead. Honoured only under pytest (PYTEST_CURRENT_TEST set), so that the test suite can
land a kill mid-batch and exercise the time limit."""


def _test_slowdown(path: str) -> None:
    spec = os.environ.get(SLOW_ENV)
    if not spec or "PYTEST_CURRENT_TEST" not in os.environ:
        return
    seconds, _, rest = spec.partition(":")
    substring, _, mode = rest.partition(":")
    if substring and substring not in os.path.basename(path):
        return
    if mode == "crash":  # die like a crash in C code would (only ever in a pool's worker process)
        import multiprocessing

        if multiprocessing.parent_process() is not None:
            os.kill(os.getpid(), signal.SIGKILL)
    if mode == "nosignal" and threading.current_thread() is threading.main_thread():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        try:
            time.sleep(float(seconds))
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
    else:  # Python-level work: small steps, so either kind of time limit can land
        end = time.monotonic() + float(seconds)
        while (left := end - time.monotonic()) > 0:
            time.sleep(min(0.05, left))
