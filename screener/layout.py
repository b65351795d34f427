"""Turn positioned characters into lines in reading order, columns read one after the other."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import islice, pairwise
from operator import itemgetter
from statistics import median
from typing import NamedTuple, Protocol

from screener.models import Box, Line
from screener.normalize import normalize_text

# A gap wider than this many line heights splits a run of characters (table cells, tab stops, columns).
_CELL_GAP_EM = 1.0
# A gap wider than this many font sizes between two glyphs' advance boxes is a word space, as poppler's
# pdftotext decides: PDFs printed from HTML place each word by position and draw no space glyph.
_SPACE_GAP_EM = 0.1
# A run needs this many gaps before their median is taken for its letter spacing.
_MIN_GAPS_FOR_SPACING = 6
# Fragments side by side are one line only when their sizes are within this ratio.
_SAME_LINE_SIZE_RATIO = 1.35
# A gutter may be crossed by at most this share of fragments (full-width headers and rules).
_GUTTER_CROSSING_SHARE = 0.12
# Columns are set at least this far apart (points).
_MIN_GUTTER_WIDTH = 12.0


class PageChar(NamedTuple):
    """One glyph as a PDF backend reports it, in content-stream order (a tuple: pages hold thousands)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    space_before: bool = False  # the PDF put a space (or a line break) before this glyph


# A glyph as the layout reads it: a PageChar, or the plain tuple of its fields that a reader builds faster.
Glyph = tuple[str, float, float, float, float, float, bool, bool]
_SIZE, _BOLD = itemgetter(5), itemgetter(6)


class _Extent(Protocol):
    """Anything with a left and a right edge: the gutter search needs no more of a fragment."""

    @property
    def x0(self) -> float: ...

    @property
    def x1(self) -> float: ...


class _Fragment:
    """A run of characters on one baseline with no wide gap inside; its edges grow as characters join.

    `gaps` holds, for each character after the first, its left edge less the right-most edge before it
    (ligature glyphs give two letters one shared box); `size` is the first character's, which stands for the
    fragment beside others.
    """

    __slots__ = ("bottom", "chars", "gaps", "size", "top", "x0", "x1")

    def __init__(self, first: Glyph) -> None:
        self.chars = [first]
        self.gaps: list[float] = []
        _text, self.x0, self.top, self.x1, self.bottom, self.size, _bold, _space = first

    def text(self) -> str:
        chars, gaps = self.chars, self.gaps
        # Most gaps in a run are between letters of a word: their median is the run's letter spacing, wide
        # in letter-spaced headings ("S U M M A R Y"), below zero where a printer sets letters tightly. A word
        # break is a gap wider than that spacing, as xpdf's pdftotext reads it.
        spacing = median(gaps) if len(gaps) >= _MIN_GAPS_FOR_SPACING else 0.0
        later = islice(chars, 1, None)
        return chars[0][0] + "".join(
            [
                " " + letter if spaced or gap - spacing > _SPACE_GAP_EM * (1.0 if size < 1.0 else size) else letter
                for (letter, _x0, _top, _x1, _bottom, size, _bold, spaced), gap in zip(later, gaps, strict=True)
            ]
        )


def _fragments(chars: Iterable[Glyph]) -> list[_Fragment]:
    """Runs of glyphs that continue each other: on one baseline, moving right, no cell-wide gap between.

    One loop with plain comparisons and the open fragment's edges and lists in local names: this runs once per
    glyph.
    """
    fragments: list[_Fragment] = []
    fragment: _Fragment | None = None
    open_chars: list[Glyph] = []  # the open fragment's lists
    open_gaps: list[float] = []
    x0_edge = top_edge = x1_edge = bottom_edge = 0.0  # the open fragment's edges
    last_x0 = last_x1 = last_bottom = last_size = 0.0
    for char in chars:
        _text, x0, top, x1, bottom, size, _bold, _space = char
        if fragment is not None:
            limit = last_size  # max(last_size, size, 1.0), spelled out
            if size > limit:
                limit = size
            if limit < 1.0:
                limit = 1.0
            if (
                -0.5 * limit < bottom - last_bottom < 0.5 * limit
                and x0 >= last_x0 - 0.5
                and x0 - last_x1 < _CELL_GAP_EM * limit
            ):
                open_chars.append(char)
                open_gaps.append(x0 - x1_edge)
                if x0 < x0_edge:
                    x0_edge = x0
                if top < top_edge:
                    top_edge = top
                if x1 > x1_edge:
                    x1_edge = x1
                if bottom > bottom_edge:
                    bottom_edge = bottom
                last_x0, last_x1, last_bottom, last_size = x0, x1, bottom, size
                continue
            fragment.x0, fragment.top, fragment.x1, fragment.bottom = x0_edge, top_edge, x1_edge, bottom_edge
        fragment = _Fragment(char)
        fragments.append(fragment)
        open_chars, open_gaps = fragment.chars, fragment.gaps
        x0_edge, top_edge, x1_edge, bottom_edge = x0, top, x1, bottom
        last_x0, last_x1, last_bottom, last_size = x0, x1, bottom, size
    if fragment is not None:
        fragment.x0, fragment.top, fragment.x1, fragment.bottom = x0_edge, top_edge, x1_edge, bottom_edge
    return fragments


