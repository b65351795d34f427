"""Read a CV PDF into a Document: positioned characters from pypdfium2 (fast) or pdfplumber (reference)."""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import math
import re
import struct
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from cffi import FFI

from screener.errors import UnreadablePdfError
from screener.layout import Glyph, PageChar, page_lines
from screener.models import Document, Line
from screener.ocr import Scans
from screener.sections import assign_sections

log = logging.getLogger(__name__)

Backend = Literal["pdfium", "pdfplumber"]
PdfSource = Path | bytes  # a file, or the bytes a batch worker read from it once (and hashed)
MAX_PAGES = 30  # a CV longer than this is a catalogue or a thesis; the rest is not read
PDFIUM_FORM_DEPTH = 40  # pdfium reads form XObjects nested this deep and leaves deeper ones empty
_BOLD_WEIGHT = 600
# PDF dates are "D:YYYYMMDDHHmmSS..." (the "D:" and all but the year optional); only plausible years count.
_PDF_DATE = re.compile(r"^(?:D:)?(?P<year>19[89]\d|2\d{3})(?P<month>0[1-9]|1[0-2])?(?P<day>0[1-9]|[12]\d|3[01])?")

# pdfminer (under pdfplumber) logs every odd font it meets; a user cannot act on any of it.
for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


def pdf_date(metadata: Mapping[str, Any]) -> date | None:
    """The day the PDF was last saved (ModDate, else CreationDate), when its metadata says so plausibly."""
    for key in ("ModDate", "CreationDate"):
        value = metadata.get(key) or ""
        found = _PDF_DATE.match(value.decode("latin-1") if isinstance(value, bytes) else str(value))
        if found:
            year, month, day = int(found["year"]), int(found["month"] or 1), int(found["day"] or 1)
            with contextlib.suppress(ValueError):
                return date(year, month, day)
    return None


