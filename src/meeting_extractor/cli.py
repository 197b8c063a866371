"""The command line: `meeting-extractor convert|extract|schema`."""
from __future__ import annotations

import argparse
import datetime as dt
import sys


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(
        prog="meeting-extractor",
        description="Turn Vietnamese meeting reports into validated, source-grounded JSON records.",
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    c = sub.add_parser("convert", help="convert files and folders (*.txt, recursively) to DIR/<stem>.json")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    c.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                   help="publication date: supplies the year when a report never states it")

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
    from .batch import convert

    report = convert(args.paths, args.out, reference_date=args.reference_date)
    for err in report.errors:
        print(f"meeting-extractor: {err.path}: {err.reason}", file=sys.stderr)
    print(f"{report.converted} converted, {report.failed} failed, {report.seconds:.2f} s -> {args.out}",
          file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
