"""Read a scanned page (no text layer, or a few characters over a full-page image) with OCR.

The optional extra `pip install 'cv-screener[ocr]'` installs RapidOCR with its ONNX models inside the wheel and
onnxruntime; nothing is downloaded at run time. A page is rendered with pypdfium2 at OCR_DPI in grey, turned
upright (a quarter turn from the shape of its text lines, upside down from which way up its widest lines read
with more confidence), recognised, and its words come back as positioned characters in PDF points, so the same
layout code that reads a text PDF (screener.layout) makes its lines: evidence is highlighted on the scanned page
like on any other.
Skew of a few degrees is measured from the text lines and taken out of the word positions. The words the engine
read with low confidence are named in the document's notes, to be checked against the page.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from statistics import fmean, median
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from screener.errors import OcrNeededError, UnreadablePdfError
from screener.layout import PageChar, page_lines
from screener.models import Box, Line

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
# A word whose least sure letter the engine read with less confidence than this is named in the notes, to be
# checked against the page (a word or two a page on the real CVs scanned).
_UNSURE_WORD = 0.6
_MAX_UNSURE_NAMED = 8
_DIRECTION_SAMPLE = 6  # lines recognised both ways up to tell an upside-down page
_TURNED_BETTER_BY = 0.1  # mean confidence by which a page must read better turned over to be upside down
# The start of each, this many times its height long (a dozen letters): the shortest line the recogniser
# reads without padding (its input is 320 x 48 px).
_DIRECTION_LETTERS_WIDTH = 320 / 48
_MIN_SKEW_DEGREES = 0.3
_MAX_SKEW_DEGREES = 10.0
# A detected line's box spans its letters' ink, a little less than the type size (measured on text CVs).
_SIZE_OF_BOX_HEIGHT = 0.87
# The detector pads a line's box; its letters fill about the middle three quarters, as a PDF's glyph boxes do.
_INK_SHARE = 0.75
# A line's box height varies by up to this share with its letters in one type size: sizes this close to the
# page's median are its body size.
_SIZE_NOISE = 0.15
# Larger (or smaller) lines this close in size to the next are one size, once a line with descenders is taken to
# stand this share taller than one without (measured on the real CVs scanned, against their text).
_DISPLAY_SIZE_NOISE = 0.1
_DESCENDER_SHARE = 0.12
_DESCENDING = frozenset("gjpqy,;()[]{}|_çQ")
# Between two pieces of a line the engine read as one word, a gap this many times the line's median gap between
# pieces, and this share of its height at least, is a word space all the same.
_WORD_GAP_OF_GAPS = 2.0
_WORD_GAP_OF_HEIGHT = 0.3

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
    unsure: list[tuple[int, str, Box]] = field(default_factory=list)  # (page, word, box) read with low confidence

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
        self.unsure += [(number, word, box) for word, box in reading.unsure]
        return reading.chars, reading.width

    def mean_confidence(self) -> float | None:
        weight = sum(count for _, count in self.confidences)
        if not weight:
            return None
        return sum(confidence * count for confidence, count in self.confidences) / weight

    def _unsure_note(self) -> str:
        """The words OCR read with low confidence, so a finding resting on one of them is checked on the page."""
        by_page: dict[int, list[str]] = {}
        for page, word, _box in self.unsure[:_MAX_UNSURE_NAMED]:
            by_page.setdefault(page, []).append(f"“{word}”")
        named = "; ".join(f"page {page} {', '.join(words)}" for page, words in by_page.items())
        more = len(self.unsure) - _MAX_UNSURE_NAMED
        return f"read by OCR with low confidence: {named}" + (f" and {more} more" if more > 0 else "")

    def unsure_boxes(self) -> tuple[tuple[int, Box], ...]:
        """Where on its page each word read with low confidence is, so the evidence resting on it says so."""
        return tuple((page, box) for page, _word, box in self.unsure)

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
        if self.unsure:
            said.append(self._unsure_note())
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
            "Global.return_word_box": True,
            threads: 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            # The memory each run needs is kept for the next instead of asked for again: a page runs the
            # recogniser line by line, and takes about 5% less time so.
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
            # Lines are found on the page drawn at most 960 px long (about 80 dpi for A4, body text about 10 px
            # high): a quarter of the detector's time at full size, and no line lost on the real CVs scanned.
            "Det.limit_type": "max",
            "Det.limit_side_len": 960,
            # Lines are recognised one at a time: on one thread a batch only adds the padding of its shorter
            # lines to the width of its longest (a quarter more time on a CV page).
            "Rec.rec_batch_num": 1,
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
    found = engine(image, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(found, "boxes", None)
    return [] if boxes is None else list(boxes)


def _upright(engine: Any, image: Any) -> tuple[Any, list[Any], int]:
    """The page image turned so its text reads left to right, top to bottom, the lines found on it, and the
    turn that took (degrees clockwise: 0, 90, 180 or 270). An upright page, the usual one, is looked at once:
    the lines found to tell its direction are the lines read."""
    import numpy as np

    quarters = 0  # turned anticlockwise
    boxes = _detect(engine, image)
    sizes = [_quad_sizes(quad) for quad in boxes]
    tall = sum(1 for width, height in sizes if height > 1.5 * width)
    wide = sum(1 for width, height in sizes if width > 1.5 * height)
    if tall > wide:  # turned a quarter: try it turned back; the check below settles which way
        image = np.ascontiguousarray(np.rot90(image, k=1))
        quarters += 1
        boxes = _detect(engine, image)
    if _upside_down(engine, image, boxes):
        image = np.ascontiguousarray(np.rot90(image, k=2))
        quarters += 2
        boxes = _detect(engine, image)
    return image, boxes, (4 - quarters % 4) % 4 * 90


def _upside_down(engine: Any, image: Any, boxes: Sequence[Any]) -> bool:
    """Whether the page reads better turned over: the start of its widest lines recognised both ways up, by
    mean confidence.

    The engine's line-direction classifier was asked first, and took noisy upright scans for upside-down ones.
    A dozen letters of a line tell which way up it reads as well as the whole line, at a fraction of the time.
    """
    import numpy as np

    try:
        from rapidocr.ch_ppocr_rec import TextRecInput
        from rapidocr.utils.process_img import get_rotate_crop_image

        widest = sorted(boxes, key=lambda quad: -_quad_sizes(quad)[0])[:_DIRECTION_SAMPLE]
        crops = [get_rotate_crop_image(image, np.asarray(quad, dtype=np.float32)) for quad in widest]
        starts = [crop[:, : max(1, int(_DIRECTION_LETTERS_WIDTH * crop.shape[0]))] for crop in crops]
        if not starts:
            return False
        recogniser = engine._load_rec_model()
        upright = fmean(map(float, recogniser(TextRecInput(img=starts)).scores or (0.0,)))
        if upright + _TURNED_BETTER_BY >= 1.0:  # read turned over, it could not read better: the usual page
            return False
        turned = recogniser(TextRecInput(img=[np.ascontiguousarray(np.rot90(c, k=2)) for c in starts])).scores or ()
    except Exception as exc:  # internals of the engine: without them, the page is taken upright
        log.debug("direction not told: %s", exc)
        return False
    return bool(turned) and fmean(map(float, turned)) > upright + _TURNED_BETTER_BY


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
    unsure: list[tuple[str, Box]]  # words the engine read with low confidence, and where, in reading order


class _RecognisedLine(NamedTuple):
    text: str
    confidence: float
    words: Sequence[tuple[str, float, Any]]  # (word, confidence, box on the page)
    height: float  # of its words' boxes on the page (upright rectangles about the line's), in pixels


def _read_lines(engine: Any, image: Any, boxes: Sequence[Any]) -> list[_RecognisedLine]:
    """The detected lines recognised, with their words' boxes on the page; lines the engine is unsure of
    (below its text_score) or that read as nothing are left out, as the engine's own pipeline leaves them."""
    from rapidocr.ch_ppocr_rec import TextRecOutput

    crops = engine.crop_text_regions(image, boxes)
    kept = [(quad, crop) for quad, crop in zip(boxes, crops, strict=True) if crop.size]
    if not kept:
        return []
    recognised = engine.recognize_txt([crop for _, crop in kept])
    lines = [
        (quad, crop, text, float(score), words)
        for (quad, crop), text, score, words in zip(
            kept, recognised.txts, recognised.scores, recognised.word_results, strict=True
        )
        if text.strip() and score >= engine.text_score
    ]
    if not lines:
        return []
    quads, crops, texts, scores, infos = map(list, zip(*lines, strict=True))
    # The engine pairs each word with the confidence of the line's first letters, not its own: each word's is
    # taken from its letters' below (`confs` holds one per letter of the text).
    letter_confidences = [list(info.confs) for info in infos]
    placed = engine.cal_rec_boxes(crops, quads, TextRecOutput(txts=tuple(texts), word_results=tuple(infos)))
    return [
        _RecognisedLine(text, score, words, _quad_sizes(quad)[1])
        for quad, text, score, confidences, line_words in zip(
            quads, texts, scores, letter_confidences, placed.word_results, strict=True
        )
        for words in [_spaced_words(text, [w for w in line_words if w[2] is not None], confidences)]
    ]


