"""The command line for articles as data: metadata, coding units and the reports a study hands in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop.cli.options import add_layer_options, an_id, chosen_layers
from desktop.core.store import Store

Opener = Callable[..., Store]


def _output(store: Store, path: str | None, write: Callable[[TextIO], int]) -> int:
    """Write to stdout, or to FILE in UTF-8 with the BOM Excel needs (complete or not at all); returns the rows."""
    if path in (None, "-"):
        return write(sys.stdout)
    from desktop.core.exchange.outgoing import ExportOptions, write_to_path

    return write_to_path(
        lambda _store, stream, _options: write(stream), store, Path(path), ExportOptions(), "utf-8-sig"
    )


def cmd_metadata(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.exchange import metadata_csv
    from desktop.core.metadata import FieldKind, MetadataField
    from desktop.core.store import Refused

    action = getattr(args, "action", None)
    if action == "import":
        with open_store(args) as store:
            report = metadata_csv.import_metadata(store, Path(args.file))
        for line in report.lines():
            print(line)
        return 1 if report.failed or report.problems else 0
    if action == "add-field":
        with open_store(args) as store:
            try:
                added = store.metadata.add_field(
                    MetadataField(args.name, args.label or args.name, FieldKind(args.kind), tuple(args.choice))
                )
            except Refused as error:
                print(f"error: {error}", file=sys.stderr)
                return 2
        print(f"added field {added.name} ({added.kind.value})")
        return 0
    with open_store(args, create=False) as store:
        if action == "export":
            count = _output(store, args.output, lambda stream: metadata_csv.write(store, stream))
            if args.output not in (None, "-"):
                print(f"exported metadata of {count} articles to {args.output}", file=sys.stderr)
            return 0
        for field in store.metadata.fields():
            kind = field.kind.value + (f": {' / '.join(field.choices)}" if field.choices else "")
            filled = len(store.metadata.column(field.name))
            origin = "built in" if field.builtin else "added"
            print(f"{field.name} ({field.label}, {kind}, {origin}): {filled} articles")
    return 0


def cmd_units(args: argparse.Namespace, open_store: Opener) -> int:
    with open_store(args, create=False) as store:
        if args.article is not None and args.article not in store.articles.ids():
            print(f"error: no article {args.article}", file=sys.stderr)
            return 1
        rows = store.units.rows(args.article)
        if args.format == "csv":
            from desktop.core.exchange.csv_cells import GuardedWriter

            writer = GuardedWriter(sys.stdout, guard=not args.raw)
            writer.writerow(["article_id", "unit_id", "start", "end", "original_start", "original_end", "text"])
            writer.writerows(rows)
            return 0
        for _, label, start, end, original_start, original_end, text in rows:
            print(f"{label}\t{start}-{end}\t{original_start}-{original_end}\t{text}")
    return 0


def cmd_report(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.corpus.reporting import ReportError, ReportKind, ReportRequest, build_report
    from desktop.core.exchange.report_csv import write_table

    with open_store(args, create=False) as store:
        request = ReportRequest(
            ReportKind(args.kind), by=args.by or "", layers=chosen_layers(store, args), once=args.once
        )
        try:
            table = build_report(store, request)
        except ReportError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        try:
            count = _output(store, args.output, lambda stream: write_table(table, stream))
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
    where = f"to {args.output}" if args.output not in (None, "-") else "to stdout"
    print(f"wrote {count} rows ({table.description}) {where}", file=sys.stderr)
    return 0


def add_commands(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], open_store: Opener
) -> None:
    from desktop.core.corpus.reporting import ReportKind
    from desktop.core.metadata import FieldKind

    metadata = commands.add_parser(
        "metadata", parents=parents, help="list the metadata fields; export or import article metadata as CSV"
    )
    metadata.set_defaults(run=lambda args: cmd_metadata(args, open_store))
    actions = metadata.add_subparsers(dest="action", metavar="ACTION")
    exporting = actions.add_parser(
        "export", parents=parents, help="one row per article: its id, title, source, fields, note"
    )
    exporting.add_argument("-o", "--output", metavar="FILE", help="CSV file (UTF-8 with BOM); stdout when absent")
    importing = actions.add_parser(
        "import",
        parents=parents,
        help="set metadata from a CSV keyed by article_id, source_path or title; empty cells change nothing",
    )
    importing.add_argument("file", metavar="FILE")
    adding = actions.add_parser("add-field", parents=parents, help="add a field of your own")
    adding.add_argument("name", metavar="NAME")
    adding.add_argument("--label", help="as the window shows it (default: the name)")
    adding.add_argument("--kind", choices=[kind.value for kind in FieldKind], default=FieldKind.TEXT.value)
    adding.add_argument("--choice", action="append", default=[], help="a choice of a choice field (repeatable)")

    units = commands.add_parser(
        "units", parents=parents, help="print the numbered coding units (article-chapter-clause-sentence)"
    )
    units.add_argument("--article", type=an_id, help="only this article id")
    units.add_argument("--format", choices=["text", "csv"], default="text")
    units.add_argument("--raw", action="store_true", help="CSV: do not neutralise formula-like cells")
    units.set_defaults(run=lambda args: cmd_units(args, open_store))

    report = commands.add_parser(
        "report",
        parents=parents,
        help="frequency, matrix, crosstab, co-occurrence and coding tables as CSV",
        description="frequencies: spans and articles per code (parents hold their subtree); matrix: articles x codes;"
        " crosstab: codes x a metadata field (--by year, issuer, region, level, type or a field of your own);"
        " cooccurrence: codes x codes per coding unit (--by unit) or per article (--by article);"
        " coding-table: one row per coded unit and analyst.",
    )
    report.add_argument("kind", choices=[kind.value for kind in ReportKind], metavar="KIND")
    report.add_argument(
        "--by", metavar="FIELD", help="crosstab: a metadata field or year; cooccurrence: unit or article"
    )
    add_layer_options(report)
    report.add_argument("--once", action="store_true", help="matrix, crosstab: count each article once, not each span")
    report.add_argument("-o", "--output", metavar="FILE.csv", help="CSV file (UTF-8 with BOM); stdout when absent")
    report.set_defaults(run=lambda args: cmd_report(args, open_store))
