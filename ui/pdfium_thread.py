"""Every PDFium call of the app's process, made on the one thread that may make them.

PDFium is not thread-safe, and pypdfium2 tears it down in an exit handler: a render still running then, or
on a second thread, crashes the process. So the app renders on one long-lived pool thread, closes every
page and bitmap itself, and waits for the render in progress before it quits.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QImage

from screener.errors import UnreadablePdfError

from .tasks import finish_before_exit

_MIN_RENDER_WIDTH = 400

_pool: QThreadPool | None = None


@dataclass(frozen=True)
class RenderedPage:
    file: str
    page: int  # 1-based
    page_count: int
    size: tuple[float, float]  # width, height in PDF points
    image: QImage


def pdfium_pool() -> QThreadPool:
    """The pool whose single thread makes every PDFium call of the process; created on first use."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)  # the same thread for the life of the process, never a fresh one
        # Registered after pypdfium2 registered its own exit handler, so this one runs first.
        finish_before_exit(_pool)
    return _pool


def render_page(file: str, page: int, width_px: int, turn: int = 0) -> RenderedPage:
    """Render one page (1-based, clamped to the document) to an image `width_px` wide, turned `turn` degrees
    clockwise (a scan read upright by OCR is shown as it was read); call on pdfium_pool()."""
    try:
        pdf = pdfium.PdfDocument(file)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdfError(f"Cannot show {file}: {exc}") from exc
    try:
        page_count = len(pdf)
        page = min(max(page, 1), page_count)
        pdf_page = pdf[page - 1]
        try:
            width, height = pdf_page.get_size()
            if turn in (90, 270):
                width, height = height, width
            image = _render_image(pdf_page, max(width_px, _MIN_RENDER_WIDTH) / width, turn)
        finally:
            pdf_page.close()
        return RenderedPage(file, page, page_count, (width, height), image)
    finally:
        pdf.close()


def _render_image(pdf_page: pdfium.PdfPage, scale: float, turn: int = 0) -> QImage:
    bitmap = pdf_page.render(scale=scale, rotation=turn, rev_byteorder=True)
    try:
        # copy(): the QImage must own its pixels once the bitmap is closed.
        return QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        ).copy()
    finally:
        bitmap.close()
