"""The command line: thin wrappers that call the core and report in plain words."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_data_dir

from desktop.core.annotating import default_annotator
from desktop.core.cleaning import DEFAULT_RULES, RULES
from desktop.core.exchange import import_annotations
from desktop.core.exporting import FORMATS, ExportOptions, export_to_path
from desktop.core.importing import Result, import_paths
from desktop.core.models import Status
from desktop.core.reprocessing import reprocess_article
from desktop.core.span_filter import SpanFilter
from desktop.core.store import Store, StoreError

APP_NAME = "policy-annotator"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "annotations.db"


def _open_store(path: str | None) -> Store:
    return Store.open(path or default_db_path())


def cmd_import(args: argparse.Namespace) -> int:
    rules = DEFAULT_RULES
    if args.without:
        rules = tuple(name for name in DEFAULT_RULES if name not in args.without)
    store = _open_store(args.db)
    totals = {result: 0 for result in Result}
    try:
        for outcome in import_paths(store, [Path(p) for p in args.paths], rules):
            totals[outcome.result] += 1
            if outcome.result is Result.IMPORTED:
                print(f"imported   {outcome.path} (article {outcome.article_id})")
            elif outcome.result is Result.DUPLICATE:
                print(f"duplicate  {outcome.path}: {outcome.detail}")
            else:
                print(f"failed     {outcome.path}: {outcome.detail}")
            sys.stdout.flush()
    finally:
        store.close()
    print(
        f"total: {totals[Result.IMPORTED]} imported, {totals[Result.DUPLICATE]} duplicate, "
        f"{totals[Result.FAILED]} failed"
    )
    return 1 if totals[Result.FAILED] else 0


def _export_options(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        filters=SpanFilter(
            categories=tuple(args.category),
            statuses=tuple(args.status),
            article_ids=tuple(args.article),
            annotators=tuple(args.annotator),
        ),
        context=args.context,
        with_status=args.with_status,
        with_metadata=args.with_metadata,
        neutralise_formulas=not args.raw,
    )


def cmd_export(args: argparse.Namespace) -> int:
    writer, default_encoding, unit = FORMATS[args.format]
    encoding = args.encoding if args.format == "csv" and args.encoding else default_encoding
    options = _export_options(args)
    to_stdout = args.output in (None, "-")
    if not to_stdout and not Path(args.output).resolve().parent.is_dir():
        print(f"error: cannot write {args.output}: no such folder", file=sys.stderr)
        return 1
    store = _open_store(args.db)
    try:
        if to_stdout:
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="")
            try:
                writer(store, stream, options)
            finally:
                stream.flush()
                stream.detach()
            return 0
        try:
            count = export_to_path(store, args.format, Path(args.output), options, encoding)
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
        except UnicodeEncodeError as error:
            print(
                f"error: {encoding} cannot encode {error.object[error.start : error.end]!r}; use --encoding utf-8-sig",
                file=sys.stderr,
            )
            return 1
    finally:
        store.close()
    print(f"exported {count} {unit} to {args.output}", file=sys.stderr)
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    path = Path(args.file)
    store = _open_store(args.db)
    try:
        report = import_annotations(store, path, args.annotator or default_annotator())
    finally:
        store.close()
    for line in report.lines():
        print(line)
    return 1 if report.skipped or report.failed else 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    rules = tuple(name for name in DEFAULT_RULES if name not in args.without)
    store = _open_store(args.db)
    kept = 0
    try:
        for article_id in args.article or store.article_ids():
            try:
                outcome = reprocess_article(store, article_id, rules)
            except StoreError as error:
                print(f"article {article_id}: failed: {error}")
                kept += 1
                continue
            if outcome.blocking:
                kept += 1
                ids = ", ".join(str(span.id) for span in outcome.blocking)
                print(f"article {article_id}: kept as it was: spans {ids} would fall in text the pipeline now removes")
            elif outcome.changed:
                print(f"article {article_id}: reprocessed, {outcome.spans_moved} spans re-mapped")
            else:
                print(f"article {article_id}: unchanged")
    finally:
        store.close()
    return 1 if kept else 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = _open_store(args.db)
    try:
        stats = store.stats()
    finally:
        store.close()
    for heading, counts in stats.items():
        detail = ", ".join(f"{key} {value}" for key, value in counts.items())
        print(f"{heading}: {sum(counts.values())} ({detail})")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    headless = sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )
    if headless:
        # Qt would abort the process with a fatal error of its own.
        print(
            "error: no display to open the window on (no DISPLAY or WAYLAND_DISPLAY);"
            " the command line works without one: see --help",
            file=sys.stderr,
        )
        return 1
    from desktop.ui.app import run_window

    return run_window(args.db, demo=args.command == "demo")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME, description="Tag projects, targets and measures in Chinese policy articles."
    )
    parser.add_argument("--db", help=f"database file (default: {default_db_path()})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importing = commands.add_parser("import", help="import article files (.txt, .md) or folders")
    importing.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    importing.add_argument("paths", nargs="+", metavar="PATH")
    importing.add_argument(
        "--without", action="append", choices=list(RULES), default=[], help="switch a cleaning rule off"
    )
    importing.set_defaults(run=cmd_import)

    exporting = commands.add_parser(
        "export",
        help="export spans as CSV, articles as JSONL, or tasks for doccano / Label Studio",
        description="CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)"
        " get a leading apostrophe, as OWASP advises; --raw writes them untouched. import-annotations"
        " removes the apostrophe again.",
    )
    exporting.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    exporting.add_argument("--format", choices=list(FORMATS), default="csv")
    exporting.add_argument("-o", "--output", help="output file; stdout when absent or '-'")
    exporting.add_argument("--category", action="append", default=[], help="only this category (repeatable)")
    exporting.add_argument(
        "--status",
        action="append",
        default=[],
        choices=[s.value for s in Status],
        help="only articles with this status (repeatable)",
    )
    exporting.add_argument("--article", action="append", default=[], type=int, help="only this article id")
    exporting.add_argument("--annotator", action="append", default=[], help="only this analyst's spans")
    exporting.add_argument(
        "--context",
        type=int,
        default=0,
        metavar="N",
        help="CSV: add N characters of Simplified text before and after each span",
    )
    exporting.add_argument("--with-status", action="store_true", help="CSV: add the article's status")
    exporting.add_argument(
        "--with-metadata", action="store_true", help="CSV: add the article's hash, encoding, converter and import time"
    )
    exporting.add_argument(
        "--encoding",
        choices=["utf-8-sig", "utf-8", "gb18030"],
        help="CSV encoding (default utf-8-sig: UTF-8 with the BOM Excel needs)",
    )
    exporting.add_argument("--raw", action="store_true", help="CSV: do not neutralise formula-like cells")
    exporting.set_defaults(run=cmd_export)

    annotations = commands.add_parser(
        "import-annotations",
        help="import spans from this tool's JSONL or CSV, doccano JSONL or Label Studio JSON",
    )
    annotations.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    annotations.add_argument("file", metavar="FILE")
    annotations.add_argument("--annotator", help="analyst for spans whose file names none (default: you)")
    annotations.set_defaults(run=cmd_import_annotations)

    reprocess = commands.add_parser(
        "reprocess",
        help="recompute Simplified texts with the current cleaning rules and re-map their spans",
    )
    reprocess.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    reprocess.add_argument("--article", action="append", default=[], type=int, help="only this article id")
    reprocess.add_argument(
        "--without", action="append", choices=list(RULES), default=[], help="switch a cleaning rule off"
    )
    reprocess.set_defaults(run=cmd_reprocess)

    stats = commands.add_parser("stats", help="articles by status, spans by category, flags by kind")
    stats.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    stats.set_defaults(run=cmd_stats)

    demo = commands.add_parser("demo", help="open the window on a temporary database with the sample articles")
    demo.set_defaults(run=cmd_window)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", cmd_window)
    try:
        return int(run(args))
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
