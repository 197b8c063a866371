"""The command line: `meeting-extractor convert|extract|schema`."""
from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a number of workers: {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(
        prog="meeting-extractor",
        description="Turn Vietnamese meeting reports into validated, source-grounded JSON records.",
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    c = sub.add_parser(
        "convert", help="convert files and folders to DIR/<stem>.json (resumable, parallel)",
        description="Convert reports (.txt .md .html .htm .docx .pdf, folders searched recursively, and "
                    ".jsonl files of {\"id\", \"text\"} lines) to one JSON record each, plus DIR/_report.json. "
                    "Rerunning the same command skips inputs whose output is up to date, so an interrupted "
                    "run resumes where it stopped. Exit code: 0 when every input succeeded, 1 when some "
                    "failed, 2 for a usage error, 130 when interrupted.")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    c.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                   help="publication date: supplies the year when a report never states it")
    c.add_argument("--jsonl", action="store_true",
                   help="write one DIR/records.jsonl (input order) instead of one file per input")
    c.add_argument("--force", action="store_true", help="redo every input, even those with an up-to-date output")
    c.add_argument("--workers", type=_count, metavar="N",
                   help="worker processes (default: one per CPU; 0 works in this process)")
    c.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="time limit for one input (default: 120; 0 for none)")
    c.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: a process pool on this machine; dask: a Dask cluster (extra 'dask')")
    c.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler to use (default: start a local cluster)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal and CI is not set)")

    e = sub.add_parser("extract", help="print the record of one file to stdout")
    e.add_argument("path", metavar="FILE")
    e.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD")

    sub.add_parser("schema", help="print the JSON Schema of the record (generated from the models)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "schema":
        from .schema import schema_text

        sys.stdout.write(schema_text())
        return 0
    if args.command == "extract":
        from .batch import record_json
        from .reading import InputError, extract_file

        try:
            record = extract_file(args.path, reference_date=args.reference_date)
        except InputError as exc:
            print(f"meeting-extractor: {exc}", file=sys.stderr)
            return 1
        sys.stdout.write(record_json(record))
        return 0
    from .batch import DEFAULT_TIME_LIMIT, convert
    from .engines import EngineUnavailable

    if args.scheduler and args.engine != "dask":
        print("meeting-extractor: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        report = convert(args.paths, args.out, reference_date=args.reference_date, jsonl=args.jsonl,
                         force=args.force, workers=args.workers,
                         time_limit=DEFAULT_TIME_LIMIT if args.timeout is None else args.timeout,
                         engine=args.engine, scheduler=args.scheduler, progress=args.progress)
    except KeyboardInterrupt:
        print(f"meeting-extractor: interrupted; run the same command again to resume -> {args.out}",
              file=sys.stderr)
        return 130
    except EngineUnavailable as exc:  # a missing extra, an unreachable scheduler
        print(f"meeting-extractor: {exc}", file=sys.stderr)
        return 2
    for err in report.errors:
        print(f"meeting-extractor: {err.path}: {err.reason}", file=sys.stderr)
    skipped = f", {report.skipped} up to date" if report.skipped else ""
    print(f"{report.converted} converted{skipped}, {report.failed} failed, {report.seconds:.2f} s -> {args.out}",
          file=sys.stderr)
    return 0 if report.ok else 1


def _interrupt(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
