"""The command line for several analysts: draw a double-coding sample, and measure their agreement."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop.cli.options import LARGEST_ID, UsageError, check_fields, check_sample, whole_number
from desktop.core.store import Store, StoreError

Opener = Callable[..., Store]


def cmd_agreement(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.analysts.agreement import Level
    from desktop.core.analysts.double_coding import as_csv, as_json, as_text, report

    levels = [Level(args.unit)] if args.unit else list(Level)
    try:
        with open_store(args, create=False) as store:
            known = store.analysts.names()
            unknown = [name for name in dict.fromkeys(args.analysts) if name not in known]
            if unknown and len(set(args.analysts)) > 1:  # one analyst twice: the report says what it needs
                raise UsageError(f"no analyst {', '.join(unknown)} (the analysts: {', '.join(known) or 'none yet'})")
            check_sample(store, args.articles or "")
            # CSV holds the figures alone: the disagreements are not worked out for it.
            result = report(
                store,
                args.analysts,
                args.articles or "",
                levels,
                details=args.format != "csv",
                finished_only=args.finished_only,
            )
            wanted = {item.article_id for item in result.comparison.disagreements}
            texts = {article_id: store.articles.texts(article_id)[0] for article_id in wanted}
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if result.coverage.warning():
        print(f"warning: {result.coverage.warning()}", file=sys.stderr)
    if args.format == "csv":
        sys.stdout.write(as_csv(result))
    elif args.format == "json":
        sys.stdout.write(as_json(result, texts) + "\n")
    else:
        sys.stdout.write(as_text(result, texts))
    return 0


def cmd_sample(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.analysts.sampling import draw_sample

    try:
        with open_store(args, create=False) as store:
            check_fields(store, [args.stratify] if args.stratify else [])
            chosen = draw_sample(store, args.name, args.size, args.seed, args.stratify or "")
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    by = f", stratified by {args.stratify}" if args.stratify else ""
    print(f"sample “{args.name}”: {len(chosen)} articles (seed {args.seed}{by}): {' '.join(map(str, chosen))}")
    return 0


def cmd_samples(args: argparse.Namespace, open_store: Opener) -> int:
    try:
        with open_store(args, create=False) as store:
            if args.remove:
                check_sample(store, args.remove)
                store.samples.remove(args.remove)
                print(f"removed sample “{args.remove}” (its articles and spans stay)")
                return 0
            samples = store.samples.all()
            listed = {sample.name: store.samples.article_ids(sample.name) for sample in samples} if args.ids else {}
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for sample in samples:
        by = f" by {sample.stratify}" if sample.stratify else ""
        print(f"{sample.name}\t{sample.articles} articles\tseed {sample.seed}{by}\t{sample.created_at}")
        if args.ids:
            print("\t" + " ".join(map(str, listed[sample.name])))
    if not samples:
        print("no samples yet: draw one with `sample NAME --size N`", file=sys.stderr)
    return 0


def add_commands(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], open_store: Opener
) -> None:
    agreement = commands.add_parser(
        "agreement",
        parents=parents,
        help="how far analysts agree: F1 on spans, Cohen's/Fleiss' κ and Krippendorff's α on units, uα on characters",
        description="The first analyst is the reference for F1 and the confusion table. A span matches exactly"
        " (same code, same offsets) or by overlap (same code, sharing at least half of their union). A code is"
        " present in a coding unit when a span of it overlaps the unit. Percent agreement is printed only beside"
        " the chance-corrected figures. n/a: not defined by the data: when every unit is coded alike by everyone"
        " (all present, or all absent), chance agreement is total and κ and α are 0/0 (NLTK reports 1.0 there by"
        " convention; the data cannot tell agreement from chance). For uα, one analyst's overlapping or touching"
        " spans of a code are first joined into one unit (two halves of a sentence count as the sentence). Before"
        " the figures, the coverage: how many articles of the set each analyst coded (marked done, or a span"
        " there); a warning on stderr when one has not finished.",
    )
    agreement.add_argument("--analysts", nargs="+", required=True, metavar="NAME", help="two or more analysts")
    agreement.add_argument(
        "--articles", metavar="SAMPLE", help="a sample's articles (default: every article any of them coded)"
    )
    agreement.add_argument("--unit", choices=["span", "unit", "character"], help="only this level (default: all)")
    agreement.add_argument(
        "--finished-only",
        action="store_true",
        help="only the articles every analyst coded (marked done, or a span there); the window's default",
    )
    agreement.add_argument("--format", choices=["text", "csv", "json"], default="text")
    agreement.set_defaults(run=lambda args: cmd_agreement(args, open_store))

    sample = commands.add_parser(
        "sample",
        parents=parents,
        help="draw a reproducible random sample of articles for double coding and keep it under a name",
    )
    sample.add_argument("name", metavar="NAME")
    sample.add_argument("--size", type=whole_number(1), required=True, metavar="N")
    sample.add_argument(
        "--seed", type=whole_number(0, LARGEST_ID), default=1, help="the same seed draws the same sample (default 1)"
    )
    sample.add_argument("--stratify", metavar="FIELD", help="give each value of this metadata field its share")
    sample.set_defaults(run=lambda args: cmd_sample(args, open_store))

    samples = commands.add_parser("samples", parents=parents, help="list the samples drawn; --remove one")
    samples.add_argument("--ids", action="store_true", help="also print each sample's article ids")
    samples.add_argument("--remove", metavar="NAME")
    samples.set_defaults(run=lambda args: cmd_samples(args, open_store))
