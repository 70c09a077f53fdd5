"""The command line: thin wrappers that call the core and report in plain words."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from desktop.cli.options import (
    MAX_WORKERS,
    UsageError,
    add_layer_options,
    an_id,
    chosen_layers,
    whole_number,
)
from desktop.core.environment import APP_NAME, default_annotator, default_db_path, default_workers
from desktop.core.layers import LayerError
from desktop.core.models import SpanFilter
from desktop.core.store import STORE_FAILURES, Store, StoreError, explain
from desktop.core.text.convert import DEFAULT_CONVERTER, UnknownConverter, converter_info

MIB = 1024 * 1024
# An article is read whole into memory (and decoded, cleaned and converted there): --max-size stops here.
LARGEST_ARTICLE_MB = 4096
# The commands each part of the command line adds. A command named on the command line builds its
# part's parser alone: `stats` need not load (nor build the options of) every other command.
COMMAND_GROUPS: dict[str, tuple[str, ...]] = {
    "main": ("import", "import-annotations", "reprocess", "stats", "demo"),
    "export": ("export",),
    "codebook": ("codebook",),
    "data": ("metadata", "units", "report"),
    "search": ("search", "tag-hits", "batches", "suggest", "passages"),
    "analysts": ("agreement", "sample", "samples"),
    "learn": ("learn",),
    "backups": ("backups", "restore"),
}


def _db_path(args: argparse.Namespace) -> str:
    return str(getattr(args, "db", None) or default_db_path())


def _open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """The database of --db; commands that only read never create one (a mistyped path is an error)."""
    return Store.open(_db_path(args), create=create)


def _rules(args: argparse.Namespace) -> tuple[str, ...]:
    from desktop.core.text.cleaning import DEFAULT_RULES

    return tuple(name for name in DEFAULT_RULES if name not in args.without)


# Each command imports what only it uses: `stats` or `--help` should not wait for the text pipeline.


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.coding.importing import Result, import_paths

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


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from desktop.core.exchange.attach import import_annotations

    with _open_store(args) as store:
        report = import_annotations(
            store,
            Path(args.file),
            args.annotator or default_annotator(),
            take_theirs=args.take_theirs,
            workers=args.workers,
        )
    for line in report.lines():
        print(line)
    return 1 if report.skipped or report.failed else 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from desktop.core.coding.reprocessing import reprocess_article

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
        layers = chosen_layers(store, args)
        per_layer = [(layer, store.reports.stats(SpanFilter(layers=(layer,)))) for layer in layers]
    for number, (layer, stats) in enumerate(per_layer):
        for heading, counts in stats.items():
            if number and heading != "spans":
                continue
            detail = ", ".join(f"{key} {value}" for key, value in counts.items())
            label = f"spans of {layer.describe()}" if heading == "spans" else heading
            print(f"{label}: {sum(counts.values())} ({detail})")
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


def _add_text_options(command: argparse.ArgumentParser) -> None:
    """How a command that processes text cleans and converts it: --without RULE, --converter."""
    from desktop.core.text.cleaning import RULES

    command.add_argument(
        "--without", action="append", choices=list(RULES), default=[], help="switch a cleaning rule off"
    )
    command.add_argument(
        "--converter",
        default=DEFAULT_CONVERTER,
        help=f"Traditional -> Simplified converter: {DEFAULT_CONVERTER} (default; upstream OpenCC 1.4.2's"
        " dictionaries) or opencc-python-reimplemented (how articles were converted before)",
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser; with ``command``, only the parsers of its part (its help is the same)."""
    group = next((name for name, commands in COMMAND_GROUPS.items() if command in commands), None)

    def wanted(name: str) -> bool:
        return group is None or group == name

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
    if wanted("main"):
        _add_import_commands(commands, parents)
    if wanted("export"):
        from desktop.cli.export import add_export_command

        add_export_command(commands, parents, _open_store)
    if wanted("main"):
        _add_processing_commands(commands, parents)
    parts = {
        "codebook": "desktop.cli.codebook",
        "data": "desktop.cli.data",
        "search": "desktop.cli.search",
        "analysts": "desktop.cli.analysts",
        "learn": "desktop.cli.learn",
    }
    for name, module in parts.items():
        if wanted(name):
            import_module(module).add_commands(commands, parents, _open_store)
    if wanted("backups"):
        from desktop.cli.backups import add_commands as add_backup_commands

        add_backup_commands(commands, parents, _db_path)
    if wanted("main"):
        stats = commands.add_parser(
            "stats", parents=parents, help="articles by status, spans by category, flags by kind"
        )
        add_layer_options(stats)
        stats.set_defaults(run=cmd_stats)
        demo = commands.add_parser("demo", help="open the window on a temporary database with the sample articles")
        demo.set_defaults(run=cmd_window)
    return parser


def _add_import_commands(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    from desktop.core.text.reading import MAX_ARTICLE_BYTES

    importing = commands.add_parser("import", parents=parents, help="import article files (.txt, .md) or folders")
    importing.add_argument("paths", nargs="+", metavar="PATH")
    _add_text_options(importing)
    importing.add_argument(
        "--workers",
        type=whole_number(1, MAX_WORKERS),
        default=default_workers(),
        help="processes that read and convert files in parallel (default: one per core; 1 works in this process)",
    )
    importing.add_argument(
        "--max-size",
        type=whole_number(1, LARGEST_ARTICLE_MB),
        default=MAX_ARTICLE_BYTES // MIB,
        metavar="MB",
        help=f"refuse article files larger than this (default {MAX_ARTICLE_BYTES // MIB} MB)",
    )
    importing.set_defaults(run=cmd_import)


def _add_processing_commands(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    from desktop.core.exchange.formats import READABLE_FORMATS

    annotations = commands.add_parser(
        "import-annotations",
        parents=parents,
        help=f"import spans from {', '.join(fmt.name for fmt in READABLE_FORMATS)} (detected from the content)",
    )
    annotations.add_argument("file", metavar="FILE")
    annotations.add_argument("--annotator", help="analyst for spans whose file names none (default: you)")
    annotations.add_argument(
        "--take-theirs", action="store_true", help="take the colours of the file's codebook (by default ours stay)"
    )
    annotations.add_argument(
        "--workers",
        type=whole_number(1, MAX_WORKERS),
        default=default_workers(),
        help="processes that work out processed articles' coding units and search terms (default: one per core)",
    )
    annotations.set_defaults(run=cmd_import_annotations)

    reprocess = commands.add_parser(
        "reprocess",
        parents=parents,
        help="recompute Simplified texts with the current cleaning rules and re-map their spans",
    )
    reprocess.add_argument("--article", action="append", default=[], type=an_id, help="only this article id")
    _add_text_options(reprocess)
    reprocess.set_defaults(run=cmd_reprocess)


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word after the options ``--db``), or None."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--db":
            skip = True
        elif token.startswith("--db="):
            continue
        elif token.startswith("-"):
            return None  # an option of the whole program (--help): every command is listed
        else:
            return token
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # A file name that is not UTF-8 (or a lone surrogate from a file) is printed escaped, never a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # (also while the command's own modules load and its options are read, before it runs)
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): what it wanted it has; nothing more is written.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _main(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_named(words))
    args = parser.parse_args(words)
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
    except (UnknownConverter, UsageError, LayerError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
