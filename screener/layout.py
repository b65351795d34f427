"""Turn positioned characters into lines in reading order, columns read one after the other."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from statistics import median
from typing import NamedTuple

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


class _Fragment:
    """A run of characters on one baseline with no wide gap inside; its edges grow as characters join."""

    __slots__ = ("bottom", "chars", "top", "x0", "x1")

    def __init__(self, first: PageChar) -> None:
        self.chars = [first]
        self.x0, self.top, self.x1, self.bottom = first.x0, first.top, first.x1, first.bottom

    def append(self, char: PageChar) -> None:
        self.chars.append(char)
        # Plain comparisons: this runs once per glyph.
        if char.x0 < self.x0:
            self.x0 = char.x0
        if char.top < self.top:
            self.top = char.top
        if char.x1 > self.x1:
            self.x1 = char.x1
        if char.bottom > self.bottom:
            self.bottom = char.bottom

    @property
    def box(self) -> Box:
        return Box(self.x0, self.top, self.x1, self.bottom)

    def text(self) -> str:
        chars = self.chars
        # Measured from the right-most edge so far: ligature glyphs give two letters one shared box.
        gaps, right = [], chars[0].x1
        for char in chars[1:]:
            gaps.append(char.x0 - right)
            right = max(right, char.x1)
        # Most gaps in a run are between letters of a word: their median is the run's letter spacing, wide
        # in letter-spaced headings ("S U M M A R Y"), below zero where a printer sets letters tightly. A word
        # break is a gap wider than that spacing, as xpdf's pdftotext reads it.
        spacing = median(gaps) if len(gaps) >= _MIN_GAPS_FOR_SPACING else 0.0
        parts = [chars[0].text]
        for char, gap in zip(chars[1:], gaps, strict=True):
            if char.space_before or gap - spacing > _SPACE_GAP_EM * max(char.size, 1.0):
                parts.append(" ")
            parts.append(char.text)
        return "".join(parts)


def _continues(fragment: _Fragment, char: PageChar) -> bool:
    last = fragment.chars[-1]
    size = max(last.size, char.size, 1.0)
    same_baseline = abs(char.bottom - last.bottom) < 0.5 * size
    moves_right = char.x0 >= last.x0 - 0.5
    return same_baseline and moves_right and char.x0 - last.x1 < _CELL_GAP_EM * size


def _fragments(chars: Iterable[PageChar]) -> list[_Fragment]:
    fragments: list[_Fragment] = []
    for char in chars:
        if fragments and _continues(fragments[-1], char):
            fragments[-1].append(char)
        else:
            fragments.append(_Fragment(char))
    return fragments


def _crossings(boxes: Sequence[Box], x: float) -> int:
    return sum(1 for b in boxes if b.x0 < x < b.x1)


def _empty_strips(boxes: Sequence[Box], page_width: float) -> list[list[tuple[float, int]]]:
    """Runs of x (in the middle of the page) that few boxes cross, each x with its crossing count."""
    allowed = _GUTTER_CROSSING_SHARE * len(boxes)
    strips: list[list[tuple[float, int]]] = [[]]
    for step in range(int(page_width * 0.2), int(page_width * 0.8), 2):
        count = _crossings(boxes, float(step))
        if count <= allowed:
            strips[-1].append((float(step), count))
        elif strips[-1]:
            strips.append([])
    return [strip for strip in strips if strip]


def _find_gutter(boxes: Sequence[Box], page_width: float) -> float | None:
    """The x of an empty vertical strip between two columns, or None for a one-column page."""
    if len(boxes) < 12:
        return None
    candidates = []
    for strip in _empty_strips(boxes, page_width):
        fewest = min(count for _, count in strip)
        clearest = [x for x, count in strip if count == fewest]
        gutter = (clearest[0] + clearest[-1]) / 2
        left = sum(1 for b in boxes if b.x1 <= gutter)
        right = sum(1 for b in boxes if b.x0 >= gutter)
        # A narrow strip is the space between a date margin and the text it dates, not between columns;
        # both sides must hold real text: a ragged right margin or a page number is not a column.
        wide = strip[-1][0] - strip[0][0] >= _MIN_GUTTER_WIDTH
        if wide and min(left, right) >= max(5, 0.15 * len(boxes)):
            candidates.append((-fewest, strip[-1][0] - strip[0][0], gutter))
    return max(candidates)[2] if candidates else None


def _column_order(fragments: list[_Fragment], page_width: float) -> list[list[_Fragment]]:
    """Group fragments into blocks read top to bottom: each band's left column before its right one."""
    by_top = sorted(fragments, key=lambda f: (f.box.top, f.box.x0))
    gutter = _find_gutter([f.box for f in by_top], page_width)
    if gutter is None:
        return [by_top]
    blocks: list[list[_Fragment]] = []
    left: list[_Fragment] = []
    right: list[_Fragment] = []
    for fragment in by_top:
        box = fragment.box
        if box.x0 < gutter < box.x1:  # a full-width line closes the band above it
            blocks += [left, right, [fragment]]
            left, right = [], []
        elif box.x1 <= gutter:
            left.append(fragment)
        else:
            right.append(fragment)
    blocks += [left, right]
    return [block for block in blocks if block]


def _similar_size(a: _Fragment, b: _Fragment) -> bool:
    """A name set in 22 pt beside 9 pt contact details is two lines, a title and its dates are one."""
    sizes = sorted((a.chars[0].size, b.chars[0].size))
    return sizes[1] < _SAME_LINE_SIZE_RATIO * max(sizes[0], 1.0)


def _visual_lines(block: list[_Fragment]) -> list[list[_Fragment]]:
    """Fragments that share a line within a block, e.g. a title and its dates or a table row."""
    lines: list[list[_Fragment]] = []
    for fragment in sorted(block, key=lambda f: (f.box.top, f.box.x0)):
        box = fragment.box
        if lines:
            current = lines[-1][0].box
            overlap = min(current.bottom, box.bottom) - max(current.top, box.top)
            if _similar_size(lines[-1][0], fragment) and overlap > 0.5 * min(
                current.bottom - current.top, box.bottom - box.top
            ):
                lines[-1].append(fragment)
                continue
        lines.append([fragment])
    return lines


def _joined_text(fragments: list[_Fragment]) -> str:
    """Fragments far apart on one line are cells or columns of a row: keep them apart with " | "."""
    parts = [fragments[0].text()]
    for left, right in pairwise(fragments):
        wide = right.box.x0 - left.box.x1 > _CELL_GAP_EM * max(right.chars[0].size, 1.0)
        parts += [" | " if wide else " ", right.text()]
    return "".join(parts)


def _to_line(fragments: list[_Fragment], page: int) -> Line | None:
    fragments.sort(key=lambda f: f.box.x0)
    text = normalize_text(_joined_text(fragments))
    if not text:
        return None
    chars = [c for f in fragments for c in f.chars]
    box = fragments[0].box
    for fragment in fragments[1:]:
        box = box.union(fragment.box)
    bold_share = sum(c.bold for c in chars) / len(chars)
    return Line(text=text, page=page, box=box, size=round(median(c.size for c in chars), 1), bold=bold_share > 0.6)


def page_lines(chars: Sequence[PageChar], page: int, page_width: float) -> list[Line]:
    """The lines of one page in reading order."""
    lines: list[Line] = []
    for block in _column_order(_fragments(chars), page_width):
        for visual_line in _visual_lines(block):
            line = _to_line(visual_line, page)
            if line is not None:
                lines.append(line)
    return lines