def check_pdf_header(source: PdfSource) -> None:
    """Refuse what is plainly not a PDF before a parser sees it, with a reason a user understands."""
    if isinstance(source, bytes):
        head = source[:1024]
    else:
        try:
            with source.open("rb") as stream:
                head = stream.read(1024)
        except OSError as exc:
            raise UnreadablePdfError(f"cannot open the file: {exc.strerror or exc}") from exc
    if not head:
        raise UnreadablePdfError("the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        kind = "an HTML page" if b"<html" in head.lower() else "a Word/ZIP file" if head[:2] == b"PK" else None
        raise UnreadablePdfError(f"not a PDF ({kind} named .pdf)" if kind else "not a PDF file")


def _has_no_pages(source: PdfSource) -> bool:
    """Whether the PDF is whole (its cross-reference table intact) and holds no page.

    pdfium refuses such a file without setting an error, so the code it reports is a previous file's; pdfminer
    (under pdfplumber) is asked instead, only once pdfium has refused the file.
    """
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with io.BytesIO(source) if isinstance(source, bytes) else source.open("rb") as stream:
            document = PDFDocument(PDFParser(stream), fallback=False)
            return next(iter(PDFPage.create_pages(document)), None) is None
    except Exception:  # pdfminer raises many unrelated types on damaged files: then it is damaged
        return False


def _pdfium_error_reason(exc: pdfium.PdfiumError, source: PdfSource) -> str:
    if _has_no_pages(source):
        return "the PDF has no pages"
    message = str(exc)
    if "password" in message.lower():
        return "the PDF is password-protected; open it, save a copy without a password, then add that copy"
    return f"the PDF is damaged and cannot be read ({message})"


# pdfium is called once or more per glyph: through cffi, a call costs a fraction of what ctypes (and far less
# than pypdfium2's typed pointers) costs. Handles and addresses pass as plain integers (uintptr_t).
_ffi = FFI()
_ffi.cdef("typedef struct { float left, top, right, bottom; } FS_RECTF;")
_FOUR_FLOATS = struct.Struct("4f")  # an FS_RECTF, in its field order
_ffi.cdef("typedef struct { float a, b, c, d, e, f; } FS_MATRIX;")


def _direct(function: Any, signature: str) -> Any:
    """The same pdfium function as pypdfium2 binds it, called through cffi with `signature`."""
    return _ffi.cast(signature, ctypes.cast(function, ctypes.c_void_p).value)


_text_object = _direct(pdfium_c.FPDFText_GetTextObject, "uintptr_t(*)(uintptr_t, int)")
_loose_char_box = _direct(pdfium_c.FPDFText_GetLooseCharBox, "int(*)(uintptr_t, int, FS_RECTF *)")
_font_weight = _direct(pdfium_c.FPDFFont_GetWeight, "int(*)(uintptr_t)")
_char_matrix = _direct(pdfium_c.FPDFText_GetMatrix, "int(*)(uintptr_t, int, FS_MATRIX *)")
_object_font = _direct(pdfium_c.FPDFTextObj_GetFont, "uintptr_t(*)(uintptr_t)")
_object_font_size = _direct(pdfium_c.FPDFTextObj_GetFontSize, "int(*)(uintptr_t, float *)")
_glyph_width = _direct(pdfium_c.FPDFFont_GetGlyphWidth, "int(*)(uintptr_t, unsigned int, float, float *)")
# What pdfium lists in a page's text that is no glyph: spaces, line breaks, and its markers for generated text.
_NOT_GLYPHS = frozenset(c for c in map(chr, range(0x3000 + 1)) if c.isspace()) | {"\x00", "\ufffe", "\uffff"}


class _FontWidths(dict[str, float]):
    """One font's advance widths by character, per unit of size: asked of pdfium once each (0.0 when the font
    does not say)."""

    __slots__ = ("_font", "_width")

    def __init__(self, font: int) -> None:
        super().__init__()
        self._font = font
        self._width = _ffi.new("float *")

    def __missing__(self, char: str) -> float:
        found = self._font and _glyph_width(self._font, ord(char), 1.0, self._width)
        width = self[char] = self._width[0] if found else 0.0
        return width


class _Glyphs:
    """A page's glyphs with their loose boxes, weights and advance widths, for the layout to join into words.

    Advances come from each font's widths, cached per text object and per font and character: pdfium's loose
    box spans the glyph's ink where it overhangs its advance ("f" in many fonts), and pdfium drops some space
    glyphs that HTML-to-PDF printers draw, so the gap after the advance is what tells a word break from two
    letters set tightly, as in poppler's pdftotext. A glyph's weight is its font's, also asked once per font.
    """

    def __init__(self, textpage: int) -> None:
        self._textpage = textpage
        # text object -> its font's widths, its size as drawn, whether its font is bold
        self._objects: dict[int, tuple[_FontWidths, float, bool]] = {}
        self._fonts: dict[int, _FontWidths] = {}
        self._bold: dict[int, bool] = {0: False}
        self._matrix = _ffi.new("FS_MATRIX *")
        self._size = _ffi.new("float *")

    def read(self, text: str, page_height: float) -> list[Glyph]:
        """The glyphs of the page's `text` (as pdfium lists it, one character per glyph) but spaces.

        One loop with local names: it runs once per glyph and is most of the time a page takes to read. Each
        pdfium call costs about as much as the Python around it, so a glyph costs two calls (its box and its
        text object), and a text object three more when it is new: printers of HTML draw each glyph as one.
        """
        textpage, objects, object_entry = self._textpage, self._objects, self._object_entry
        loose_char_box, text_object_at = _loose_char_box, _text_object
        box = _ffi.new("FS_RECTF *")
        # The box's four floats in one call: reading them as the struct's fields takes four.
        box_edges, box_bytes = _FOUR_FLOATS.unpack_from, _ffi.buffer(box)
        glyphs: list[Glyph] = []
        append = glyphs.append
        pending_space, bold, previous_left = True, False, math.nan
        last_object, widths, size, heavy = -1, _FontWidths(0), 0.0, False
        for index, char in enumerate(text):
            if char in _NOT_GLYPHS:
                pending_space = True
                continue
            loose_char_box(textpage, index, box)
            text_object = text_object_at(textpage, index)
            if text_object != last_object:
                last_object = text_object
                widths, size, heavy = objects.get(text_object) or object_entry(text_object, index)
            if pending_space:  # weight is taken once a word: a word rarely changes weight midway
                bold = heavy
            advance = widths[char] * size
            left, top, box_right, bottom = box_edges(box_bytes)
            # The letters of a ligature ("fi") share one box: the glyph's whole advance belongs to the last.
            right = left + advance if advance > 0 and left != previous_left else box_right
            previous_left = left
            # Without a font, the size is the loose box's height, which spans the font's.
            drawn_size = size or top - bottom
            # A plain tuple: a PageChar (a named tuple) costs three times as much to make.
            append((char, left, page_height - top, right, page_height - bottom, drawn_size, bold, pending_space))
            pending_space = False
        return glyphs

    def _object_entry(self, text_object: int, index: int) -> tuple[_FontWidths, float, bool]:
        """The text object's font widths, its size as drawn and whether its font is bold, remembered.

        The size as drawn: the nominal size alone is not (1.0 for Word on macOS, which scales every glyph by its
        text matrix); 0.0 when the font does not say.
        """
        font = _object_font(text_object) if text_object else 0
        bold = self._bold.get(font)
        if bold is None:
            bold = self._bold[font] = _font_weight(font) >= _BOLD_WEIGHT
        if not font or not _object_font_size(text_object, self._size):
            font, scale = 0, 0.0
        else:
            _char_matrix(self._textpage, index, self._matrix)
            scale = self._size[0] * math.hypot(self._matrix.a, self._matrix.b)
        widths = self._fonts.get(font)
        if widths is None:
            widths = self._fonts[font] = _FontWidths(font)
        entry = self._objects[text_object] = (widths, scale, bold)
        return entry


def _pdfium_chars(page: pdfium.PdfPage) -> list[Glyph]:
    textpage = page.get_textpage()
    try:
        # One call for all the text: per-character calls are the slow part of reading a page.
        text = textpage.get_text_range(0, textpage.count_chars())
        address = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
        return _Glyphs(address).read(text, page.get_height())
    finally:
        textpage.close()


def _forms_nested_beyond(page_object: Any, depth: int = 1) -> bool:
    """Whether a form XObject sits deeper than pdfium follows: pdfium leaves its content out without a word."""
    if pdfium_c.FPDFPageObj_GetType(page_object) != pdfium_c.FPDF_PAGEOBJ_FORM:
        return False
    if depth > PDFIUM_FORM_DEPTH:
        return True
    inner = (
        pdfium_c.FPDFFormObj_GetObject(page_object, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(page_object))
    )
    return any(_forms_nested_beyond(child, depth + 1) for child in inner)


def _text_cut_off(page: pdfium.PdfPage) -> bool:
    """Whether pdfium stopped short of some of the page's content; its walk is bounded by the same depth."""
    objects = (pdfium_c.FPDFPage_GetObject(page, i) for i in range(pdfium_c.FPDFPage_CountObjects(page)))
    return any(_forms_nested_beyond(page_object) for page_object in objects)


_Reading = tuple[int, list[Line], list[tuple[float, float]], date | None, bool]


def _read_pdfium(source: PdfSource, max_pages: int) -> _Reading:
    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdfError(_pdfium_error_reason(exc, source)) from exc
    try:
        lines: list[Line] = []
        sizes: list[tuple[float, float]] = []
        cut_off = False
        total = len(pdf)
        for number in range(min(total, max_pages)):
            page = pdf[number]
            width, height = page.get_size()
            sizes.append((width, height))
            page_text = page_lines(_pdfium_chars(page), number + 1, width)
            # Looked for only on a page without text, where it decides between "damaged" and "scanned".
            cut_off = cut_off or (not page_text and _text_cut_off(page))
            lines += page_text
            page.close()
        return total, lines, sizes, pdf_date(pdf.get_metadata_dict(skip_empty=True)), cut_off
    except pdfium.PdfiumError as exc:  # a page that will not load: a looping or broken page tree
        raise UnreadablePdfError(f"the PDF is damaged and cannot be read (page {len(sizes) + 1}: {exc})") from exc
    finally:
        pdf.close()


def _pdfplumber_chars(chars: list[dict[str, Any]]) -> Iterator[PageChar]:
    pending_space = True
    for c in chars:
        if c["text"].isspace():
            pending_space = True
            continue
        bold = "bold" in c["fontname"].lower()
        yield PageChar(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"], bold, pending_space)
        pending_space = False


def _read_pdfplumber(source: PdfSource, max_pages: int) -> _Reading:
    import pdfplumber  # imported here: only the reference path and the page view need it

    try:
        with pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else source) as pdf:
            lines: list[Line] = []
            sizes: list[tuple[float, float]] = []
            for page in pdf.pages[:max_pages]:
                sizes.append((float(page.width), float(page.height)))
                lines += page_lines(list(_pdfplumber_chars(page.chars)), page.page_number, float(page.width))
            return len(pdf.pages), lines, sizes, pdf_date(pdf.metadata), False
    except UnreadablePdfError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise UnreadablePdfError(f"the PDF is damaged and cannot be read ({type(exc).__name__}: {exc})") from exc


def read_document(source: PdfSource, backend: Backend = "pdfium", max_pages: int = MAX_PAGES) -> Document:
    """Extract the lines of a CV (a file, or its bytes) with their layout and sections; raise UnreadablePdfError
    with a reason."""
    check_pdf_header(source)
    reader = _read_pdfium if backend == "pdfium" else _read_pdfplumber
    total, lines, sizes, saved_on, cut_off = reader(source, max_pages)
    if total == 0:
        raise UnreadablePdfError("the PDF has no pages")
    scans = Scans()  # scanned pages, read by OCR when the extra is installed
    if backend == "pdfium" and not cut_off:
        lines = scans.complete(source, lines, len(sizes))
    if not any(len(line.text) > 2 for line in lines):
        if cut_off:
            raise UnreadablePdfError("the PDF is damaged and cannot be read (its text is nested too deeply)")
        raise scans.no_text_error()
    cut_short = (f"only the first {max_pages} of {total} pages were read",) if total > max_pages else ()
    warnings = cut_short + scans.warnings()
    return Document(
        pages=total,
        lines=tuple(assign_sections(lines)),
        page_sizes=tuple(sizes),
        pages_read=min(total, max_pages),
        warnings=warnings,
        pdf_date=saved_on,
        ocr_pages=tuple(scans.pages),
        ocr_confidence=scans.mean_confidence(),
        ocr_seconds=tuple(scans.seconds),
        ocr_turns=tuple(scans.turns),
        ocr_unsure=scans.unsure_boxes(),
    )