def _spaced_words(
    text: str, pieces: Sequence[tuple[str, float, Any]], letter_confidences: Sequence[float] = ()
) -> list[tuple[str, float, Any]]:
    """A line's words as its recognised text spaces them, the boxes of a word's pieces joined, each with the
    engine's confidence in its least sure letter or digit (from `letter_confidences`, one per letter of the
    text, when given).

    The engine also breaks a word where two of its letters stand far apart: at a wide M or W, and all through
    letter-spaced display type ("ADA M SCH W ALM"), which would read as several words (no name, no job title).
    In spaced-out type the text may lose a space instead ("MARGARETHAMILTON"): a gap between pieces far wider
    than the others on the line still parts two words.
    """
    gaps = [math.dist(before[2][1], after[2][0]) for before, after in pairwise(pieces)]
    height = _quad_sizes(pieces[0][2])[1] if pieces else 0.0
    word_gap = max(_WORD_GAP_OF_GAPS * median(gaps), _WORD_GAP_OF_HEIGHT * height) if gaps else 0.0
    known = len(letter_confidences) == len(text)
    words: list[tuple[str, float, Any]] = []
    at = 0
    for index, (piece, confidence, box) in enumerate(pieces):
        spaced = not words or gaps[index - 1] > word_gap
        while at < len(text) and text[at].isspace():
            at, spaced = at + 1, True
        if not piece or text[at : at + len(piece)] != piece:
            return list(pieces)  # the pieces do not spell the text: keep the engine's words
        if known:  # bullets and apostrophes are read with less confidence, and matter less
            confidence = min(
                (c for letter, c in zip(piece, letter_confidences[at:], strict=False) if letter.isalnum()),
                default=1.0,
            )
        at += len(piece)
        if spaced:
            words.append((piece, confidence, box))
            continue
        word, word_confidence, first = words[-1]
        # The joined box runs from the first piece's left edge to this one's right edge (corners clockwise
        # from the top left).
        words[-1] = (word + piece, min(word_confidence, confidence), [first[0], box[1], box[2], first[3]])
    return words


