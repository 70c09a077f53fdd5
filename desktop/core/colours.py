"""Colours for new codes, chosen to stay apart from the codes already there and from the selection.

A span is painted as its code's colour laid at SPAN_ALPHA over white paper, so two codes can
be told apart only as far as their *tints* differ. Distances are CIEDE2000 (ΔE00) between those
tints in CIELAB: about 2 is a difference seen side by side, 10 and more one seen at a glance.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Iterable

# How much of a code's colour a span shows over white paper.
SPAN_ALPHA = 0.45
# The text selection, painted the same way (translucent over white) in every pane, whatever
# the platform's theme: a slate blue kept apart from the codes, and hatched so that it is never a span.
SELECTION_COLOUR = "#6a5acd"
SELECTION_ALPHA = 0.43

RGB = tuple[float, float, float]
Lab = tuple[float, float, float]


def _candidates() -> tuple[str, ...]:
    """A qualitative range: every 10° of hue at three strengths, light enough to read text over."""
    colours = []
    for saturation, value in ((0.55, 0.95), (0.8, 0.9), (0.5, 0.75)):
        for degrees in range(0, 360, 10):
            red, green, blue = colorsys.hsv_to_rgb(degrees / 360, saturation, value)
            colours.append(f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}")
    return tuple(colours)


CANDIDATES = _candidates()


def parse(colour: str) -> RGB | None:
    """``#rrggbb`` as 0–255 channels, or None for anything else."""
    text = colour.strip().lstrip("#")
    if len(text) != 6:
        return None
    try:
        return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))
    except ValueError:
        return None


def tint(rgb: RGB, alpha: float = SPAN_ALPHA) -> RGB:
    """The colour laid at ``alpha`` over white paper."""
    return (255 + (rgb[0] - 255) * alpha, 255 + (rgb[1] - 255) * alpha, 255 + (rgb[2] - 255) * alpha)


def lab(rgb: RGB) -> Lab:
    """sRGB (0–255) to CIELAB under D65."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def ciede2000(first: Lab, second: Lab) -> float:
    """The CIEDE2000 colour difference (kL = kC = kH = 1)."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    delta_l = l2 - l1
    delta_c = c2p - c1p
    if c1p * c2p == 0:
        delta_h_angle = 0.0
    elif abs(h2p - h1p) <= 180:
        delta_h_angle = h2p - h1p
    elif h2p - h1p > 180:
        delta_h_angle = h2p - h1p - 360
    else:
        delta_h_angle = h2p - h1p + 360
    delta_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(delta_h_angle / 2))
    l_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt(
        (delta_l / s_l) ** 2 + (delta_c / s_c) ** 2 + (delta_h / s_h) ** 2 + r_t * (delta_c / s_c) * (delta_h / s_h)
    )


def span_lab(colour: str) -> Lab | None:
    rgb = parse(colour)
    return None if rgb is None else lab(tint(rgb))


def selection_lab() -> Lab:
    rgb = parse(SELECTION_COLOUR)
    assert rgb is not None
    return lab(tint(rgb, SELECTION_ALPHA))


def distance_to(colour: str, others: Iterable[Lab]) -> float:
    """The smallest ΔE00 between ``colour`` painted as a span and any of ``others``."""
    own = span_lab(colour)
    if own is None:
        return 0.0
    return min((ciede2000(own, other) for other in others), default=math.inf)


class ColourPicker:
    """Hands out colours for new codes, each the candidate farthest from all colours so far.

    Each candidate keeps its distance to the nearest colour taken, so a code costs one pass over
    the candidates. Beyond as many codes as there are candidates no choice keeps codes apart, and
    the candidates are handed out in turn.
    """

    def __init__(self, existing: Iterable[str] = ()) -> None:
        self._labs = {candidate: span_lab(candidate) for candidate in CANDIDATES}
        selection = selection_lab()
        self._nearest = {candidate: ciede2000(own, selection) for candidate, own in self._labs.items() if own}
        self._count = 0
        for colour in existing:
            self.take(colour)

    def take(self, colour: str) -> None:
        self._count += 1
        found = span_lab(colour)
        if found is None or self._count > len(CANDIDATES):
            return
        for candidate, own in self._labs.items():
            if own is not None:
                self._nearest[candidate] = min(self._nearest[candidate], ciede2000(own, found))

    def next(self) -> str:
        """The colour for the next code, taken at once."""
        if self._count >= len(CANDIDATES):
            colour = CANDIDATES[self._count % len(CANDIDATES)]
        else:
            colour = max(CANDIDATES, key=lambda candidate: self._nearest[candidate])
        self.take(colour)
        return colour


def next_colour(existing: Iterable[str]) -> str:
    """The colour a new code gets beside ``existing`` codes."""
    return ColourPicker(existing).next()
