"""Batch conversion: many inputs to one JSON record each, resumable, one bad file never stopping the rest.

`convert` plans the inputs in a fixed order (folders walked in sorted order, JSON
Lines files item by item), skips those whose output is up to date, has an engine
(`engines`) run the per-file work (`tasks.run_task`) and writes each result to a
temporary name then renames it, so a crash at any moment leaves whole files only.
A rerun of the same command redoes exactly what is missing or stale. Memory stays
flat: inputs are streamed, a bounded number are in flight, and the report keeps
counts and errors, not per-file lists.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import __version__
from .atomic import TMP_SUFFIX, write_atomically
from .formats import BATCH_SUFFIXES, INPUT_SUFFIXES
from .reading import MAX_BYTES
from .tasks import Options, Result, Task, record_json, record_line

__all__ = ["ConversionReport", "FileError", "convert", "convert_dask", "find_inputs", "record_json",
           "record_line", "write_atomically", "REPORT_NAME", "JSONL_NAME", "PARTS_DIR", "DEFAULT_TIME_LIMIT"]

REPORT_NAME = "_report.json"
JSONL_NAME = "records.jsonl"
PARTS_DIR = "_parts"
"""With `jsonl=True`, one part per record is kept here: the resume state of the JSON Lines file."""
DEFAULT_TIME_LIMIT = 120.0
"""Seconds one input may take before it is stopped and reported as failed."""


@dataclass
class FileError:
    path: str
    reason: str


@dataclass
class ConversionReport:
    """What a run did: counts, errors with file and reason, durations. Also written to `_report.json`."""

    extractor_version: str = __version__
    status: str = "running"
    """`running` while at work (what a killed run leaves), `complete`, or `interrupted` (Ctrl-C)."""
    out_dir: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    inputs: int = 0
    converted: int = 0
    """Records written by this run."""
    skipped: int = 0
    """Inputs whose output was already there, made from the same bytes by the same version."""
    failed: int = 0
    errors: list[FileError] = field(default_factory=list)
    seconds: float = 0.0
    durations: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Every input converted (or already up to date)."""
        return self.failed == 0 and self.status == "complete"

    def to_json(self) -> dict:
        return asdict(self)


# --- writing ------------------------------------------------------------------------------

def _sweep_temporaries(out: Path) -> None:
    """Remove the temporary files a killed run left behind (`.<name>.XXXX.tmp`)."""
    for folder, _, files in os.walk(out):
        for name in files:
            if name.startswith(".") and name.endswith(TMP_SUFFIX):
                Path(folder, name).unlink(missing_ok=True)


# --- planning -----------------------------------------------------------------------------

