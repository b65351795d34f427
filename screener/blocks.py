"""Join a page's wrapped lines into blocks: paragraphs and list items read as one text.

CVs wrap status words, degree fields and job headers at arbitrary points ("Preparing for the Project /
Management Professional (PMP) exam"), so findings are read from blocks, never from single physical lines.
A block is a `Line` whose text joins its lines and whose box spans them, so evidence still points at the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from screener.models import Line

__all__ = ["join_wrapped"]

_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*►➢✓❖■□➤→-]\s")
# A line ending like this runs on into the next one whatever its length.
_RUNS_ON = re.compile(r"(?:[,&/(–-]|\b(?:and|or|of|in|for|the|a|an|to|with|at|on|by|from|as))$", re.IGNORECASE)
# Only a line's last characters can end that way (a four-letter word, a final newline): the search starts there.
_RUNS_ON_REACH = 7
_PARENTHESIS_LINE = re.compile(r"^\([^()]*\)$")
_LIST_SECTIONS = frozenset({"certifications", "skills", "languages"})
# Lines further apart than this many font sizes (baseline to baseline) belong to different blocks.
_MAX_LINE_PITCH_EM = 1.9
_SAME_SIZE_RATIO = 1.12


def join_wrapped(lines: Sequence[Line]) -> tuple[Line, ...]:
    """The lines in reading order with every wrapped paragraph or list item joined into one block."""
    return tuple(_joined(group) for group in _groups(lines))


def _groups(lines: Sequence[Line]) -> Iterator[list[Line]]:
    column_edge = _ColumnEdges(lines)
    group: list[Line] = []
    for line in lines:
        if group and _continues(group, line, column_edge):
            group.append(line)
            continue
        if group:
            yield group
        group = [line]
    if group:
        yield group


class _ColumnEdges:
    """The right edge of the text column a line sits in: the furthest that lines starting in it reach."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self._edges: dict[int, list[tuple[float, float]]] = {}  # page -> (x0, x1) of each of its lines
        for line in lines:
            self._edges.setdefault(line.page, []).append((line.box.x0, line.box.x1))
        self._known: dict[tuple[int, int, int], float] = {}

    def __call__(self, line: Line) -> float:
        key = (line.page, round(line.box.x0), round(line.box.x1))
        if key not in self._known:
            # Lines starting at or right of this one's start and left of its end: its column, not the
            # sidebar beside it.
            left, right = line.box.x0 - 2 * max(line.size, 1.0), line.box.x1
            self._known[key] = max(x1 for x0, x1 in self._edges[line.page] if left <= x0 < right)
        return self._known[key]


def _continues(group: list[Line], line: Line, column_edge: _ColumnEdges) -> bool:
    last = group[-1]
    if line.is_heading or last.is_heading or line.page != last.page or line.section != last.section:
        return False
    if _BULLET.match(line.text) or line.bold != last.bold or not _same_size(last, line):
        return False
    pitch = line.box.bottom - last.box.bottom
    if not 0 < pitch <= _MAX_LINE_PITCH_EM * max(last.size, 1.0):
        return False
    if not _aligned(group[0], last, line):
        return False
    return line.text[:1].islower() or _runs_on(last.text) or _fills_column(group[0], last, line, column_edge)


def _runs_on(text: str) -> bool:
    return _RUNS_ON.search(text, max(0, len(text) - _RUNS_ON_REACH)) is not None


def _same_size(a: Line, b: Line) -> bool:
    small, large = sorted((max(a.size, 1.0), max(b.size, 1.0)))
    return large <= _SAME_SIZE_RATIO * small


def _aligned(first: Line, last: Line, line: Line) -> bool:
    """Flush with the block's lines, or indented under a bullet's text (a hanging indent)."""
    tolerance = 1.5 * max(line.size, 1.0)
    if abs(line.box.x0 - last.box.x0) <= tolerance:
        return True
    return bool(_BULLET.match(first.text)) and first.box.x0 < line.box.x0 <= first.box.x0 + 4 * first.size


def _fills_column(first: Line, last: Line, line: Line, column_edge: _ColumnEdges) -> bool:
    """The next line's first word would not have fitted after the last line: the text wrapped there.

    Lists of short items (certifications, skills) fill their narrow column too, so there only a
    parenthesis on a line of its own ("(In Progress)") continues the item above.
    """
    if last.section in _LIST_SECTIONS:
        return _PARENTHESIS_LINE.match(line.text) is not None
    first_word = line.text.split(maxsplit=1)[0]
    char_width = (line.box.x1 - line.box.x0) / max(len(line.text), 1)
    return last.box.x1 + (len(first_word) + 1) * char_width > column_edge(first)


def _joined(group: list[Line]) -> Line:
    if len(group) == 1:
        return group[0]
    # A row of cells ("Azure Fundamentals (valid | CISSP") wraps inside its first cell, where the next
    # line starts: the continuation goes there, before the row's other cells.
    first_cell, separator, other_cells = group[0].text.partition(" | ")
    box = group[0].box
    for line in group[1:]:
        first_cell = _continue(first_cell, line.text)
        box = box.union(line.box)
    return replace(group[0], text=f"{first_cell}{separator}{other_cells}", box=box)


def _continue(text: str, continuation: str) -> str:
    """A word broken by a hyphen at the line's end is one word again; other lines join with a space."""
    broken_word = text.endswith("-") and text[-2:-1].isalpha() and continuation[:1].islower()
    return f"{text}{continuation}" if broken_word else f"{text} {continuation}"
