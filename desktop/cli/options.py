"""What every command that counts or writes spans shares: whose spans (``--annotator``, ``--study``), and
filters that must name something that exists (an unknown code, analyst, sample, article or field is
an error listing the known ones, never an empty success)."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence

from desktop.core.layers import EVERY, Layers
from desktop.core.store import SQLITE_INTEGERS, Store

LAYER_HELP = (
    "whose spans: NAME's only ('consensus': the adjudicated layer); repeat it for several layers side by side,"
    f" or '{EVERY}' for every layer side by side. Default: the study layer (the consensus on adjudicated"
    " articles, the only other analyst's spans elsewhere; with several, name one)"
)


class UsageError(ValueError):
    """A command asked for something that does not exist; the message names it and what does (exit 2)."""


def add_layer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--annotator", action="append", default=[], metavar="NAME", help=LAYER_HELP)
    parser.add_argument(
        "--study", metavar="NAME", default="", help="the consensus on adjudicated articles, NAME's spans elsewhere"
    )


def chosen_layers(store: Store, args: argparse.Namespace) -> Layers:
    """The layers the options name, or the documented default; LayerError (exit 2) when that would be a guess."""
    return store.analysts.choose_layers(tuple(args.annotator), args.study or "")


def _known(what: str, unknown: Sequence[object], known: Sequence[object]) -> None:
    if unknown:
        listing = ", ".join(str(value) for value in known[:30]) or "none"
        more = f" … ({len(known)} in all)" if len(known) > 30 else ""
        raise UsageError(f"no {what} {', '.join(map(str, unknown))} (known: {listing}{more})")


def check_categories(store: Store, categories: Sequence[str]) -> None:
    known = [category.id for category in store.categories.codebook()]
    _known("code", [c for c in dict.fromkeys(categories) if c not in known], known)


def check_articles(store: Store, articles: Sequence[int]) -> None:
    ids = set(store.articles.ids())
    missing = [a for a in dict.fromkeys(articles) if a not in ids]
    if missing:
        raise UsageError(f"no article {', '.join(map(str, missing))} (the ids run from {min(ids, default=0)} to"
                         f" {max(ids, default=0)}, {len(ids)} articles)")  # fmt: skip


def check_sample(store: Store, sample: str) -> None:
    if sample:
        known = [sample.name for sample in store.samples.all()]
        _known("sample", [] if sample in known else [sample], known)


def check_fields(store: Store, fields: Sequence[str]) -> None:
    known = [field.name for field in store.metadata.fields()]
    _known("metadata field", [f for f in dict.fromkeys(fields) if f not in known], known)


# An id past SQLite's largest integer cannot be in the database (and SQLite refuses to be asked).
LARGEST_ID = SQLITE_INTEGERS[-1]
# Worker processes: more than a machine has cores only compete (and the pool takes a C int).
MAX_WORKERS = 256


def whole_number(low: int, high: int = sys.maxsize) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (argparse names the option when it is not)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:  # (also a number of over 4,300 digits)
            raise argparse.ArgumentTypeError(f"not a whole number: {text[:30]!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more: {value}")
        if value > high:
            raise argparse.ArgumentTypeError(f"must be {high:,} or less: {text[:30]}")
        return value

    return parse


def an_id(text: str) -> int:
    """An argparse type: an id of something stored (an article, a batch)."""
    return whole_number(1, LARGEST_ID)(text)


def seconds(text: str) -> float:
    """An argparse type: a time limit, a number of seconds over 0 (0, nan or inf would take the limit away)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text[:30]!r}") from None
    if not 0 < value < math.inf:  # (nan compares false)
        raise argparse.ArgumentTypeError(f"must be a number of seconds over 0: {text[:30]}")
    return value
