"""The `minsheng` command.

    minsheng build [--raw raw] [--out curated]   build, validate and publish the dataset
    minsheng serve [--raw raw] [--out curated]   serve the nightly deployment (needs a Prefect server)
    minsheng release [--curated curated]         pack the last build as a versioned release
    minsheng verify ARCHIVE                      check a release's checksums and schema
    minsheng suites                              regenerate expectations/ from the schema
    minsheng dictionary                          print the data dictionary
    minsheng fetch [--raw raw]                   download the registry's sources into raw/snapshots/
    minsheng download [VERSION] [--from URL_OR_FOLDER] [--to DIR]   fetch, verify and unpack a release
    minsheng --version                           the package's version
"""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import traceback
from pathlib import Path


def _quiet_prefect_env() -> None:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "true")
    # Prefect's default startup wait is too short for the first start (database migrations) on a busy machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if os.environ.get("PREFECT_HOME"):  # Prefect's SQLite cannot start in a folder that does not exist
        Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


def parse_bytes(text: str) -> int:
    """20MB, 500kB, 1.5GB, 20000000 (bytes); MB means 1024*1024 bytes."""
    value = text.strip().upper().replace(" ", "").removesuffix("B").removesuffix("I")
    scale = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}.get(value[-1:], 1)
    try:
        number = float(value[:-1] if scale > 1 else value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 20MB, 500kB or a number of bytes)") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}")
    return int(number * scale)


def parse_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return seconds


def cmd_build(args) -> int:
    """Every problem of the environment is checked before the build and is one line on stderr with
    its own exit status (flows/guard.py EXIT_STATUSES); the build's own outcomes are 0, 1 and 2."""
    _quiet_prefect_env()
    from flows import guard, ingest

    try:
        raw = guard.check_raw(args.raw)
        out = guard.check_out(args.out, raw)
        with guard.build_lock(out, wait=args.wait):
            guard.check_out(out, raw)  # again, now that no other build can be writing it
            try:
                ingest.discover_sources(raw)
            except ingest.SourceError as error:
                raise guard.RawFolderProblem(f"raw folder {raw}: {error}") from None
            if not args.force:
                from flows import parts

                previous = parts.unchanged_since_last_build(raw, out, args.max_bytes or None, args.doc_timeout or None)
                if previous is not None:  # answered without starting Prefect: the time of hashing the sources
                    print(f"nothing changed since the last build ({previous['input_fingerprint']}): "
                          f"{out} left as it is", file=sys.stderr)
                    return _print_result(Unchanged(previous), args)
            from flows import prefect_server

            server = prefect_server.for_build()  # first: its start overlaps the imports and the warm-up below
            try:
                where = f"the Prefect server at {prefect_server.api_url()}" if server is None else \
                    "a temporary Prefect server, started first (a few seconds)"
                print(f"building {raw} -> {out} on {where}", file=sys.stderr, flush=True)
                result = _run_flow(args, raw, out, server)
            finally:
                if server:
                    server.stop()
    except guard.EnvironmentProblem as problem:
        print(f"minsheng build: {problem}", file=sys.stderr)
        return problem.exit_code
    except KeyboardInterrupt:  # before the build started (waiting for the lock, say)
        print("minsheng build: stopped by SIGINT before the build started", file=sys.stderr)
        return 130
    except OSError as error:
        if error.errno in guard.WRITE_ERRNOS:
            print(f"minsheng build: {guard.write_problem(error)}", file=sys.stderr)
            return guard.WriteProblem.exit_code
        traceback.print_exc()
        print(f"minsheng build: internal error ({type(error).__name__}: {error})", file=sys.stderr)
        return 70
    except Exception as error:
        traceback.print_exc()
        print(f"minsheng build: internal error ({type(error).__name__}: {error})", file=sys.stderr)
        return 70
    return _print_result(result, args)


