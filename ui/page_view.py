"""Shows one CV page rendered by pypdfium2, with every piece of evidence highlighted where it was read; a Word CV,
which has no page image, is shown as its text with the evidence highlighted in it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from screener.cv_formats import is_word_file, read_cv
from screener.errors import UnreadablePdfError
from screener.models import Axis, Box, Candidate, Document, Evidence

from .blind import BlindReview, masked_word_text, render_covered_page
from .labels import unreadable_text
from .pdfium_thread import RenderedPage, pdfium_pool, render_page
from .tasks import run_in_background
from .text_view import DocumentText

# Overlay colours are fixed on purpose: they must read the same on every page whatever the palette.
AXIS_COLOURS: dict[Axis, QColor] = {"management": QColor(235, 130, 20), "technical": QColor(40, 120, 230)}
_FILL_ALPHA = 45
_FOCUS_FILL_ALPHA = 110
# The evidence chosen in the breakdown is ringed in a colour neither axis uses, thick, over the page.
FOCUS_COLOUR = QColor(215, 0, 110)
_FOCUS_OUTLINE = 3.0


class PageCanvas(QWidget):
    """The page image scaled to the widget's width, with evidence boxes drawn on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page: RenderedPage | None = None
        self._evidence: tuple[Evidence, ...] = ()
        self._focused: Evidence | None = None
        self._placeholder = ""

    def set_page(self, page: RenderedPage | None, evidence: tuple[Evidence, ...], placeholder: str = "") -> None:
        self._page = page
        self._evidence = tuple(e for e in evidence if page is not None and e.span.page == page.page)
        self._placeholder = placeholder
        self.update()

    def set_focused(self, evidence: Evidence | None) -> None:
        self._focused = evidence
        self.update()

    def focused(self) -> Evidence | None:
        return self._focused

    def placeholder(self) -> str:
        """What the canvas says in place of a page (why it cannot be shown), or nothing."""
        return self._placeholder

    def height_for(self, width: int) -> int:
        if self._page is None:
            return 0
        page_width, page_height = self._page.size
        return round(width * page_height / page_width)

    def box_rect(self, box: Box) -> QRectF:
        """Where a box in PDF points (top-left origin) sits on the widget."""
        scale = self.width() / self._page.size[0] if self._page else 1.0
        return QRectF(box.x0 * scale, box.top * scale, (box.x1 - box.x0) * scale, (box.bottom - box.top) * scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._page is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawImage(QRectF(0, 0, self.width(), self.height_for(self.width())), self._page.image)
        # Multiplying works like a highlighter pen: paper takes the colour, printed text stays black, so a
        # line read as evidence on both axes stays legible under two overlapping boxes.
        # Several items read from one line share its box: each box is shaded once, or they would darken it.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        focused = (self._focused.axis, self._focused.span.box) if self._focused in self._evidence else None
        for axis, box in {(e.axis, e.span.box) for e in self._evidence} - {focused}:
            self._draw_highlight(painter, axis, box, focused=False)
        if focused is not None:
            self._draw_highlight(painter, *focused, focused=True)  # last, so no other box covers it
            # The ring drawn plainly, not multiplied: it must look the same over paper and over other boxes.
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            painter.setPen(QPen(FOCUS_COLOUR, _FOCUS_OUTLINE))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._highlight_rect(focused[1]).adjusted(-2, -2, 2, 2))

    def _draw_highlight(self, painter: QPainter, axis: Axis, box: Box, *, focused: bool) -> None:
        colour = QColor(AXIS_COLOURS[axis])
        outline = QPen(colour, 1.0)
        colour.setAlpha(_FOCUS_FILL_ALPHA if focused else _FILL_ALPHA)
        painter.setPen(outline)
        painter.setBrush(colour)
        painter.drawRect(self._highlight_rect(box))

    def _highlight_rect(self, box: Box) -> QRectF:
        return self.box_rect(box).adjusted(-2, -1, 2, 1)