def _recognise(page: pdfium.PdfPage) -> _Reading:
    """The characters OCR reads on a page turned upright, and their mean confidence."""
    engine = _load_engine()
    image, boxes, turn = _upright(engine, _render(page))
    width_points = image.shape[1] * 72 / OCR_DPI
    lines = _read_lines(engine, image, boxes) if boxes else []
    if not lines:
        return _Reading([], 0.0, width_points, turn, [])
    skew = _skew(boxes)
    height, width = image.shape[:2]
    chars: list[PageChar] = []
    unsure: list[tuple[str, Box]] = []
    centre = (width / 2, height / 2)
    for line, size in zip(lines, _type_sizes(lines), strict=True):
        for word, word_score, word_box in line.words:
            placed = _word_chars(str(word), word_box, skew, centre, size)
            chars += placed
            if word_score < _UNSURE_WORD and placed:
                unsure.append((str(word), functools.reduce(Box.union, (Box(*c[1:5]) for c in placed))))
    weighted = sum(line.confidence * len(line.text) for line in lines)
    count = sum(len(line.text) for line in lines)
    return _Reading(chars, weighted / count if count else 0.0, width_points, turn, unsure)


def _type_sizes(lines: Sequence[_RecognisedLine]) -> list[float]:
    """Each line's type size in points, from its box's height: body text in one size, as a PDF sets it, and
    display lines of nearly one size in one size too.

    A box's height varies with the letters in it, which would set ordinary lines apart as display text (a name)
    from the rest, and part a name set large over two lines ("Margaret" / "Hamilton": descenders and none).
    """
    sizes = [line.height * 72 / OCR_DPI * _SIZE_OF_BOX_HEIGHT for line in lines]
    body = median(size for line, size in zip(lines, sizes, strict=True) for _ in line.text)
    display = {
        index: size / (1 + _DESCENDER_SHARE) if _DESCENDING.intersection(lines[index].text) else size
        for index, size in enumerate(sizes)
        if abs(size - body) > _SIZE_NOISE * body
    }
    stepped = [body] * len(lines)
    step: list[int] = []
    for index in sorted(display, key=display.__getitem__):
        if step and display[index] > display[step[-1]] * (1 + _DISPLAY_SIZE_NOISE):
            _set_size(stepped, step, sizes)
            step = []
        step.append(index)
    _set_size(stepped, step, sizes)
    return stepped


def _set_size(stepped: list[float], step: Sequence[int], sizes: Sequence[float]) -> None:
    """The lines at `step` (indexes) read as one size: the median of theirs."""
    if step:
        common = median(sizes[index] for index in step)
        for index in step:
            stepped[index] = common


def _word_chars(word: str, box: Any, skew: float, centre: tuple[float, float], size: float) -> list[PageChar]:
    """A recognised word, set in `size` points, as characters spread evenly over its box, the page's skew taken
    out."""
    word = word.strip()
    if not word:
        return []
    scale = 72 / OCR_DPI
    line_height = max(_quad_sizes(box)[1], 1.0)  # the engine turns a word's box with its line
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