def _run_flow(args, raw: Path, out: Path, server) -> object:
    """The build flow, on `server` (a prefect_server.TemporaryServer) or on the one PREFECT_API_URL names."""
    from flows import guard

    def interrupted(signum):
        name = "SIGTERM" if signum == signal.SIGTERM else "SIGINT" if signum == signal.SIGINT else str(signum)
        print(f"minsheng build: stopped by {name}; {out} is left as the last good build left it", file=sys.stderr)

    with guard.on_signals(interrupted):
        if not args.dask:
            from flows import worker

            worker.prestart(args.doc_timeout or None)  # warms up while Prefect's server starts
        from flows import flow, progress

        flow.progress_display = display = progress.BuildProgress()
        try:
            with server.in_use() if server else contextlib.nullcontext():
                return flow.with_task_runner(args.dask, args.workers)(
                    raw_dir=str(raw), out_dir=str(out), batch_size=args.batch_size, cache_dir=args.cache,
                    force=args.force, max_bytes=args.max_bytes or None, doc_timeout=args.doc_timeout or None,
                    workers=args.workers)
        finally:
            display.stop()  # a bar left running would garble the terminal
            flow.progress_display = None


class Unchanged:
    """What the flow returns when nothing changed, found by the command before starting Prefect."""
    status, exit_code = "unchanged", 0

    def __init__(self, report: dict):
        self.report = report


def _print_result(result, args) -> int:
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


def cmd_fetch(args) -> int:
    """Download the registry's sources into raw/snapshots/ (flows/fetch.py); 0 when every URL was
    fetched (or found unchanged), 1 when some failed (each named), 3 when the registry is unusable."""
    from flows import fetch, registry

    options = fetch.FetchOptions(timeout=args.timeout, max_bytes=args.max_bytes, min_interval=args.interval,
                                 attempts=args.attempts, backoff=args.backoff)
    try:
        report = fetch.fetch_all(args.raw, options, only=args.only or None)
    except registry.RegistryError as error:
        print(f"minsheng fetch: {error}", file=sys.stderr)
        return 3
    print("fetched: " + (", ".join(f"{k} {v}" for k, v in sorted(report.summary().items())) or "nothing to fetch"))
    return 1 if report.failed else 0


def cmd_download(args) -> int:
    """Fetch a release (a folder, an http(s) URL, or one archive), verify it, unpack it under --to."""
    from flows import download, release

    try:
        folder = download.download(args.release_version, args.source, args.to).resolve()
    except (download.DownloadError, release.ReleaseError) as error:
        print(f"minsheng download: {error}", file=sys.stderr)
        return 1
    print(f"{folder}: ok (checksums, datapackage schema and views all check out)")
    print(download.how_to_query(folder))
    return 0


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Every option's default in --help; descriptions and epilogs as written."""


def _version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version("minsheng")
    except importlib.metadata.PackageNotFoundError:
        return "unknown (not installed)"


