"""The `minsheng` command.

    minsheng build [--raw raw] [--out curated]   build, validate and publish the dataset
    minsheng serve [--raw raw] [--out curated]   serve the nightly deployment (needs a Prefect server)
    minsheng release [--curated curated]         pack the last build as a versioned release
    minsheng verify ARCHIVE                      check a release's checksums and schema
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
    if os.environ.get("PREFECT_HOME"):  # Prefect's SQLite cannot start in a folder that does not exist
        Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


def cmd_build(args) -> int:
    _quiet_prefect_env()
    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"minsheng build: raw folder {raw} does not exist", file=sys.stderr)
        return 3
    print(f"building {raw} -> {args.out} (Prefect starts an embedded server first; this takes a few seconds)",
          file=sys.stderr, flush=True)
    from flows.flow import with_task_runner

    result = with_task_runner(args.dask)(raw_dir=str(raw), out_dir=str(args.out), batch_size=args.batch_size,
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


def cmd_serve(args) -> int:
    _quiet_prefect_env()
    from flows import nightly

    nightly.serve(args.raw, args.out, cron=args.cron, timezone=args.timezone, cache_dir=args.cache)
    return 0


def cmd_release(args) -> int:
    from flows import release

    try:
        archive, changes = release.make_release(Path(args.curated), Path(args.releases), version=args.version,
                                                allow_incomplete=args.allow_incomplete)
    except release.ReleaseError as error:
        print(f"minsheng release: {error}", file=sys.stderr)
        return 1
    counts = changes["change"].value_counts()
    print(f"{archive}: targets added {counts.get('added', 0)}, removed {counts.get('removed', 0)}, "
          f"changed {counts.get('changed', 0)}")
    return 0


def cmd_verify(args) -> int:
    from flows import release

    status = 0
    for path in args.paths:
        problems = release.verify(Path(path))
        if problems:
            status = 1
            print(f"{path}: DAMAGED, {len(problems)} problem(s)")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"{path}: ok (checksums, datapackage schema and views all check out)")
    return status


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
    build.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="run the document batches on Dask: 'local' for a local cluster, or a scheduler address")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="serve the nightly build deployment against PREFECT_API_URL")
    serve.add_argument("--raw", default="raw")
    serve.add_argument("--out", default="curated")
    serve.add_argument("--cache", default=None)
    serve.add_argument("--cron", default="0 2 * * *", help="schedule (default: 02:00 every night)")
    serve.add_argument("--timezone", default="Asia/Shanghai")
    serve.set_defaults(func=cmd_serve)
    rel = sub.add_parser("release", help="pack the last good build as a versioned release (CalVer vYYYY.M.N)")
    rel.add_argument("--curated", default="curated", help="the build to release")
    rel.add_argument("--releases", default="releases", help="folder of release archives")
    rel.add_argument("--version", default=None, help="version to give (default: next vYYYY.M.N of this month)")
    rel.add_argument("--allow-incomplete", action="store_true", help="release a build in which some sources failed")
    rel.set_defaults(func=cmd_release)
    ver = sub.add_parser("verify", help="check release archives (or unpacked folders)")
    ver.add_argument("paths", nargs="+")
    ver.set_defaults(func=cmd_verify)
    suites = sub.add_parser("suites", help="regenerate the expectation suites from the schema")
    suites.add_argument("--dir", default=None)
    suites.set_defaults(func=cmd_suites)
    dictionary = sub.add_parser("dictionary", help="print the data dictionary")
    dictionary.set_defaults(func=cmd_dictionary)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
