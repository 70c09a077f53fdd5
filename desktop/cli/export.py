"""The command line's export: whose spans, which articles, which format (the one the file's name says)."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop.cli.options import (
    UsageError,
    add_layer_options,
    an_id,
    check_articles,
    check_categories,
    check_sample,
    chosen_layers,
    whole_number,
)
from desktop.core.exchange.formats import FORMATS, FORMULA_GUARD, ExchangeFormat, format_by_key
from desktop.core.exchange.outgoing import ExportOptions, write_to_path
from desktop.core.layers import describe
from desktop.core.models import SpanFilter, Status
from desktop.core.store import Store

Opener = Callable[..., Store]


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


def _export_options(args: argparse.Namespace, store: Store) -> ExportOptions:
    """The export's filters, each checked against what the database holds (UsageError naming the unknown)."""
    check_categories(store, args.category)
    check_articles(store, args.article)
    check_sample(store, args.sample or "")
    layers = () if args.texts_only else chosen_layers(store, args)
    filters = SpanFilter(
        categories=tuple(store.categories.codebook().expand(args.category)),
        statuses=tuple(args.status),
        article_ids=tuple(args.article),
        layers=layers,
        texts_only=args.texts_only,
    )
    if args.sample:
        ids = store.samples.article_ids(args.sample)
        if not ids:
            raise UsageError(f"the sample “{args.sample}” holds no articles any more")
        filters = replace(filters, article_ids=(*filters.article_ids, *ids), every_article=True)
    return ExportOptions(
        filters=filters,
        context=args.context,
        with_status=args.with_status,
        with_metadata=args.with_metadata,
        neutralise_formulas=not args.raw,
        reports=args.reports,
    )


def _export_format(args: argparse.Namespace) -> ExchangeFormat:
    """The format asked for, or the one the output's name says; a name and a format that disagree are refused."""
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output not in (None, "-") else ""
    if args.format is None:
        if not suffix:
            return FORMATS[0]
        matching = [fmt for fmt in FORMATS if fmt.suffix == suffix]
        if not matching:
            known = ", ".join(sorted({f".{fmt.suffix}" for fmt in FORMATS}))
            raise UsageError(f"-o {args.output}: no format writes .{suffix} files ({known}); or give --format")
        return matching[0]  # .jsonl is this tool's JSONL; doccano's is asked for with --format doccano
    fmt = format_by_key(args.format)
    if suffix and suffix != fmt.suffix:
        raise UsageError(
            f"--format {fmt.key} writes .{fmt.suffix} files, but -o {args.output} is named .{suffix}:"
            " give the file the format's suffix, or leave out --format"
        )
    return fmt


def cmd_export(args: argparse.Namespace, open_store: Opener) -> int:
    fmt = _export_format(args)
    encoding = args.encoding if args.encoding in fmt.encodings else fmt.default_encoding
    _note_ignored_options(args, fmt)
    to_stdout = args.output in (None, "-")
    if to_stdout and fmt.binary:
        print(f"error: --format {fmt.key} writes a zip file: give it a name with -o FILE.{fmt.suffix}", file=sys.stderr)
        return 2
    if not to_stdout and not Path(args.output).resolve().parent.is_dir():
        print(f"error: cannot write {args.output}: no such folder", file=sys.stderr)
        return 1
    with open_store(args, create=False) as store:
        options = _export_options(args, store)
        if fmt.key == "doccano" and len(options.filters.layers) != 1 and not options.filters.texts_only:
            raise UsageError("doccano JSONL holds one layer per task: name it with --annotator NAME (or --study)")
        print(f"whose spans: {describe(options.filters.layers)}", file=sys.stderr)
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


def add_export_command(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], open_store: Opener
) -> None:
    csv = format_by_key("csv")
    exporting = commands.add_parser(
        "export",
        parents=parents,
        help="export spans as CSV, articles as JSONL, or tasks for doccano / Label Studio",
        description="CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)"
        " get a leading apostrophe, as OWASP advises; --raw writes them untouched. import-annotations"
        " removes the apostrophe again.",
    )
    exporting.add_argument(
        "--format",
        choices=[fmt.key for fmt in FORMATS],
        help="default: the one -o's suffix names (.csv .jsonl .json .qdpx .xlsx), else csv",
    )
    exporting.add_argument("-o", "--output", help="output file; stdout when absent or '-'")
    exporting.add_argument("--category", action="append", default=[], help="only this category (repeatable)")
    exporting.add_argument(
        "--status",
        action="append",
        default=[],
        choices=[s.value for s in Status],
        help="only articles with this status (repeatable)",
    )
    exporting.add_argument("--article", action="append", default=[], type=an_id, help="only this article id")
    add_layer_options(exporting)
    exporting.add_argument(
        "--sample",
        metavar="NAME",
        help="only the articles of this sample, every one of them even without spans",
    )
    exporting.add_argument(
        "--texts-only",
        action="store_true",
        help="the articles without any spans (with --sample: a work package for a second coder, blind to the first)",
    )
    exporting.add_argument(
        "--reports",
        choices=["filtered", "corpus", "none"],
        default="filtered",
        help="xlsx: report sheets of what the spans sheet holds (default), of the whole corpus, or none",
    )
    exporting.add_argument(
        "--context",
        type=whole_number(0),
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
    exporting.set_defaults(run=lambda args: cmd_export(args, open_store))