class PageView(QWidget):
    """Page navigation and a scroll area around the canvas; renders off the GUI thread."""

    page_rendered = Signal(int)  # 1-based page number now on screen
    text_shown = Signal(str)  # the file whose text (a Word CV's) is now on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._candidate: Candidate | None = None
        self._page = 1
        self._page_count = 0
        self._request = 0
        self._rendered_width = 0
        self._canvas = PageCanvas()
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._canvas)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._previous = self._nav_button(QStyle.StandardPixmap.SP_ArrowBack, "Previous page", -1)
        self._next = self._nav_button(QStyle.StandardPixmap.SP_ArrowForward, "Next page", +1)
        self._page_label = QLabel()
        self._open_original = QToolButton()
        self._open_original.setText("Open Original")
        self._open_original.setToolTip("Open the CV file in the application your computer opens it with")
        self._open_original.setAutoRaise(True)
        self._open_original.clicked.connect(self.open_original)
        self._text = DocumentText(AXIS_COLOURS, FOCUS_COLOUR)
        self._text_file = ""  # the Word CV whose text is shown, so a resize does not read it again
        self._stack = QStackedWidget()
        self._stack.addWidget(self._scroll)
        self._stack.addWidget(self._text)
        self._rerender = QTimer(self, singleShot=True, interval=150)
        self._rerender.timeout.connect(self._render)
        self._render_when_shown = False  # a re-render held back while the view was hidden
        self._blind: BlindReview | None = None
        self._layout()
        self.show_candidate(None)

    def set_blind(self, blind: BlindReview) -> None:
        """Cover personal details and page 1's images of a candidate blind review hides."""
        self._blind = blind
        blind.changed.connect(self._blind_changed)

    def _blind_changed(self) -> None:
        self._text_file = ""  # a Word CV's text is masked, or unmasked, when read again
        if self._candidate is not None:
            self._open_original.setEnabled(not self._hides(self._candidate))
            self._canvas.set_page(None, (), "")  # the page as it was must not show until drawn again
            self._render()

    def _hides(self, candidate: Candidate) -> bool:
        return self._blind is not None and self._blind.hides(candidate)

    def _nav_button(self, icon: QStyle.StandardPixmap, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.show_page(self._page + step))
        return button

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._previous)
        bar.addWidget(self._page_label)
        bar.addWidget(self._next)
        bar.addStretch()
        bar.addWidget(self._open_original)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._stack)

    def canvas(self) -> PageCanvas:
        return self._canvas

    def text_view(self) -> DocumentText:
        """Where a Word CV's text is shown with its evidence."""
        return self._text

    def open_original_button(self) -> QToolButton:
        return self._open_original

    def showing_text(self) -> bool:
        return self._stack.currentWidget() is self._text

    def open_original(self) -> None:
        """Open the CV in the user's own application for its kind (Word for a .docx, a PDF reader for a PDF)."""
        if self._candidate is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._candidate.file))

    def show_candidate(self, candidate: Candidate | None) -> None:
        self._candidate = candidate
        self._request += 1  # a render still on its way belongs to the candidate shown before
        self._canvas.set_focused(None)
        self._text.set_focused(None)
        self._text_file = ""
        self._page_count = 0
        self._open_original.setEnabled(candidate is not None and not self._hides(candidate))  # it shows who
        self._stack.setCurrentWidget(self._scroll)
        if candidate is None or candidate.status == "error":
            said = unreadable_text(candidate) if candidate else "Select a candidate to see their CV here."
            self._canvas.set_page(None, (), said)
            self._update_navigation()
            return
        evidence = candidate.scores.evidence if candidate.scores else ()
        self.show_page(min((e.span.page for e in evidence), default=1))

    def show_page(self, page: int) -> None:
        if self._candidate is None:
            return
        self._page = max(1, min(page, self._page_count)) if self._page_count else max(1, page)
        self._render()

    def show_evidence(self, evidence: Evidence) -> None:
        """Bring the page holding this evidence on screen and scroll its box into view."""
        self._canvas.set_focused(evidence)
        if self.showing_text():
            self._text.set_focused(evidence)
            return
        if evidence.span.page != self._page or self._rendered_width == 0:
            self.show_page(evidence.span.page)
        else:
            self._scroll_to_focus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_canvas()
        if self._candidate is not None:
            self._rerender.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # A hidden pane or a closed window draws nothing: reading the CV again would be for no one (and a closed
        # session no longer holds its extraction). A re-render held back here is done once the view shows again.
        self._render_when_shown = self._render_when_shown or self._rerender.isActive()
        self._rerender.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._render_when_shown:
            self._render_when_shown = False
            self._rerender.start()

    def _render(self) -> None:
        if self._candidate is None:
            return
        if is_word_file(Path(self._candidate.file)):  # PDFium reads PDFs only; a Word CV has no pages
            self._show_text()
            return
        self._request += 1
        width_px = round(self._scroll.viewport().width() * self.devicePixelRatioF())
        file, page = self._candidate.file, self._page
        turn = dict(self._candidate.ocr_turns).get(page, 0)
        if self._blind is not None and self._hides(self._candidate):
            extraction = self._blind.extraction(self._candidate)
            job = partial(render_covered_page, file, page, width_px, self._candidate.contact, turn, extraction)
        else:
            job = partial(render_page, file, page, width_px, turn)
        run_in_background(
            pdfium_pool(),
            job,
            partial(self._on_rendered, self._request),
            partial(self._on_render_failed, self._request),
            context=self,
        )

    def _show_text(self) -> None:
        """Read the Word CV again off the GUI thread (it takes milliseconds) and show its text."""
        assert self._candidate is not None
        self._stack.setCurrentWidget(self._text)
        self._update_navigation()
        if self._text_file == self._candidate.file:
            return
        self._text.show_document(None, (), "Reading the Word file…")
        run_in_background(
            QThreadPool.globalInstance(),
            partial(read_cv, Path(self._candidate.file)),
            partial(self._on_text_read, self._request, self._candidate.file),
            partial(self._on_text_failed, self._request),
            context=self,
        )

    def _on_text_read(self, request: int, file: str, document: Document) -> None:
        if request != self._request or self._candidate is None:
            return
        self._text_file = file
        if self._hides(self._candidate):
            document = masked_word_text(document, self._candidate.contact)
        self._text.show_document(document, self._candidate.scores.evidence if self._candidate.scores else ())
        focused = self._canvas.focused()
        if focused is not None:
            self._text.set_focused(focused)
        self.text_shown.emit(file)

    def _on_text_failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self._text.show_document(None, (), f"{self._failure(exc)}. Open the original to read it.")

    def _failure(self, exc: BaseException) -> str:
        """Why the CV cannot be shown; in blind review without the file's path or anything else naming them."""
        if self._candidate is None:
            return ""
        if isinstance(exc, FileNotFoundError):
            text = f"{self._candidate.file} is no longer there: it was moved, renamed or deleted"
        elif isinstance(exc, (UnreadablePdfError, OSError)):
            text = str(exc)
        else:
            text = f"Cannot show this CV: {exc}"
        return self._blind.text(self._candidate, text) if self._blind is not None else text

    def _on_rendered(self, request: int, page: RenderedPage) -> None:
        if request != self._request or self._candidate is None or page.file != self._candidate.file:
            return  # the user has moved on to another page or candidate
        self._page, self._page_count = page.page, page.page_count
        self._rendered_width = page.image.width()
        self._canvas.set_page(page, self._candidate.scores.evidence if self._candidate.scores else ())
        self._fit_canvas()
        self._update_navigation()
        self._scroll_to_focus()
        self.page_rendered.emit(page.page)

    def _on_render_failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self._rendered_width = 0
        # Said on the page itself: the status bar keeps the import's summary.
        self._canvas.set_page(None, (), self._failure(exc))
        self._fit_canvas()
        self._update_navigation()

    def _fit_canvas(self) -> None:
        width = self._scroll.viewport().width()
        height = self._canvas.height_for(width) or self._scroll.viewport().height()
        self._canvas.resize(width, height)

    def _scroll_to_focus(self) -> None:
        focused = self._canvas.focused()
        if focused is None or focused.span.page != self._page:
            return
        rect = self._canvas.box_rect(focused.span.box)
        margin = max(40, self._scroll.viewport().height() // 3)
        self._scroll.ensureVisible(round(rect.center().x()), round(rect.center().y()), 20, margin)

    def _update_navigation(self) -> None:
        has_pages = self._page_count > 0
        self._page_label.setText(f"Page {self._page} of {self._page_count}" if has_pages else "")
        self._previous.setEnabled(has_pages and self._page > 1)
        self._next.setEnabled(has_pages and self._page < self._page_count)
