"""The command line of learned suggestions: how often a model of the analyst's own coding is right
(`learn`), and what it suggests in an article (`suggest --learned`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.cli.options import UsageError
from desktop.core.learning.limits import DEFAULT_PRECISION, MIN_ARTICLES, MIN_POSITIVES
from desktop.core.store import Store

if TYPE_CHECKING:
    from desktop.core.learning.model import LearnedModel

Opener = Callable[..., Store]
NEEDS_SKLEARN = "learned suggestions need scikit-learn, which is missing here: pip install scikit-learn"


def trained_model(store: Store, asked: str, precision: float) -> LearnedModel:
    """A model of ``asked``'s coding (or of the only analyst who marked articles done), trained now."""
    from desktop.core.learning.examples import read_examples
    from desktop.core.learning.figures import NoAnalyst, learning_analyst

    try:
        from desktop.core.learning.model import train
    except ImportError as error:
        raise UsageError(f"{NEEDS_SKLEARN} ({error})") from None
    try:
        analyst = learning_analyst(store.coded_units, asked)
    except NoAnalyst as error:
        raise UsageError(str(error)) from None
    examples = read_examples(store.coded_units, analyst, store.categories.codebook())
    if not len(examples):
        raise UsageError(f"{analyst} has marked no article done: a model learns from the articles marked done")
    return train(examples, precision)


def _precision(text: str) -> float:
    value = float(text)
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError("a precision between 0 (excluded) and 1")
    return value


def cmd_learn(args: argparse.Namespace, open_store: Opener) -> int:
    from desktop.core.learning.figures import as_csv, as_json, as_text

    with open_store(args, create=False) as store:
        model = trained_model(store, args.annotator or "", args.precision)
    minimum = (MIN_POSITIVES, MIN_ARTICLES)
    if args.format == "csv":
        sys.stdout.write(as_csv(model.training))
    elif args.format == "json":
        print(as_json(model.training, minimum))
    else:
        sys.stdout.write(as_text(model.training, minimum))
    return 0


def print_learned(store: Store, article_id: int, asked: str, precision: float) -> int:
    """`suggest --learned`: the units of one article a model of the analyst's coding finds a code in."""
    from desktop.core.learning.figures import describe_training
    from desktop.core.learning.predicting import learned_suggestions

    model = trained_model(store, asked, precision)
    print(describe_training(model.training), file=sys.stderr)
    text = store.articles.text(article_id)
    units = [(unit.start, unit.end) for unit in store.units.of_article(article_id)]
    analyst = model.trained_on.analyst
    held = [(s.start, s.end, s.category_id) for s in store.spans.of_article(article_id) if s.annotator == analyst]
    codebook = store.categories.codebook()
    rejected = store.suggestions.rejected(article_id)
    for suggestion in learned_suggestions(model, text, units, codebook, held, rejected):
        quoted = text[suggestion.start : suggestion.end].replace("\n", " ")
        print(
            f"{suggestion.start}-{suggestion.end}\t{suggestion.category_id}\t{suggestion.source}"
            f"\t{suggestion.detail}\t{quoted}"
        )
    return 0


def add_commands(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], open_store: Opener
) -> None:
    learn = commands.add_parser(
        "learn",
        parents=parents,
        help="train a model of an analyst's coding (articles marked done) and show how often it is right",
        description="Cross-validated by article: per code the units coded, precision, recall and F1 at the"
        " threshold chosen for --precision, and whether the code is suggested.",
    )
    learn.add_argument(
        "--annotator", metavar="NAME", help="whose coding (default: the only analyst with done articles)"
    )
    add_precision_option(learn)
    learn.add_argument("--format", choices=["text", "csv", "json"], default="text")
    learn.set_defaults(run=lambda args: cmd_learn(args, open_store))


def add_precision_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--precision",
        type=_precision,
        default=DEFAULT_PRECISION,
        metavar="P",
        help="the precision the suggestions of a code must reach on held-out articles (default 0.8)",
    )
