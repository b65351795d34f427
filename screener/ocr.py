"""Read a scanned page (no text layer, or a few characters over a full-page image) with OCR.

The optional extra `pip install 'cv-screener[ocr]'` installs RapidOCR with its ONNX models inside the wheel and
onnxruntime; nothing is downloaded at run time. A page is rendered with pypdfium2 at OCR_DPI in grey, turned
upright (a quarter turn from the shape of its text lines, upside down from which way up its widest lines read
with more confidence), recognised, and its words come back as positioned characters in PDF points, so the same
layout code that reads a text PDF (screener.layout) makes its lines: evidence is highlighted on the scanned page
like on any other.
Skew of a few degrees is measured from the text lines and taken out of the word positions.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean, median
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from screener.errors import OcrNeededError, UnreadablePdfError
from screener.layout import PageChar, page_lines
from screener.models import Line

__all__ = [
    "INSTALL_HINT",
    "MAX_OCR_PAGES",
    "OCR_DPI",
    "Scans",
    "available",
    "looks_scanned",
    "set_page_budget_hook",
]

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'cv-screener[ocr]'"
OCR_DPI = 150  # the engine's detector likes text 20-40 px high: body text at 150 dpi is about 25 px
MAX_OCR_PAGES = 10  # a scanned CV is a few pages; past this a file is a scanned book
# A page with fewer characters than this over an image covering most of it is a scan with a stray text layer
# (a scanner's stamp, a page number): it is read by OCR.
_FEW_CHARS = 40
_IMAGE_COVER = 0.5  # share of the page an image must cover to be a scanned page
_ENGINE_PACKAGE = "rapidocr"
_ORIENTATION_SCALE = 0.5  # the page is looked at this small to tell its orientation and skew
_DIRECTION_SAMPLE = 6  # lines recognised both ways up to tell an upside-down page
_MIN_SKEW_DEGREES = 0.3
_MAX_SKEW_DEGREES = 10.0
# A detected line's box spans its letters' ink, a little less than the type size (measured on text CVs).
_SIZE_OF_BOX_HEIGHT = 0.87
# The detector pads a line's box; its letters fill about the middle three quarters, as a PDF's glyph boxes do.
_INK_SHARE = 0.75
_SIZE_NOISE = 0.15  # box heights within this share of the page's median are read as its body size

_engine: Any = None
_page_budget_hook: Callable[[], None] | None = None


def available() -> bool:
    """Whether the OCR extra is installed (without importing it: that takes a second)."""
    return importlib.util.find_spec(_ENGINE_PACKAGE) is not None and importlib.util.find_spec("onnxruntime") is not None


def set_page_budget_hook(hook: Callable[[], None] | None) -> None:
    """A worker gives each page read by OCR its own processor-time budget through this hook."""
    global _page_budget_hook
    _page_budget_hook = hook


def looks_scanned(page: pdfium.PdfPage, characters: int) -> bool:
    """No text layer over something drawn, or only a few characters over an image covering most of the page."""
    if characters == 0:
        return bool(pdfium_c.FPDFPage_CountObjects(page))  # a blank page has nothing to read
    if characters >= _FEW_CHARS:
        return False
    width, height = page.get_size()
    area = max(width * height, 1.0)
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = image.get_pos()
        if (right - left) * (top - bottom) >= _IMAGE_COVER * area:
            return True
    return False


@dataclass
class Scans:
    """What OCR did for one document: the pages it read, their confidence and time, and the pages it could not."""

    pages: list[int] = field(default_factory=list)
    confidences: list[tuple[float, int]] = field(default_factory=list)  # (mean confidence, characters) per page
    seconds: list[float] = field(default_factory=list)  # processor seconds per page read
    unread: list[int] = field(default_factory=list)  # scanned pages left unread: no engine, or past MAX_OCR_PAGES
    turns: list[tuple[int, int]] = field(default_factory=list)  # (page, degrees clockwise) read turned upright

    def complete(self, source: Path | bytes, lines: Sequence[Line], pages_read: int) -> list[Line]:
        """The lines of a PDF with those of its scanned pages read by OCR (the text layer's kept elsewhere)."""
        characters: Counter[int] = Counter()
        for line in lines:
            characters[line.page] += len(line.text)
        thin = [number for number in range(1, pages_read + 1) if characters[number] < _FEW_CHARS]
        if not thin:
            return list(lines)
        read: dict[int, list[Line]] = {}
        pdf = pdfium.PdfDocument(source)
        try:
            for number in thin:
                page = pdf[number - 1]
                try:
                    if looks_scanned(page, characters[number]):
                        chars, width = self.read(page, number)
                        if chars:
                            read[number] = page_lines(chars, number, width)
                finally:
                    page.close()
        finally:
            pdf.close()
        kept = [line for line in lines if line.page not in read]
        return sorted([*kept, *(line for page in read.values() for line in page)], key=lambda line: line.page)

    def read(self, page: pdfium.PdfPage, number: int) -> tuple[list[PageChar], float]:
        """The page's characters as OCR reads them and the width of the page turned upright, in points; no
        characters (and the page noted unread) without the extra."""
        if not available() or len(self.pages) >= MAX_OCR_PAGES:
            self.unread.append(number)
            return [], page.get_width()
        if _page_budget_hook is not None:
            _page_budget_hook()
        started = time.process_time()  # processor time: what a page costs, however busy the machine is
        reading = _recognise(page)
        self.seconds.append(time.process_time() - started)
        self.pages.append(number)
        self.confidences.append((reading.confidence, len(reading.chars)))
        if reading.turn:
            self.turns.append((number, reading.turn))
        return reading.chars, reading.width

    def mean_confidence(self) -> float | None:
        weight = sum(count for _, count in self.confidences)
        if not weight:
            return None
        return sum(confidence * count for confidence, count in self.confidences) / weight

    def no_text_error(self) -> UnreadablePdfError:
        """Why a PDF gave no text, and what to do about it in one line. Without OCR installed that is an
        OcrNeededError: the file is read again once it is."""
        if self.pages:
            return UnreadablePdfError(
                "no text layer, and OCR found no text on its pages — is it a blank or a very faint scanned image?"
            )
        if not available():
            return OcrNeededError(f"no text layer — a scanned image? To read scans, install OCR: {INSTALL_HINT}")
        return UnreadablePdfError("no text layer — is it a scanned image? OCR found nothing it could read")

    def warnings(self) -> tuple[str, ...]:
        said = []
        if self.pages:
            confidence = self.mean_confidence()
            pages = ", ".join(map(str, self.pages))
            share = f", mean confidence {confidence:.0%}" if confidence is not None else ""
            said.append(f"read by OCR (page {pages}{share}): check names, dates and credentials against the page")
        if self.unread:
            pages = ", ".join(map(str, self.unread))
            if available():
                said.append(f"scanned page {pages} not read: OCR reads the first {MAX_OCR_PAGES} scanned pages")
            else:
                said.append(f"scanned page {pages} not read: to read scans, install OCR with {INSTALL_HINT}")
        return tuple(said)


def _allow_engine_memory() -> None:
    """A worker's memory limit is low for reading text; it leaves room (its hard limit) for the OCR engine."""
    if sys.platform == "win32":
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _load_engine() -> Any:
    global _engine
    if _engine is None:
        _allow_engine_memory()
        from rapidocr import RapidOCR

        # One thread: the batch runs one worker per core. The models come inside the package.
        threads = "EngineConfig.onnxruntime.intra_op_num_threads"
        params = {
            "Global.log_level": "error",
            threads: 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            # Lines are found on the page drawn at most 1280 px long (about 110 dpi for A4): about half the
            # detector's time at full size, and body text is still 12 px high there.
            "Det.limit_type": "max",
            "Det.limit_side_len": 1280,
        }
        _engine = RapidOCR(params=params)
    return _engine


def _render(page: pdfium.PdfPage) -> Any:
    import numpy as np

    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    try:
        grey = bitmap.to_numpy().copy()
    finally:
        bitmap.close()
    if grey.ndim == 3:
        grey = grey[..., 0]
    return np.ascontiguousarray(np.stack([grey] * 3, axis=-1))


def _quad_sizes(quad: Any) -> tuple[float, float]:
    """Width (along the text) and height of a detected line's quadrilateral."""
    return math.dist(quad[0], quad[1]), math.dist(quad[0], quad[3])


def _detect(engine: Any, image: Any) -> list[Any]:
    import cv2

    small = cv2.resize(image, None, fx=_ORIENTATION_SCALE, fy=_ORIENTATION_SCALE, interpolation=cv2.INTER_AREA)
    found = engine(small, use_det=True, use_cls=False, use_rec=False, return_word_box=False)
    boxes = getattr(found, "boxes", None)
    return [] if boxes is None else list(boxes)


def _upright(engine: Any, image: Any) -> tuple[Any, list[Any], int]:
    """The page image turned so its text reads left to right, top to bottom, the lines found on it, and the
    turn that took (degrees clockwise: 0, 90, 180 or 270)."""
    import numpy as np

    quarters = 0  # turned anticlockwise
    boxes = _detect(engine, image)
    sizes = [_quad_sizes(quad) for quad in boxes]
    tall = sum(1 for width, height in sizes if height > 1.5 * width)
    wide = sum(1 for width, height in sizes if width > 1.5 * height)
    if tall > wide:  # turned a quarter: try it turned back; the classifier below settles which way
        image = np.ascontiguousarray(np.rot90(image, k=1))
        quarters += 1
        boxes = _detect(engine, image)
    if _upside_down(engine, image, boxes):
        image = np.ascontiguousarray(np.rot90(image, k=2))
        quarters += 2
        boxes = _detect(engine, image)
    return image, boxes, (4 - quarters % 4) % 4 * 90


def _upside_down(engine: Any, image: Any, boxes: Sequence[Any]) -> bool:
    """Whether the page reads better turned over: its widest lines recognised both ways, by mean confidence.

    The engine's line-direction classifier was asked first, and took noisy upright scans for upside-down ones.
    The lines were found on the page drawn small; they are cut from the full drawing.
    """
    import numpy as np

    try:
        from rapidocr.ch_ppocr_rec import TextRecInput
        from rapidocr.utils.process_img import get_rotate_crop_image

        widest = sorted(boxes, key=lambda quad: -_quad_sizes(quad)[0])[:_DIRECTION_SAMPLE]
        quads = [np.asarray(quad, dtype=np.float32) / _ORIENTATION_SCALE for quad in widest]
        crops = [get_rotate_crop_image(image, quad) for quad in quads]
        if not crops:
            return False
        recogniser = engine._load_rec_model()
        upright = recogniser(TextRecInput(img=crops)).scores or ()
        turned = recogniser(TextRecInput(img=[np.ascontiguousarray(np.rot90(c, k=2)) for c in crops])).scores or ()
    except Exception as exc:  # internals of the engine: without them, the page is taken upright
        log.debug("direction not told: %s", exc)
        return False
    return bool(turned) and fmean(map(float, turned)) > fmean(map(float, upright or (0.0,))) + 0.1


def _skew(boxes: Sequence[Any]) -> float:
    """The page's skew in radians, from the direction of its long text lines (0 when too small to matter)."""
    angles = []
    for quad in boxes:
        width, height = _quad_sizes(quad)
        if width > 4 * height:
            (x0, y0), (x1, y1) = quad[0], quad[1]
            angles.append(math.atan2(y1 - y0, x1 - x0))
    if len(angles) < 3:
        return 0.0
    angle = median(angles)
    return angle if _MIN_SKEW_DEGREES <= abs(math.degrees(angle)) <= _MAX_SKEW_DEGREES else 0.0


class _Reading(NamedTuple):
    chars: list[PageChar]  # in PDF points from the top-left corner of the page turned upright
    confidence: float  # the engine's mean over the characters, 0-1
    width: float  # of the page turned upright, in points
    turn: int  # degrees clockwise the page was turned to read upright


def _recognise(page: pdfium.PdfPage) -> _Reading:
    """The characters OCR reads on a page turned upright, and their mean confidence."""
    engine = _load_engine()
    image, boxes, turn = _upright(engine, _render(page))
    width_points = image.shape[1] * 72 / OCR_DPI
    if not boxes:
        return _Reading([], 0.0, width_points, turn)
    skew = _skew(boxes)
    # The engine keeps the steps of its last call: each call names all of them. The page is upright already:
    # the classifier, asked line by line, turns some upright lines over.
    result = engine(image, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
    if not len(result):
        return _Reading([], 0.0, width_points, turn)
    height, width = image.shape[:2]
    scale = 72 / OCR_DPI
    chars: list[PageChar] = []
    centre = (width / 2, height / 2)
    # Lines without word boxes are left out of word_results, so words are read on their own, not by line.
    for words in result.word_results:
        for word, _word_score, word_box in words:
            if word_box is not None:
                chars += _word_chars(str(word), word_box, skew, centre, scale)
    chars = _one_body_size(chars)
    weighted = sum(float(score) * len(text) for text, score in zip(result.txts, result.scores, strict=False))
    count = sum(len(text) for text in result.txts)
    return _Reading(chars, weighted / count if count else 0.0, width_points, turn)


def _one_body_size(chars: list[PageChar]) -> list[PageChar]:
    """Body text in one size, as a PDF sets it: a word's box height varies by a tenth or so with its ascenders
    and descenders, which would set ordinary lines apart as display text (a name) from the rest."""
    if not chars:
        return chars
    body = median(char.size for char in chars)
    return [char._replace(size=body) if abs(char.size - body) <= _SIZE_NOISE * body else char for char in chars]


def _word_chars(word: str, box: Any, skew: float, centre: tuple[float, float], scale: float) -> list[PageChar]:
    """A recognised word as characters spread evenly over its box, the page's skew taken out."""
    word = word.strip()
    if not word:
        return []
    line_height = max(_quad_sizes(box)[1], 1.0)  # the engine turns a word's box with its line
    size = line_height * scale * _SIZE_OF_BOX_HEIGHT
    xs = [float(point[0]) for point in box]
    ys = [float(point[1]) for point in box]
    middle_x, middle_y = sum(xs) / len(xs), sum(ys) / len(ys)
    # Turn the word's middle about the page's centre by minus the skew; its width is along the line.
    cos, sin = math.cos(-skew), math.sin(-skew)
    dx, dy = middle_x - centre[0], middle_y - centre[1]
    upright_x, upright_y = centre[0] + dx * cos - dy * sin, centre[1] + dx * sin + dy * cos
    word_width = max(math.dist(box[0], box[1]), max(xs) - min(xs) if abs(skew) < 1e-6 else 0.0, 1.0)
    ink = line_height * _INK_SHARE
    left, top = upright_x - word_width / 2, upright_y - ink / 2
    step = word_width / len(word)
    return [
        PageChar(
            char,
            (left + index * step) * scale,
            top * scale,
            (left + (index + 1) * step) * scale,
            (top + ink) * scale,
            size,
            False,
            index == 0,
        )
        for index, char in enumerate(word)
    ]
