"""The command line for finding passages: search, tag the hits as one batch, undo batches later,
the suggestions and how each rule fares, and every passage of a code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.cli.learn import add_precision_option
from desktop.cli.options import (
    add_layer_options,
    an_id,
    check_categories,
    check_fields,
    chosen_layers,
    seconds,
    whole_number,
)
from desktop.core.exchange.csv_cells import GuardedWriter
from desktop.core.layers import Layers, describe
from desktop.core.models import Status
from desktop.core.search.user_patterns import MATCH_TIMEOUT_S
from desktop.core.store import Store

if TYPE_CHECKING:
    from desktop.core.search.searching import Search, SearchFilter

Opener = Callable[..., Store]


def build_index(store: Store, quiet: bool = False) -> None:
    """Index the articles a database from before the search index still has waiting (with progress)."""
    waiting = store.search.pending()
    if not waiting or store.read_only:
        return
    done = 0
    while built := store.search.build(500):  # nobody else waits on the command line: fewer commits
        done += built
        if not quiet:
            print(f"\rindexing for search: {done}/{waiting} articles", end="", file=sys.stderr, flush=True)
    if not quiet:
        print(file=sys.stderr)


def _filters(args: argparse.Namespace, store: Store) -> SearchFilter:
    """The search's filters, each checked: unknown codes, analysts and fields are refused (UsageError)."""
    from desktop.core.search.searching import SearchFilter

    codebook = store.categories.codebook()
    check_categories(store, [*args.with_category, *args.without_category])
    fields = []
    for given in args.field:
        name, _, value = given.partition("=")
        fields.append((name.strip(), value.strip()))
    check_fields(store, [name for name, _ in fields if name != "year"])
    layers: Layers = ()
    if args.by:
        layers = store.analysts.choose_layers((args.by,))
    elif args.with_category or args.without_category:
        layers = store.analysts.choose_layers()  # the codes are counted in the documented default layer
    return SearchFilter(
        statuses=tuple(Status(status) for status in args.status),
        with_categories=codebook.expand(args.with_category),
        without_categories=codebook.expand(args.without_category),
        layers=layers,
        metadata=tuple(fields),
    )


def _prepared(args: argparse.Namespace) -> Search | None:
    from desktop.core.search.searching import SearchError, prepare

    try:
        return prepare(args.query, regex=args.regex, timeout=args.timeout)
    except SearchError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def _stopped_searches(
    command: Callable[[argparse.Namespace, Opener], int], args: argparse.Namespace, open_store: Opener
) -> int:
    """A search stopped part-way (a regular expression out of time on an article) is one line, exit 1."""
    from desktop.core.search.searching import SearchError

    try:
        return command(args, open_store)
    except SearchError as error:
        sys.stdout.flush()
        print(f"error: {error}", file=sys.stderr)
        return 1


