"""Whose spans a figure counts.

A *layer* is one analyst's spans; ``consensus``, what adjudication decided, is a layer too. The
*study layer* is what a study publishes: on an article that was adjudicated, the consensus; on
any other, one analyst's spans. Every reader of spans (reports, exports, counts, passages,
suggestions) takes one layer, or several side by side, each counted on its own: the spans of
several analysts are never summed without a word, which after adjudication would count the same
passage two or three times.

The default, stated once here: the study layer, falling back to the analyst at work (the window)
or to the only analyst who coded articles not adjudicated (the command line). With several such
analysts the command line refuses to guess and names them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CONSENSUS = "consensus"
# The command line's word for every layer, side by side.
EVERY = "all"


class LayerError(ValueError):
    """A layer asked for that does not exist, or a default that would be a guess; the message lists the choices."""


@dataclass(frozen=True)
class Layer:
    analyst: str
    # Consensus on adjudicated articles, ``analyst``'s spans on the others.
    study: bool = False

    @property
    def name(self) -> str:
        """Short, for a column or a sheet: ``li``, ``consensus``, ``study:li``."""
        return f"study:{self.analyst}" if self.study else self.analyst

    def describe(self) -> str:
        if self.study:
            return f"the study layer (consensus on adjudicated articles, else {self.analyst or 'nobody'}'s spans)"
        if self.analyst == CONSENSUS:
            return "the consensus layer"
        return f"{self.analyst}'s spans"


Layers = tuple[Layer, ...]


def describe(layers: Layers) -> str:
    """What a caption, a CSV comment or a sheet says of the spans counted."""
    if not layers:
        return "every span of every analyst"
    if len(layers) == 1:
        return layers[0].describe()
    return "each layer on its own, side by side: " + ", ".join(layer.name for layer in layers)


def study_default(analyst: str) -> Layers:
    """The window's default: the study layer, the analyst at work filling in what is not adjudicated."""
    return (Layer(analyst, study=True),)


def choose(asked: Sequence[str], study: str, analysts: Sequence[str], not_adjudicated: Sequence[str]) -> Layers:
    """The layers the command line's ``--annotator`` (and ``--study``) name, or the documented default.

    ``analysts``: every layer there is (consensus included when it exists); ``not_adjudicated``:
    the analysts with spans in articles not adjudicated (the candidates for the default).
    """
    known = sorted(set(analysts))
    listing = ", ".join(known) or "none yet"
    if study:
        if study not in known or study == CONSENSUS:
            raise LayerError(f"--study {study}: no such analyst (the analysts: {listing})")
        if asked:
            raise LayerError("--study and --annotator choose the spans two ways: give one of them")
        return (Layer(study, study=True),)
    if asked:
        if EVERY in asked:
            if len(asked) > 1:
                raise LayerError(f"--annotator {EVERY} is every layer already; give it alone")
            return tuple(Layer(name) for name in known)
        unknown = [name for name in dict.fromkeys(asked) if name not in known]
        if unknown:
            raise LayerError(f"no analyst {', '.join(unknown)} (the analysts: {listing})")
        return tuple(Layer(name) for name in dict.fromkeys(asked))
    candidates = sorted(set(not_adjudicated) - {CONSENSUS})
    if len(candidates) > 1:
        raise LayerError(
            f"several analysts coded articles that are not adjudicated ({', '.join(candidates)}):"
            f" name one with --annotator NAME, every layer side by side with --annotator {EVERY},"
            " or the consensus where adjudicated and NAME's spans elsewhere with --study NAME"
        )
    fallback = candidates[0] if candidates else next((name for name in known if name != CONSENSUS), "")
    return (Layer(fallback, study=True),)
