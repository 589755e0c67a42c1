"""The `minsheng` command.

    minsheng build [--raw raw] [--out curated]   build, validate and publish the dataset
    minsheng suites                              regenerate expectations/ from the schema
    minsheng dictionary                          print the data dictionary
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _quiet_prefect_env() -> None:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "true")


def cmd_build(args) -> int:
    _quiet_prefect_env()
    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"minsheng build: raw folder {raw} does not exist", file=sys.stderr)
        return 3
    print(f"building {raw} -> {args.out} (Prefect starts an embedded server first; this takes a few seconds)",
          file=sys.stderr, flush=True)
    from flows.flow import build_flow

    result = build_flow(raw_dir=str(raw), out_dir=str(args.out), batch_size=args.batch_size,
                        cache_dir=args.cache, force=args.force)
    report = result.report
    counts = ", ".join(f"{k} {v}" for k, v in report.get("row_counts", {}).items())
    print(f"status: {result.status}" + (f" ({counts})" if counts else ""))
    for message in report.get("errors", []):
        print(f"error: {message}")
    for message in report.get("warnings", []):
        print(f"warning: {message}")
    if result.status == "validation_failed":
        print(f"validation failed: {args.out} was left as it was; see .{Path(args.out).name}.failed/build_report.html")
    return result.exit_code


def cmd_suites(args) -> int:
    from flows import validate

    for path in validate.write_suites(Path(args.dir) if args.dir else validate.EXPECTATIONS_DIR):
        print(path)
    return 0


def cmd_dictionary(args) -> int:
    from flows.publish import dictionary_markdown

    print(dictionary_markdown())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minsheng", description="Build the minsheng targets dataset.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build, validate and publish the dataset")
    build.add_argument("--raw", default="raw", help="folder of source texts (with or without manifest.csv)")
    build.add_argument("--out", default="curated", help="output folder (replaced only after validation passes)")
    build.add_argument("--batch-size", type=int, default=200, help="documents per Prefect task")
    build.add_argument("--cache", default=None, help="per-document cache folder (default: .<out>.cache beside --out)")
    build.add_argument("--force", action="store_true", help="rebuild and publish even if nothing changed")
    build.set_defaults(func=cmd_build)
    suites = sub.add_parser("suites", help="regenerate the expectation suites from the schema")
    suites.add_argument("--dir", default=None)
    suites.set_defaults(func=cmd_suites)
    dictionary = sub.add_parser("dictionary", help="print the data dictionary")
    dictionary.set_defaults(func=cmd_dictionary)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
