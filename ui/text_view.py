"""A Word CV's text with its evidence highlighted: a Word file has no page image to draw boxes on.

The Word reader lays every paragraph out on one synthetic page, so each line of the Document has a box of its
own; a piece of evidence rests on a line, or a block of lines, and its box holds theirs. Each line is one
paragraph here, and the evidence's lines are shaded in its axis colour, the chosen one ringed in the focus
colour.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from screener.models import Axis, Box, Document, Evidence, Line

_FILL_ALPHA = 60
_FOCUS_FILL_ALPHA = 130
_TOLERANCE = 1.0  # points: a block's box is the union of its lines' boxes, drawn from the same floats


def _inside(line: Line, box: Box) -> bool:
    return (
        line.box.x0 >= box.x0 - _TOLERANCE
        and line.box.x1 <= box.x1 + _TOLERANCE
        and line.box.top >= box.top - _TOLERANCE
        and line.box.bottom <= box.bottom + _TOLERANCE
    )


def _paragraph_break(previous: Line | None, line: Line) -> bool:
    """A blank line between paragraphs: a gap wider than a line, or a new column."""
    if previous is None:
        return False
    gap = line.box.top - previous.box.bottom
    return gap > 0.5 * max(line.size, previous.size) or line.box.top < previous.box.top


class DocumentText(QTextEdit):
    """The lines of a Document in reading order; evidence is shaded where its lines are."""

    def __init__(
        self, axis_colours: Mapping[Axis, QColor], focus_colour: QColor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._axis_colours = dict(axis_colours)
        self._focus_colour = focus_colour
        self.setReadOnly(True)  # a plain text edit, not a browser: the profile tab is the pane's text browser
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("Document text")
        self._lines: list[tuple[Line, int, int]] = []  # each line and where its text starts and ends
        self._evidence: tuple[Evidence, ...] = ()
        self._focused: Evidence | None = None

    def show_document(self, document: Document | None, evidence: tuple[Evidence, ...], placeholder: str = "") -> None:
        self._lines = []
        self._evidence = evidence
        self.clear()
        if document is None:
            self.setPlaceholderText(placeholder)
            self._highlight()
            return
        cursor = QTextCursor(self.document())
        plain, heading = QTextCharFormat(), QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        previous: Line | None = None
        for line in document.lines:
            if previous is not None:
                cursor.insertBlock()
                if _paragraph_break(previous, line):
                    cursor.insertBlock()
            start = cursor.position()
            cursor.insertText(line.text, heading if line.is_heading or line.bold else plain)
            self._lines.append((line, start, cursor.position()))
            previous = line
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._highlight()

    def set_focused(self, evidence: Evidence | None) -> None:
        self._focused = evidence
        self._highlight()
        ranges = self._ranges(evidence) if evidence is not None else []
        if ranges:
            cursor = QTextCursor(self.document())
            cursor.setPosition(ranges[-1][1])
            self.setTextCursor(cursor)
            cursor.setPosition(ranges[0][0])
            self.setTextCursor(cursor)  # the first line last, so the view scrolls to where the evidence begins
            self.ensureCursorVisible()

    def focused(self) -> Evidence | None:
        return self._focused

    def highlighted_texts(self) -> list[str]:
        """The text of each highlighted stretch, in document order (the focused one among them)."""
        text = self.toPlainText()
        return [text[start:end] for start, end in sorted({r for e in self._evidence for r in self._ranges(e)})]

    def focused_texts(self) -> list[str]:
        text = self.toPlainText()
        return [text[start:end] for start, end in self._ranges(self._focused)] if self._focused else []

    def _ranges(self, evidence: Evidence) -> list[tuple[int, int]]:
        """Where the lines an evidence rests on sit in the text: those inside its box on its page."""
        box, page = evidence.span.box, evidence.span.page
        return [(start, end) for line, start, end in self._lines if line.page == page and _inside(line, box)]

    def _highlight(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        focused = self._focused if self._focused in self._evidence else None
        for evidence in (*(e for e in self._evidence if e != focused), *((focused,) if focused else ())):
            colour = QColor(self._axis_colours[evidence.axis])
            colour.setAlpha(_FOCUS_FILL_ALPHA if evidence is focused else _FILL_ALPHA)
            for start, end in self._ranges(evidence):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                text_format = QTextCharFormat()
                text_format.setBackground(colour)
                if evidence is focused:
                    text_format.setUnderlineColor(self._focus_colour)
                    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    text_format.setFontUnderline(True)
                selection.format = text_format
                selections.append(selection)
        self.setExtraSelections(selections)