def cmd_search(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.search.searching import HIT_FIELDS, count, hits

    search = _prepared(args)
    if search is None:
        return 2
    with open_store(args, create=False) as store:
        filters = _filters(args, store)
        build_index(store)
        if args.count:
            counts = count(store, search, filters)
            assert counts is not None
            print(f"{counts.hits} hits in {counts.articles} articles")
            return 0
        found = hits(store, search, filters)
        if args.limit:
            found = islice(found, args.limit)
        shown = _write_hits(found, args.format, sys.stdout, HIT_FIELDS)
        if args.format == "text":
            print(f"{shown} hits" + (f" (the first {args.limit})" if args.limit and shown == args.limit else ""))
    return 0


def _write_hits(found, form: str, out: TextIO, fields: tuple[str, ...]) -> int:  # type: ignore[no-untyped-def]
    shown = 0
    writer = GuardedWriter(out) if form == "csv" else None
    if writer is not None:
        writer.writerow(fields)
    for hit in found:
        shown += 1
        if writer is not None:
            writer.writerow(hit.record().values())
        elif form == "jsonl":
            out.write(json.dumps(hit.record(), ensure_ascii=False) + "\n")
        else:
            before = hit.context_before.replace("\n", " ")
            after = hit.context_after.replace("\n", " ")
            out.write(f"{hit.article_id}\t{hit.start}-{hit.end}\t{before:>20}【{hit.text}】{after}\n")
    return shown


def cmd_tag_hits(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.coding.batch_commands import TagHits, Widen, plan_batch
    from desktop.core.environment import default_annotator
    from desktop.core.search.searching import hits

    search = _prepared(args)
    if search is None:
        return 2
    with open_store(args, create=False) as store:
        check_categories(store, [args.category])
        filters = _filters(args, store)
        build_index(store)
        annotator = args.annotator or default_annotator()
        found = ((hit.article_id, hit.start, hit.end) for hit in hits(store, search, filters))
        planned = plan_batch(store, found, args.category, annotator, Widen(args.widen))
        if not planned.spans:
            print(f"nothing to tag: {planned.skipped} hits are tagged already")
            return 0
        command = TagHits(planned, args.category, annotator, search.query)
        change = command.do(store)
        assert command.batch is not None
        print(f"batch {command.batch.id}: {change.detail}")
    return 0


def cmd_batches(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.store import StoreError

    with open_store(args, create=False) as store:
        if args.undo is not None or args.redo is not None:
            batch_id = args.undo if args.undo is not None else args.redo
            try:
                outcome = store.batches.undo(batch_id) if args.undo is not None else store.batches.redo(batch_id)
            except StoreError as error:
                print(f"error: {error}", file=sys.stderr)
                return 1
            verb = "removed" if args.undo is not None else "put back"
            extra = f", kept {outcome.kept}" if outcome.kept else ""
            extra += f", {outcome.gone} deleted already" if outcome.gone else ""
            print(f"batch {batch_id}: {verb} {len(outcome.spans)} spans{extra}")
            return 0
        for batch in store.batches.recent(args.limit):
            print(
                f"{batch.id}\t{batch.created_at}\t{batch.state.value}\t{batch.annotator}\t"
                f"{batch.tagged} tagged, {batch.skipped} skipped\t{batch.description}"
            )
    return 0


def cmd_suggest(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.search.suggesting import Suggester, load_rules, rules_path

    path = Path(args.rules) if args.rules else rules_path()
    with open_store(args, create=False) as store:
        rules, problems = load_rules(path, [category.id for category in store.categories.all()])
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        if args.off or args.on:
            for source in args.off:
                store.suggestions.switch(source, on=False)
            for source in args.on:
                store.suggestions.switch(source, on=True)
        if args.stats or args.off or args.on:
            from desktop.core.learning.predicting import LEARNED
            from desktop.core.search.suggesting import TAGGED

            print("source\taccepted\trejected\tacceptance\tstate")
            for record in store.suggestions.records([TAGGED, LEARNED, *(rule.name for rule in rules)]):
                rate = "-" if record.acceptance is None else f"{record.acceptance:.0%}"
                state = "off" if record.switched_off else "on"
                print(f"{record.source}\t{record.accepted}\t{record.rejected}\t{rate}\t{state}")
            return 0
        if args.article is None or args.article not in store.articles.ids():
            print("error: name an article with --article ID (or ask for --stats)", file=sys.stderr)
            return 2
        if args.learned:
            from desktop.cli.learn import print_learned

            return print_learned(store, args.article, args.annotator[0] if args.annotator else "", args.precision)
        tagged = store.suggestions.tagged_strings(chosen_layers(store, args))
        suggester = Suggester(rules, tagged, store.suggestions.switched_off())
        text = store.articles.text(args.article)
        held = [(s.start, s.end, s.category_id) for s in store.spans.of_article(args.article)]
        for suggestion in suggester.suggest(text, held, store.suggestions.rejected(args.article)):
            quoted = text[suggestion.start : suggestion.end].replace("\n", " ")
            print(f"{suggestion.start}-{suggestion.end}\t{suggestion.category_id}\t{suggestion.source}\t{quoted}")
        for problem in suggester.problems:
            print(f"warning: {problem}", file=sys.stderr)
    return 0


def cmd_passages(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.exchange.passages_csv import write_passages
    from desktop.core.store.passages import PassageFilter, PassageOrder

    with open_store(args, create=False) as store:
        check_categories(store, args.category)
        layers = chosen_layers(store, args)
        chosen = PassageFilter(store.categories.codebook().expand(args.category), layers, args.contains)
        count = write_passages(store, chosen, PassageOrder(args.order), sys.stdout)
    print(f"{count} passages of {describe(layers)}", file=sys.stderr)
    return 0


def _add_search_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query", metavar="QUERY", help='words in either script (all must occur), "a phrase", or --regex'
    )
    parser.add_argument("--regex", action="store_true", help="QUERY is a regular expression (Python syntax)")
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=MATCH_TIMEOUT_S,
        metavar="SECONDS",
        help=f"--regex: stop a pattern that takes longer than this on one article (default {MATCH_TIMEOUT_S:g})",
    )
    parser.add_argument("--status", action="append", default=[], choices=[s.value for s in Status])
    parser.add_argument(
        "--with-category",
        action="append",
        default=[],
        metavar="ID",
        help="articles with a span of this code (or a sub-code)",
    )
    parser.add_argument(
        "--without-category", action="append", default=[], metavar="ID", help="articles with no span of this code"
    )
    parser.add_argument(
        "--by",
        metavar="ANALYST",
        help="the category conditions count this analyst's spans (alone: articles the analyst coded);"
        " default: the study layer, as --annotator of the other commands",
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="articles whose metadata field has this value (a year matches a date)",
    )


def add_commands(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], open_store: Opener
) -> None:
    search = commands.add_parser(
        "search",
        parents=parents,
        help="find passages in every article, the query in Traditional or Simplified",
        description="Hits are matched in the Simplified texts; offsets: code points, end exclusive, both scripts.",
    )
    _add_search_options(search)
    search.add_argument("--limit", type=whole_number(0), default=0, metavar="N", help="at most N hits (0: all)")
    search.add_argument("--format", choices=["text", "csv", "jsonl"], default="text")
    search.add_argument("--count", action="store_true", help="print only how many hits and articles")
    search.set_defaults(run=lambda args: _stopped_searches(cmd_search, args, open_store))

    tagging = commands.add_parser(
        "tag-hits", parents=parents, help="tag every hit of a search as one batch (undo it with `batches --undo`)"
    )
    _add_search_options(tagging)
    tagging.add_argument("--category", required=True, metavar="ID")
    tagging.add_argument(
        "--widen", choices=["hit", "clause", "sentence"], default="hit", help="tag the hit, its clause or its sentence"
    )
    tagging.add_argument("--annotator", help="analyst stored with the spans (default: you)")
    tagging.set_defaults(run=lambda args: _stopped_searches(cmd_tag_hits, args, open_store))

    batches = commands.add_parser(
        "batches", parents=parents, help="list the recent batches of tagged hits; undo or redo one"
    )
    batches.add_argument("--undo", type=an_id, metavar="ID")
    batches.add_argument("--redo", type=an_id, metavar="ID")
    batches.add_argument("--limit", type=whole_number(1), default=20)
    batches.set_defaults(run=lambda args: cmd_batches(args, open_store))

    suggest = commands.add_parser(
        "suggest", parents=parents, help="suggestions for an article; --stats: how often each rule was accepted"
    )
    suggest.add_argument("--article", type=an_id, metavar="ID")
    suggest.add_argument(
        "--rules", metavar="FILE.toml", help="the rules file (default: your copy, else the shipped one)"
    )
    suggest.add_argument("--stats", action="store_true")
    add_layer_options(suggest)
    suggest.add_argument(
        "--off",
        action="append",
        default=[],
        metavar="SOURCE",
        help="switch a rule (or 'tagged elsewhere', or 'learned') off",
    )
    suggest.add_argument("--on", action="append", default=[], metavar="SOURCE", help="switch it on again")
    suggest.add_argument(
        "--learned",
        action="store_true",
        help="the units a model of the analyst's own coding (--annotator, or the only one with articles done)"
        " finds a code in, with its probability; `learn` shows how often it is right",
    )
    add_precision_option(suggest)
    suggest.set_defaults(run=lambda args: cmd_suggest(args, open_store))

    passages = commands.add_parser(
        "passages", parents=parents, help="every passage of some codes (sub-codes included) with context, as CSV"
    )
    passages.add_argument("category", nargs="*", metavar="ID", help="codes (none: every code)")
    add_layer_options(passages)
    passages.add_argument("--contains", default="", help="only passages whose text or note holds this")
    passages.add_argument("--order", choices=["article", "category", "annotator", "text", "note"], default="article")
    passages.set_defaults(run=lambda args: cmd_passages(args, open_store))
