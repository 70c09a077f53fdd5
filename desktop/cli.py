"""The command line: thin wrappers that call the core and report in plain words."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from desktop.cli_analysts import add_commands as add_analyst_commands
from desktop.cli_backups import add_commands as add_backup_commands
from desktop.cli_codebook import add_commands as add_codebook_commands
from desktop.cli_data import add_commands as add_data_commands
from desktop.cli_search import add_commands as add_search_commands
from desktop.core.environment import APP_NAME, default_annotator, default_db_path, default_workers
from desktop.core.exchange.formats import FORMATS, FORMULA_GUARD, READABLE_FORMATS, ExchangeFormat, format_by_key
from desktop.core.exchange.outgoing import ExportOptions, write_to_path
from desktop.core.models import SpanFilter, Status
from desktop.core.store import STORE_FAILURES, Store, StoreError, explain
from desktop.core.text.cleaning import DEFAULT_RULES, RULES
from desktop.core.text.convert import DEFAULT_CONVERTER, UnknownConverter, converter_info
from desktop.core.text.reading import MAX_ARTICLE_BYTES

MIB = 1024 * 1024


def _db_path(args: argparse.Namespace) -> str:
    return str(getattr(args, "db", None) or default_db_path())


def _open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """The database of --db; commands that only read never create one (a mistyped path is an error)."""
    return Store.open(_db_path(args), create=create)


def _rules(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(name for name in DEFAULT_RULES if name not in args.without)


# Each command imports what only it uses: `stats` or `--help` should not wait for the text pipeline.


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.importing import Result, import_paths

    totals = {result: 0 for result in Result}
    with _open_store(args) as store:
        paths = [Path(p) for p in args.paths]
        for outcome in import_paths(
            store, paths, _rules(args), converter=args.converter, workers=args.workers, max_bytes=args.max_size * MIB
        ):
            totals[outcome.result] += 1
            if outcome.result is Result.IMPORTED:
                note = f"; {outcome.detail}" if outcome.detail else ""
                print(f"imported   {outcome.path} (article {outcome.article_id}{note})")
            elif outcome.result is Result.DUPLICATE:
                print(f"duplicate  {outcome.path}: {outcome.detail}")
            else:
                print(f"failed     {outcome.path}: {outcome.detail}")
            sys.stdout.flush()
    print(
        f"total: {totals[Result.IMPORTED]} imported, {totals[Result.DUPLICATE]} duplicate, "
        f"{totals[Result.FAILED]} failed"
    )
    return 1 if totals[Result.FAILED] else 0


def _note_ignored_options(args: argparse.Namespace, fmt: ExchangeFormat) -> None:
    """Options given that this format does not honour are named, not silently dropped."""
    given = {"context": args.context, "with_status": args.with_status, "with_metadata": args.with_metadata}
    ignored = ["--" + name.replace("_", "-") for name, value in given.items() if value and name not in fmt.options]
    if args.raw and FORMULA_GUARD not in fmt.options:
        ignored.append("--raw")
    if args.encoding and args.encoding not in fmt.encodings:
        ignored.append(f"--encoding {args.encoding}")
    if ignored:
        print(f"note: --format {fmt.key} ignores {', '.join(ignored)}", file=sys.stderr)


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
    fmt = format_by_key(args.format)
    encoding = args.encoding if args.encoding in fmt.encodings else fmt.default_encoding
    _note_ignored_options(args, fmt)
    options = _export_options(args)
    if args.sample:
        try:
            with _open_store(args, create=False) as store:
                ids = store.samples.article_ids(args.sample)
            if not ids:
                raise StoreError(f"the sample “{args.sample}” holds no articles any more")
        except StoreError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        filters = replace(options.filters, article_ids=(*options.filters.article_ids, *ids), every_article=True)
        options = replace(options, filters=filters)
    to_stdout = args.output in (None, "-")
    if to_stdout and fmt.binary:
        print(f"error: --format {fmt.key} writes a zip file: give it a name with -o FILE.{fmt.suffix}", file=sys.stderr)
        return 2
    if not to_stdout and not Path(args.output).resolve().parent.is_dir():
        print(f"error: cannot write {args.output}: no such folder", file=sys.stderr)
        return 1
    with _open_store(args, create=False) as store:
        if to_stdout:
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="")
            try:
                fmt.write(store, stream, options)
            finally:
                stream.flush()
                stream.detach()
            return 0
        try:
            count = write_to_path(fmt.write, store, Path(args.output), options, encoding)
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
        except UnicodeEncodeError as error:
            print(
                f"error: {encoding} cannot encode {error.object[error.start : error.end]!r};"
                f" use --encoding {fmt.default_encoding}",
                file=sys.stderr,
            )
            return 1
    print(f"exported {count} {fmt.unit} to {args.output}", file=sys.stderr)
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from desktop.core.exchange.attach import import_annotations

    with _open_store(args) as store:
        report = import_annotations(store, Path(args.file), args.annotator or default_annotator())
    for line in report.lines():
        print(line)
    return 1 if report.skipped or report.failed else 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from desktop.core.reprocessing import reprocess_article

    kept = 0
    with _open_store(args) as store:
        for article_id in args.article or store.articles.ids():
            try:
                outcome = reprocess_article(store, article_id, _rules(args), args.converter)
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
    return 1 if kept else 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args, create=False) as store:
        stats = store.reports.stats()
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

    return run_window(getattr(args, "db", None), demo=args.command == "demo")


def _add_export(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    csv = format_by_key("csv")
    exporting = commands.add_parser(
        "export",
        parents=parents,
        help="export spans as CSV, articles as JSONL, or tasks for doccano / Label Studio",
        description="CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)"
        " get a leading apostrophe, as OWASP advises; --raw writes them untouched. import-annotations"
        " removes the apostrophe again.",
    )
    exporting.add_argument("--format", choices=[fmt.key for fmt in FORMATS], default=FORMATS[0].key)
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
    exporting.add_argument(
        "--annotator",
        action="append",
        default=[],
        help="only this analyst's spans ('consensus': the adjudicated layer)",
    )
    exporting.add_argument(
        "--sample",
        metavar="NAME",
        help="only the articles of this sample, every one of them even without spans (a work package)",
    )
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
        choices=list(dict.fromkeys(encoding for fmt in FORMATS if not fmt.binary for encoding in fmt.encodings)),
        help=f"CSV encoding (default {csv.default_encoding}: UTF-8 with the BOM Excel needs;"
        f" also {', '.join(csv.encodings[1:])}); the other formats are always UTF-8",
    )
    exporting.add_argument("--raw", action="store_true", help="CSV: do not neutralise formula-like cells")
    exporting.set_defaults(run=cmd_export)


def _add_converter(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--converter",
        default=DEFAULT_CONVERTER,
        help=f"Traditional -> Simplified converter: {DEFAULT_CONVERTER} (default; upstream OpenCC 1.4.2's"
        " dictionaries) or opencc-python-reimplemented (how articles were converted before)",
    )


def build_parser() -> argparse.ArgumentParser:
    # --db is declared once and inherited: before the command (the window) or after it.
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="DB", help=f"database file (default: {default_db_path()})"
    )
    parents = [database]
    parser = argparse.ArgumentParser(
        prog=APP_NAME, parents=parents, description="Tag projects, targets and measures in Chinese policy articles."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importing = commands.add_parser("import", parents=parents, help="import article files (.txt, .md) or folders")
    importing.add_argument("paths", nargs="+", metavar="PATH")
    importing.add_argument(
        "--without", action="append", choices=list(RULES), default=[], help="switch a cleaning rule off"
    )
    _add_converter(importing)
    importing.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="processes that read and convert files in parallel (default: one per core; 1 works in this process)",
    )
    importing.add_argument(
        "--max-size",
        type=int,
        default=MAX_ARTICLE_BYTES // MIB,
        metavar="MB",
        help=f"refuse article files larger than this (default {MAX_ARTICLE_BYTES // MIB} MB)",
    )
    importing.set_defaults(run=cmd_import)

    _add_export(commands, parents)

    annotations = commands.add_parser(
        "import-annotations",
        parents=parents,
        help=f"import spans from {', '.join(fmt.name for fmt in READABLE_FORMATS)} (detected from the content)",
    )
    annotations.add_argument("file", metavar="FILE")
    annotations.add_argument("--annotator", help="analyst for spans whose file names none (default: you)")
    annotations.set_defaults(run=cmd_import_annotations)

    reprocess = commands.add_parser(
        "reprocess",
        parents=parents,
        help="recompute Simplified texts with the current cleaning rules and re-map their spans",
    )
    reprocess.add_argument("--article", action="append", default=[], type=int, help="only this article id")
    reprocess.add_argument(
        "--without", action="append", choices=list(RULES), default=[], help="switch a cleaning rule off"
    )
    _add_converter(reprocess)
    reprocess.set_defaults(run=cmd_reprocess)

    add_codebook_commands(commands, parents, _open_store)
    add_data_commands(commands, parents, _open_store)
    add_search_commands(commands, parents, _open_store)
    add_analyst_commands(commands, parents, _open_store)
    add_backup_commands(commands, parents, _db_path)

    stats = commands.add_parser("stats", parents=parents, help="articles by status, spans by category, flags by kind")
    stats.set_defaults(run=cmd_stats)

    demo = commands.add_parser("demo", help="open the window on a temporary database with the sample articles")
    demo.set_defaults(run=cmd_window)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A file name that is not UTF-8 (or a lone surrogate from a file) is printed escaped, never a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`... | head`): what it wanted it has; nothing more is written.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "workers", 1) < 1:
        parser.error("--workers must be 1 or more")
    if getattr(args, "max_size", 1) < 1:
        parser.error("--max-size must be 1 or more")
    if hasattr(args, "converter"):
        try:
            converter_info(args.converter)  # before any database is opened or created
        except UnknownConverter as error:
            parser.error(str(error))
    run = getattr(args, "run", cmd_window)
    try:
        return int(run(args))
    except STORE_FAILURES as error:
        # Locked, read-only, full, damaged or missing: one line naming the file and the reason.
        print(f"error: {explain(error, _db_path(args))}", file=sys.stderr)
        return 1
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        # An output file that cannot be written (its folder gone, a link, the disk full): named with the reason.
        print(f"error: cannot write {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    except UnknownConverter as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