def _walk(root: str, skip: str | None) -> Iterator[str]:
    """Input files under `root`, depth first in sorted order; symlinked folders are not followed."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if skip is None or os.path.realpath(entry.path) != skip:
                    yield from _walk(entry.path, skip)
            elif entry.name.lower().endswith(INPUT_SUFFIXES) and entry.is_file():
                yield entry.path
        except OSError:
            continue


def _files(paths: Iterable[str | Path], out: Path | None) -> Iterator[tuple[str, str] | FileError]:
    """(input file, its output path relative to the out folder, without suffix) or an error, in plan order."""
    skip = os.path.realpath(out) if out is not None else None
    for raw in paths:
        p = os.fspath(raw)
        if os.path.isdir(p):
            for f in _walk(p, skip):
                yield f, Path(os.path.relpath(f, p)).with_suffix("").as_posix()
        elif os.path.isfile(p):
            yield p, Path(p).stem
        else:
            yield FileError(p, "no such file or folder")


def find_inputs(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, Path]], list[FileError]]:
    """(input, output path relative to the out folder) for every file; folders are searched recursively.

    A .jsonl file is listed as itself (its items are planned by `convert`).
    """
    found: list[tuple[Path, Path]] = []
    errors: list[FileError] = []
    for item in _files(paths, None):
        if isinstance(item, FileError):
            errors.append(item)
        else:
            found.append((Path(item[0]), Path(item[1] + ".json")))
    return found, errors


def _safe_name(item_id: str) -> str:
    """A JSON Lines id as a file name: path separators and control characters replaced."""
    name = "".join(c if (c.isalnum() or c in "-_.,+=@ ") else "_" for c in item_id).strip()
    if not name or name.startswith("."):
        name = "_" + name
    return name[:150]


def _items(path: str, rel_dir: str) -> Iterator[tuple[str, str, str] | FileError]:
    """(item id, output rel, text) for each line of a JSON Lines file, or an error for a bad line."""
    seen: set[str] = set()
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield FileError(path, f"{path}: cannot be read ({exc.strerror or exc})")
        return
    with fh:
        for number, raw in enumerate(fh, 1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                yield FileError(where, f"{where}: {len(raw)} bytes, larger than the {MAX_BYTES}-byte limit for one report")
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                yield FileError(where, f"{where}: not a line of JSON ({exc})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) \
                    or not isinstance(obj.get("id"), (str, int)) or isinstance(obj.get("id"), bool):
                yield FileError(where, f'{where}: expected {{"id": <string or number>, "text": <string>}}')
                continue
            item_id = str(obj["id"])
            rel = f"{rel_dir}/{_safe_name(item_id)}"
            if rel in seen:
                yield FileError(where, f"{where}: id {item_id!r} gives the same output name as an earlier line")
                continue
            seen.add(rel)
            yield item_id, rel, obj["text"]


def _plan(paths: Iterable[str | Path], out: Path) -> Iterator[Task | FileError]:
    """Every input as a Task (output rel with its suffix still to add), in a fixed order."""
    index = 0
    claimed: set[int] = set()  # digests of output names taken: collisions become errors
    for item in _files(paths, out):
        if isinstance(item, FileError):
            yield item
            continue
        path, rel = item
        if path.lower().endswith(BATCH_SUFFIXES):
            sub = _items(path, rel)
        else:
            sub = iter([(None, rel, None)])
        for entry in sub:
            if isinstance(entry, FileError):
                yield entry
                continue
            item_id, rel, text = entry
            digest = int.from_bytes(hashlib.blake2b(rel.encode("utf-8", "surrogatepass"), digest_size=12).digest(), "big")
            if digest in claimed:
                where = path if item_id is None else f"{path}#{item_id}"
                yield FileError(where, f"same output name as an earlier input: {rel}.json")
                continue
            claimed.add(digest)
            yield Task(index, rel, path, item_id, text)
            index += 1


def _up_to_date_sha(path: Path) -> str | None:
    """The input sha256 an existing output was made from, if this version made it; else None."""
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("extractor_version") != __version__:
        return None
    source = data.get("source")
    sha = source.get("sha256") if isinstance(source, dict) else None
    return sha if isinstance(sha, str) else None


# --- the run ------------------------------------------------------------------------------

class _Tally:
    """Counts and timings without per-file lists: a sum, a maximum and the few slowest."""

    def __init__(self) -> None:
        self.work_seconds = 0.0
        self.timed = 0
        self.slowest: list[tuple[float, str]] = []

    def add(self, result: Result) -> None:
        if result.status == "skipped":
            return
        self.work_seconds += result.seconds
        self.timed += 1
        entry = (result.seconds, result.path)
        if len(self.slowest) < 5:
            heapq.heappush(self.slowest, entry)
        else:
            heapq.heappushpop(self.slowest, entry)

    def summary(self, wall: float, done: int) -> dict[str, Any]:
        return {
            "wall_seconds": round(wall, 3),
            "files_per_second": round(done / wall, 2) if wall > 0 else None,
            "work_seconds": round(self.work_seconds, 3),
            "mean_file_seconds": round(self.work_seconds / self.timed, 4) if self.timed else None,
            "max_file_seconds": round(max(s for s, _ in self.slowest), 4) if self.slowest else None,
            "slowest": [{"path": p, "seconds": round(s, 4)} for s, p in sorted(self.slowest, reverse=True)],
        }


def _previous_report(out: Path) -> dict:
    try:
        data = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _show_progress(progress: bool | None) -> bool:
    if progress is not None:
        return progress
    stream = sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


def convert(
    inputs: Iterable[str | Path] | str | Path,
    out_dir: str | Path,
    *,
    reference_date: dt.date | str | None = None,
    jsonl: bool = False,
    force: bool = False,
    workers: int | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    engine: str = "local",
    scheduler: Any = None,
    progress: bool | None = None,
) -> ConversionReport:
    """Convert files and folders to one JSON record each; never raises for a bad input.

    Inputs: `.txt`, `.md`, `.html`/`.htm`, `.docx`, `.pdf` (folders searched
    recursively; a file named explicitly is read as text whatever its suffix) and
    `.jsonl` files of `{"id": ..., "text": ...}` lines, one record per line.
    Outputs: `out_dir/<stem>.json` mirroring sub-folders (`<jsonl stem>/<id>.json` for
    JSON Lines items), or with `jsonl=True` one `out_dir/records.jsonl` in input order;
    and the run report `out_dir/_report.json`.

    Resumable: an input whose output exists and was made from the same bytes by the
    same extractor version is skipped (`force=True` redoes all), so rerunning after a
    crash or a kill redoes only what was unfinished. Each input may take `time_limit`
    seconds. `engine` is "local" (a pool of `workers` processes, default one per CPU;
    0 runs in this process) or "dask" (`scheduler`: an address, a `distributed.Client`,
    or None for a local cluster). `progress` shows a progress bar (default: when
    stderr is a terminal and CI is not set).
    """
    from .engines import default_workers, run_dask, run_local, run_serial

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = list(inputs)
    if isinstance(reference_date, dt.date):
        reference_date = reference_date.isoformat()
    elif reference_date is not None:
        reference_date = dt.date.fromisoformat(reference_date).isoformat()
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if workers is None:
        workers = default_workers()
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = out / PARTS_DIR if jsonl else out
    options = Options(reference_date=reference_date, compact=jsonl, time_limit=time_limit,
                      write_dir=str(parts) if engine == "local" and workers else None)

    previous = _previous_report(out)
    if previous.get("status") in ("running", "interrupted"):
        _sweep_temporaries(out)  # what a killed run left half-written
    recorded = previous.get("options") or {}
    if previous and recorded.get("reference_date") != reference_date:
        force = True  # the records would differ: none of the old ones is up to date

    report = ConversionReport(
        out_dir=str(out),
        options={"reference_date": reference_date, "jsonl": jsonl, "force": force, "engine": engine,
                 "workers": workers, "time_limit": time_limit},
    )
    write_atomically(out / REPORT_NAME, _report_text(report))

    suffix = ".json"
    tally = _Tally()

    def tasks() -> Iterator[Task]:
        for planned in _plan(inputs, out):
            report.inputs += 1
            if isinstance(planned, FileError):
                report.errors.append(planned)
                report.failed += 1
                if bar is not None:
                    bar.update(1)
                continue
            if not force:
                sha = _up_to_date_sha(parts / (planned.rel + suffix))
                if sha is not None:
                    planned = Task(planned.index, planned.rel, planned.path, planned.item, planned.text, sha)
            yield planned

    bar = None
    if _show_progress(progress):
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread (workers are forked)
        total = sum(1 for _ in _plan(inputs, out))
        bar = tqdm(total=total, unit="file", desc="converting", dynamic_ncols=True, mininterval=0.5,
                   smoothing=0.05, file=sys.stderr)

    if engine == "dask":
        results = run_dask(tasks(), options, scheduler=scheduler, workers=workers or None)
    elif workers == 0:
        results = run_serial(tasks(), options)
    else:
        results = run_local(tasks(), options, workers)

    try:
        for result in results:
            tally.add(result)
            target = parts / (result.rel + suffix)
            if result.status == "converted":
                if result.content is not None:  # (a local pool's worker has written it already)
                    write_atomically(target, result.content)
                report.converted += 1
            elif result.status == "skipped":
                report.skipped += 1
            else:
                report.failed += 1
                report.errors.append(FileError(result.path, result.reason or "failed"))
                target.unlink(missing_ok=True)  # an output of other bytes or another version is stale
            if bar is not None:
                bar.update(1)
                if report.failed:
                    bar.set_postfix_str(f"{report.failed} failed", refresh=False)
        if jsonl:
            _assemble_jsonl(inputs, out, parts)
        report.status = "complete"
    except KeyboardInterrupt:
        report.status = "interrupted"
        raise
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stop the workers now, even when interrupted
        if bar is not None:
            bar.close()
        report.errors.sort(key=lambda e: e.path)
        wall = time.perf_counter() - started
        report.seconds = round(wall, 3)
        report.durations = tally.summary(wall, report.converted + report.failed)
        write_atomically(out / REPORT_NAME, _report_text(report))
    return report


def _report_text(report: ConversionReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"


def _assemble_jsonl(inputs: list, out: Path, parts: Path) -> None:
    """`records.jsonl`: the parts in input order (failed inputs have none), written atomically."""
    target = out / JSONL_NAME
    fd, tmp = tempfile.mkstemp(prefix=f".{JSONL_NAME}.", suffix=TMP_SUFFIX, dir=out)
    try:
        with os.fdopen(fd, "wb") as sink:
            for planned in _plan(inputs, out):
                if isinstance(planned, FileError):
                    continue
                try:
                    with open(parts / (planned.rel + ".json"), "rb") as part:
                        sink.write(part.read())
                except FileNotFoundError:
                    continue
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def convert_dask(
    inputs: Iterable[str | Path] | str | Path,
    out_dir: str | Path,
    *,
    scheduler: Any = None,
    workers: int | None = None,
    **kwargs: Any,
) -> ConversionReport:
    """`convert` on a Dask cluster: `scheduler` is an address ("tcp://host:8786"), a
    `distributed.Client`, or None to start a local cluster of `workers` processes.
    Outputs are byte-identical to the local engine's and the report is the same."""
    return convert(inputs, out_dir, engine="dask", scheduler=scheduler, workers=workers, **kwargs)