def cmd_dictionary(args) -> int:
    from flows.publish import dictionary_markdown

    sys.stdout.write(dictionary_markdown())  # the very bytes a build writes to curated/README.md
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minsheng", description="Build the minsheng targets dataset.",
                                     formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"minsheng {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_parser = sub.add_parser

    def add_parser(name, **kwargs):  # every subcommand's --help shows the defaults
        kwargs.setdefault("formatter_class", HelpFormatter)
        return _add_parser(name, **kwargs)
    sub.add_parser = add_parser
    from flows.guard import EXIT_STATUSES

    build = sub.add_parser(
        "build", help="build, validate and publish the dataset",
        description="Build, validate and publish the dataset: --raw -> --out.",
        epilog="exit status:\n" + "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_STATUSES.items()) +
               "\n\nA source over --max-bytes, slower than --doc-timeout, unreadable or empty after cleaning is "
               "rejected by\nname (status 1); --out is refused if it holds files a build did not write.")
    build.add_argument("--raw", default="raw", help="folder of source texts (with or without manifest.csv)")
    build.add_argument("--out", default="curated", help="output folder (replaced only after validation passes)")
    build.add_argument("--batch-size", type=int, default=100,
                       help="documents per batch on average (one Prefect task and one part per table each)")
    build.add_argument("--cache", default=None, help="per-document cache folder (None: .<out>.cache beside --out)")
    build.add_argument("--force", action="store_true", help="rebuild and publish even if nothing changed")
    build.add_argument("--workers", type=int, default=None, metavar="N",
                       help="batches built at once, each in a worker process (None: every core)")
    build.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="run the document batches on Dask: 'local' for a local cluster of --workers processes, "
                            "or a scheduler address like tcp://host:8786")
    build.add_argument("--max-bytes", type=parse_bytes, default="20MB", metavar="SIZE",
                       help="reject a source file larger than this (e.g. 500kB, 20MB; 0: no limit)")
    build.add_argument("--doc-timeout", type=parse_seconds, default=120.0, metavar="SECONDS",
                       help="reject a document that takes longer than this to build "
                            "(0: no limit, built in-process)")
    build.add_argument("--wait", type=parse_seconds, default=0.0, metavar="SECONDS",
                       help="if another build is writing to --out, wait up to this long for it "
                            "(0: refuse at once)")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="serve the nightly build deployment against PREFECT_API_URL")
    serve.add_argument("--raw", default="raw")
    serve.add_argument("--out", default="curated")
    serve.add_argument("--cache", default=None)
    serve.add_argument("--cron", default="0 2 * * *", help="schedule (02:00 every night)")
    serve.add_argument("--timezone", default="Asia/Shanghai")
    serve.set_defaults(func=cmd_serve)
    rel = sub.add_parser("release", help="pack the last good build as a versioned release (CalVer vYYYY.M.N)")
    rel.add_argument("--curated", default="curated", help="the build to release")
    rel.add_argument("--releases", default="releases", help="folder of release archives")
    rel.add_argument("--version", default=None, help="version to give (None: the next vYYYY.M.N of this month)")
    rel.add_argument("--allow-incomplete", action="store_true", help="release a build in which some sources failed")
    rel.set_defaults(func=cmd_release)
    ver = sub.add_parser("verify", help="check release archives (or unpacked folders)")
    ver.add_argument("paths", nargs="+")
    ver.set_defaults(func=cmd_verify)
    suites = sub.add_parser("suites", help="regenerate the expectation suites from the schema")
    suites.add_argument("--dir", default=None)
    suites.set_defaults(func=cmd_suites)
    fetch = sub.add_parser("fetch", help="download the registry's sources (raw/sources.csv) into raw/snapshots/")
    fetch.add_argument("--raw", default="raw", help="folder with sources.csv (snapshots go under it)")
    fetch.add_argument("--only", nargs="*", metavar="SOURCE_ID", help="fetch only these sources")
    fetch.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    fetch.add_argument("--max-bytes", type=int, default=20 * 1024 * 1024, help="largest download accepted")
    fetch.add_argument("--interval", type=float, default=2.0, help="seconds between two requests to one host")
    fetch.add_argument("--attempts", type=int, default=4, help="tries per URL on transient errors")
    fetch.add_argument("--backoff", type=float, default=2.0, help="first wait between tries (doubles)")
    fetch.set_defaults(func=cmd_fetch)
    dl = sub.add_parser(
        "download", help="fetch a release, verify it and unpack it",
        description="Fetch a release archive from a folder or an http(s) URL (where `minsheng release` output is "
                    "published: the archives and index.json) or one archive, check its sha256 and every checksum, "
                    "schema and view (minsheng verify), unpack it under --to and print how to query it.")
    dl.add_argument("release_version", nargs="?", default=None, metavar="VERSION",
                    help="release to fetch, like v2026.11.1 (None: the latest)")
    dl.add_argument("--from", dest="source", default=None, metavar="URL_OR_FOLDER",
                    help="where releases are published: a folder, an http(s) URL, or one .tar.gz archive "
                         "(None: $MINSHENG_RELEASES_URL, else ./releases)")
    dl.add_argument("--to", default=".", metavar="DIR", help="folder to unpack the release into")
    dl.set_defaults(func=cmd_download)
    dictionary = sub.add_parser("dictionary", help="print the data dictionary")
    dictionary.set_defaults(func=cmd_dictionary)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
