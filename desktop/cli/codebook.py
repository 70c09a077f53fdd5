"""The command line for the codebook: the tree with its counts, and the codebook to or from a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.cli.options import add_layer_options, chosen_layers
from desktop.core.layers import describe
from desktop.core.store import Store

Opener = Callable[..., Store]


def cmd_codebook(args: argparse.Namespace, open_store: Opener) -> int:
    """The tree with span counts; or the codebook to or from a .json, .csv or .qdc file."""
    from desktop.core.exchange.codebook_merge import export_codebook, import_codebook
    from desktop.core.exchange.incoming import FormatError

    action = getattr(args, "action", None)
    if action == "import":
        with open_store(args) as store:
            report = import_codebook(store, Path(args.file), take_theirs=args.take_theirs)
        for line in report.lines():
            print(line)
        return 1 if report.failed or report.problems else 0
    with open_store(args, create=False) as store:
        if action == "export":
            try:
                count = export_codebook(store, Path(args.output))
            except FormatError as error:
                print(f"error: {error}", file=sys.stderr)
                return 2
            except OSError as error:
                print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
                return 1
            print(f"exported {count} codes to {args.output}", file=sys.stderr)
            return 0
        codebook = store.categories.codebook()
        keys = codebook.keys()
        layers = chosen_layers(store, args)
        totals = [(layer, codebook.totals(store.categories.span_counts(layer))) for layer in layers]
        print(f"spans of {describe(layers)}", file=sys.stderr)
        for category in codebook:
            indent = "  " * codebook.depth(category.id)
            key = f" [{keys[category.id]}]" if keys.get(category.id) else ""
            heading = "" if category.codable else " (heading)"
            name = f"{category.label_zh} / {category.label_en} ({category.id})"
            counts = [f"{layer.name} {counts[category.id]}" if len(layers) > 1 else str(counts[category.id])
                      for layer, counts in totals]  # fmt: skip
            print(f"{indent}{name}{key}{heading}: {', '.join(counts)}")
    return 0


def add_commands(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], open_store: Opener
) -> None:
    codebook = commands.add_parser(
        "codebook",
        parents=parents,
        help="print the codebook (a tree with span counts); export or import it as .json, .csv or .qdc",
    )
    codebook.set_defaults(run=lambda args: cmd_codebook(args, open_store))
    add_layer_options(codebook)
    actions = codebook.add_subparsers(dest="action", metavar="ACTION")
    exporting = actions.add_parser(
        "export", parents=parents, help="write the codebook to FILE: .json (lossless), .csv (Excel) or .qdc (REFI-QDA)"
    )
    exporting.add_argument("-o", "--output", required=True, metavar="FILE")
    importing = actions.add_parser(
        "import",
        parents=parents,
        help="merge a .json, .csv or .qdc codebook by id, guid or path; creates and updates, never deletes",
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--take-theirs", action="store_true", help="take the file's colours too (by default a code keeps ours)"
    )