def _crossing_counts(boxes: Sequence[_Extent], xs: Sequence[int]) -> list[int]:
    """How many boxes each x (ascending) falls strictly inside, in one sweep over the boxes' sorted edges."""
    spans = [(b.x0, b.x1) for b in boxes if b.x0 < b.x1]  # an empty or inverted box contains no x
    lefts = sorted(x0 for x0, _ in spans)
    rights = sorted(x1 for _, x1 in spans)
    # Boxes starting left of x, less those already ended at or before it.
    return [bisect_left(lefts, x) - bisect_right(rights, x) for x in xs]


def _empty_strips(boxes: Sequence[_Extent], page_width: float) -> list[list[tuple[float, int]]]:
    """Runs of x (in the middle of the page) that few boxes cross, each x with its crossing count."""
    allowed = _GUTTER_CROSSING_SHARE * len(boxes)
    strips: list[list[tuple[float, int]]] = [[]]
    steps = range(int(page_width * 0.2), int(page_width * 0.8), 2)
    for step, count in zip(steps, _crossing_counts(boxes, steps), strict=True):
        if count <= allowed:
            strips[-1].append((float(step), count))
        elif strips[-1]:
            strips.append([])
    return [strip for strip in strips if strip]


def _find_gutter(boxes: Sequence[_Extent], page_width: float) -> float | None:
    """The x of an empty vertical strip between two columns, or None for a one-column page."""
    if len(boxes) < 12:
        return None
    candidates = []
    rights, lefts = sorted(b.x1 for b in boxes), sorted(b.x0 for b in boxes)
    for strip in _empty_strips(boxes, page_width):
        fewest = min(count for _, count in strip)
        clearest = [x for x, count in strip if count == fewest]
        gutter = (clearest[0] + clearest[-1]) / 2
        left = bisect_right(rights, gutter)  # boxes ending at or before the gutter
        right = len(lefts) - bisect_left(lefts, gutter)  # boxes starting at or after it
        # A narrow strip is the space between a date margin and the text it dates, not between columns;
        # both sides must hold real text: a ragged right margin or a page number is not a column.
        wide = strip[-1][0] - strip[0][0] >= _MIN_GUTTER_WIDTH
        if wide and min(left, right) >= max(5, 0.15 * len(boxes)):
            candidates.append((-fewest, strip[-1][0] - strip[0][0], gutter))
    return max(candidates)[2] if candidates else None


def _column_order(fragments: list[_Fragment], page_width: float) -> list[list[_Fragment]]:
    """Group fragments into blocks read top to bottom: each band's left column before its right one."""
    by_top = sorted(fragments, key=_top_left)
    gutter = _find_gutter(by_top, page_width)
    if gutter is None:
        return [by_top]
    blocks: list[list[_Fragment]] = []
    left: list[_Fragment] = []
    right: list[_Fragment] = []
    for fragment in by_top:
        if fragment.x0 < gutter < fragment.x1:  # a full-width line closes the band above it
            blocks += [left, right, [fragment]]
            left, right = [], []
        elif fragment.x1 <= gutter:
            left.append(fragment)
        else:
            right.append(fragment)
    blocks += [left, right]
    return [block for block in blocks if block]


def _top_left(fragment: _Fragment) -> tuple[float, float]:
    return fragment.top, fragment.x0


def _similar_size(a: _Fragment, b: _Fragment) -> bool:
    """A name set in 22 pt beside 9 pt contact details is two lines, a title and its dates are one."""
    sizes = sorted((a.size, b.size))
    return sizes[1] < _SAME_LINE_SIZE_RATIO * max(sizes[0], 1.0)


def _visual_lines(block: list[_Fragment]) -> list[list[_Fragment]]:
    """Fragments that share a line within a block, e.g. a title and its dates or a table row."""
    lines: list[list[_Fragment]] = []
    for fragment in sorted(block, key=_top_left):
        if lines:
            current = lines[-1][0]
            overlap = min(current.bottom, fragment.bottom) - max(current.top, fragment.top)
            if _similar_size(current, fragment) and overlap > 0.5 * min(
                current.bottom - current.top, fragment.bottom - fragment.top
            ):
                lines[-1].append(fragment)
                continue
        lines.append([fragment])
    return lines


def _joined_text(fragments: list[_Fragment]) -> str:
    """Fragments far apart on one line are cells or columns of a row: keep them apart with " | "."""
    parts = [fragments[0].text()]
    for left, right in pairwise(fragments):
        wide = right.x0 - left.x1 > _CELL_GAP_EM * max(right.size, 1.0)
        parts += [" | " if wide else " ", right.text()]
    return "".join(parts)


def _left(fragment: _Fragment) -> float:
    return fragment.x0


def _to_line(fragments: list[_Fragment], page: int) -> Line | None:
    fragments.sort(key=_left)
    text = normalize_text(_joined_text(fragments))
    if not text:
        return None
    chars = [c for f in fragments for c in f.chars]
    box = Box(
        min(f.x0 for f in fragments),
        min(f.top for f in fragments),
        max(f.x1 for f in fragments),
        max(f.bottom for f in fragments),
    )
    bold_share = sum(map(_BOLD, chars)) / len(chars)
    return Line(text=text, page=page, box=box, size=round(median(map(_SIZE, chars)), 1), bold=bold_share > 0.6)


def page_lines(chars: Sequence[Glyph], page: int, page_width: float) -> list[Line]:
    """The lines of one page in reading order."""
    lines: list[Line] = []
    for block in _column_order(_fragments(chars), page_width):
        for visual_line in _visual_lines(block):
            line = _to_line(visual_line, page)
            if line is not None:
                lines.append(line)
    return lines
