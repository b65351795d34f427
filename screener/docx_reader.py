"""Read a Word (.docx) CV into the Document the PDF readers make, laid out on one synthetic page.

A Word file has no fixed layout, so each paragraph gets a box where a word processor would roughly put it:
paragraphs stacked down the page with a gap between them (never joined into one block), soft line breaks
one line apart, list items indented, the cells of a layout table and floating text boxes side by side as
columns. Sizes and boldness come from the runs and styles, so headings, names and sidebars keep the cues the
section, contact and block code read in a PDF.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Length
from docx.styles.style import ParagraphStyle
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from screener.errors import UnreadablePdfError
from screener.models import Box, Document, Line
from screener.sections import assign_sections

__all__ = ["MAX_LINES", "read_docx"]

log = logging.getLogger(__name__)

MAX_LINES = 3000  # a CV has a few hundred paragraphs; past this the file is a catalogue or a hostile one
MAX_MEMBERS = 1000  # parts in the package: a CV has a few dozen
MAX_PART_BYTES = 32 << 20  # one part, unpacked: a CV's document.xml is well under 1 MB, a photo a few MB
MAX_PACKAGE_BYTES = 200 << 20  # all parts, unpacked, as stated in the package's directory
MAX_NESTING = 6  # tables in tables, text boxes in text boxes
_DEFAULT_SIZE = 11.0
_HEADING_MIN_SIZE = 13.0
_LINE_PITCH = 1.2  # of the font size, baseline to baseline
_PARAGRAPH_GAP = 1.0  # of the font size, and at least the body's: paragraphs are never read as one block
_CHAR_WIDTH = 0.5  # of the font size: an average Latin character
_LIST_INDENT = 18.0  # points per list level
_EMU_PER_POINT = 12700
_TAB = re.compile(r"\s*\t[\s\t]*")
_MAILTO = re.compile(r"mailto:([^\s\"?]+)", re.IGNORECASE)
_BLOCK_TAGS = frozenset({qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:customXml")})
# Runs inside these are not the paragraph's own text: drawings hold text boxes, a fallback repeats its choice.
_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NOT_OWN_TEXT = frozenset({qn("w:drawing"), qn("w:pict"), f"{_COMPATIBILITY}AlternateContent", qn("w:txbxContent")})
_FALLBACK = f"{_COMPATIBILITY}Fallback"
_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def read_docx(source: Path | bytes) -> Document:
    """Extract the lines of a Word CV (a file, or its bytes) with synthetic layout and sections.

    Raise UnreadablePdfError with a reason a user understands when the file is not a Word document, is
    damaged, or would unpack to far more than any CV.
    """
    content = source if isinstance(source, bytes) else _read_bytes(source)
    _check_package(content)
    word = _open(content)
    layout = _Layout(word)
    try:
        layout.read_all()
    except _Full:
        layout.warnings.append(f"only the first {MAX_LINES} paragraphs were read")
    if not any(len(line.text) > 2 for line in layout.lines):
        raise UnreadablePdfError("the Word file holds no text")
    height = max(842.0, max(line.box.bottom for line in layout.lines) + layout.margin)
    return Document(
        pages=1,
        lines=tuple(assign_sections(layout.lines)),
        page_sizes=((layout.page_width, height),),
        pages_read=1,
        warnings=tuple(layout.warnings),
        pdf_date=_saved_on(word),
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadablePdfError(f"cannot open the file: {exc.strerror or exc}") from exc


def _check_package(content: bytes) -> None:
    """Refuse a package that is not a zip, lacks its document, or would unpack to far more than a CV."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise UnreadablePdfError(f"the Word file is damaged or hostile ({len(members)} parts)")
            if sum(m.file_size for m in members) > MAX_PACKAGE_BYTES or any(
                m.file_size > MAX_PART_BYTES for m in members
            ):
                raise UnreadablePdfError(
                    f"the Word file unpacks to more than a CV could hold (over {MAX_PACKAGE_BYTES >> 20} MB)"
                )
            if "word/document.xml" not in package.namelist():
                raise UnreadablePdfError("the Word file is damaged (it has no document part)")
            for member in members:
                if member.filename.endswith((".xml", ".rels")) and _declares_entities(package, member):
                    raise UnreadablePdfError("the Word file is damaged or hostile (it declares XML entities)")
    except zipfile.BadZipFile as exc:
        raise UnreadablePdfError(f"the Word file is damaged and cannot be read ({exc})") from exc


def _declares_entities(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether an XML part has a document type declaration: Word never writes one; entity bombs need it."""
    with package.open(member) as stream:
        head = stream.read(4096)
    return any(marker in head for marker in (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le")))


def _open(content: bytes) -> Any:
    try:
        return docx.Document(io.BytesIO(content))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise UnreadablePdfError(f"the Word file is damaged and cannot be read ({exc})") from exc


def _saved_on(word: Any) -> date | None:
    """The day the file was last saved (else created), when its properties say so."""
    with contextlib.suppress(Exception):  # properties written by other tools may hold anything
        properties = word.core_properties
        stamp = properties.modified or properties.created
        return stamp.date() if stamp is not None else None
    return None


class _Full(Exception):
    """The document reached MAX_LINES: the rest is not read."""


@dataclass
class _Column:
    """Where the next paragraph of a text flow goes: the body, a table cell or a text box."""

    x0: float
    width: float
    top: float
    depth: int = 0


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph's text and look, as a PDF reader would see it."""

    text: str
    size: float
    bold: bool
    indent: float


@dataclass
class _Layout:
    """Walks a Word document in reading order and lays its paragraphs out as Lines on one page."""

    word: Any
    lines: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        section = self.word.sections[0] if len(self.word.sections) else None
        self.page_width = _points(section.page_width if section else None, 595.0)
        self.margin = _points(section.left_margin if section else None, 72.0)
        self.body_width = max(self.page_width - 2 * self.margin, 100.0)
        self.styles = _Styles(self.word)
        self.story: Any = self.word  # the body, header or footer being read
        self.body_size = _style_size(self.styles.default_paragraph())

    def read_all(self) -> None:
        column = _Column(self.margin, self.body_width, self.margin / 2)
        for header in self._headers_and_footers("header"):
            self._read_story(header, column)
        self._read_story(self.word, column)
        for footer in self._headers_and_footers("footer"):
            self._read_story(footer, column)

    def _read_story(self, story: Any, column: _Column) -> None:
        """Read the body, a header or a footer: its links and styles are looked up in its own part."""
        self.story = story
        self._read_blocks(story._element.body if story is self.word else story._element, column)

    def _headers_and_footers(self, kind: str) -> Iterator[Any]:
        """Each distinct header (or footer) part's XML once: the first page's, then the others'."""
        seen: set[int] = set()
        for section in self.word.sections:
            for variant in (f"first_page_{kind}", kind, f"even_page_{kind}"):
                with contextlib.suppress(Exception):  # a missing or broken part leaves that header out
                    part = getattr(section, variant)
                    if part.is_linked_to_previous or id(part._element) in seen:
                        continue
                    seen.add(id(part._element))
                    yield part

    def _read_blocks(self, container: Any, column: _Column) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                self._read_paragraph(Paragraph(child, self.story), column)
            elif child.tag == qn("w:tbl"):
                self._read_table(child, column)
            elif child.tag in _BLOCK_TAGS:  # content controls and custom XML wrap ordinary blocks
                content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
                if content is not None:
                    self._read_blocks(content, column)

    def _read_paragraph(self, paragraph: Paragraph, column: _Column) -> None:
        read = self._look(paragraph)
        top = column.top
        for text in read.text.split("\n"):
            if text.strip():
                self._place(text.strip(), read, column)
        for text_box, x0, width, floating in _text_boxes(paragraph._p, self.margin):
            if column.depth < MAX_NESTING:
                inner = _Column(x0 if x0 is not None else column.x0, width or column.width, top, column.depth + 1)
                self._read_blocks(text_box, inner)
                if not floating:
                    column.top = max(column.top, inner.top)

    def _place(self, text: str, read: _Paragraph, column: _Column) -> None:
        if len(self.lines) >= MAX_LINES:
            raise _Full
        x0 = column.x0 + read.indent
        available = max(column.width - read.indent, read.size)
        text_width = len(text) * read.size * _CHAR_WIDTH
        rows = max(1, math.ceil(text_width / available))
        bottom = column.top + rows * read.size * _LINE_PITCH
        box = Box(x0, column.top, x0 + min(text_width, available), bottom)
        self.lines.append(Line(text, 1, box, read.size, read.bold))
        column.top = bottom + _PARAGRAPH_GAP * max(read.size, self.body_size or _DEFAULT_SIZE)

    def _read_table(self, table: Any, column: _Column) -> None:
        if column.depth >= MAX_NESTING:
            return
        for row in table.iterchildren(qn("w:tr")):
            cells = list(row.iterchildren(qn("w:tc")))
            if _is_data_row(cells):
                self._place_row(cells, column)
            else:
                self._read_layout_row(cells, column)

    def _place_row(self, cells: list[Any], column: _Column) -> None:
        """A row of single-line cells is one line, cells apart with " | " as the PDF reader writes them."""
        looks = [self._look(Paragraph(p, self.story)) for cell in cells for p in cell.iterchildren(qn("w:p"))]
        texts = [look.text.replace("\n", " ").strip() for look in looks]
        text = " | ".join(t for t in texts if t)
        if not text:
            return
        sizes = Counter({look.size: len(look.text) for look in looks})
        bold = all(look.bold for look, t in zip(looks, texts, strict=True) if t)
        self._place(text, _Paragraph(text, sizes.most_common(1)[0][0], bold, 0.0), column)

    def _read_layout_row(self, cells: list[Any], column: _Column) -> None:
        """Cells holding paragraphs of their own are columns side by side, read one after the other."""
        widths = [_cell_width(cell) for cell in cells]
        known = sum(w for w in widths if w) or 0.0
        share = max(column.width - known, 0.0) / max(1, sum(1 for w in widths if not w))
        x0, bottom = column.x0, column.top
        for cell, width in zip(cells, widths, strict=True):
            inner = _Column(x0, width or share or column.width / len(cells), column.top, column.depth + 1)
            self._read_blocks(cell, inner)
            x0 += inner.width
            bottom = max(bottom, inner.top)
        column.top = bottom

    def _look(self, paragraph: Paragraph) -> _Paragraph:
        """The paragraph's text (with the addresses its mail links hide) and its size, weight and indent."""
        style = self.styles.paragraph(paragraph)
        pieces = [(run, self.styles.character(run)) for run in (Run(r, paragraph) for r in _own_runs(paragraph._p))]
        texts = [_run_text(run, character, style) for run, character in pieces]
        text = _with_mail_addresses(_TAB.sub(" | ", "".join(texts)).strip(" |"), paragraph)
        heading = _is_heading_style(style)
        size_by_chars: Counter[float] = Counter()
        bold_chars = 0
        for (run, character), piece in zip(pieces, texts, strict=True):
            letters = len(piece.strip())
            size_by_chars[_run_size(run, (character, style), self.body_size)] += letters
            bold_chars += letters if _run_bold(run, (character, style)) else 0
        size = size_by_chars.most_common(1)[0][0] if size_by_chars else self.body_size or _DEFAULT_SIZE
        total = sum(size_by_chars.values())
        bold = heading or (total > 0 and bold_chars * 2 >= total)
        if heading:
            size = max(size, _HEADING_MIN_SIZE)
        listed = _is_list_item(paragraph, style)
        return _Paragraph(f"• {text}" if text and listed else text, size, bold, _indent(paragraph, listed))


class _Styles:
    """The document's styles by id, each looked up once: python-docx searches them all on every lookup."""

    def __init__(self, word: Any) -> None:
        self._styles = word.styles
        self._known: dict[tuple[WD_STYLE_TYPE, str | None], Any] = {}

    def paragraph(self, paragraph: Paragraph) -> ParagraphStyle | None:
        style = self._style(paragraph._p.style or None, WD_STYLE_TYPE.PARAGRAPH)
        return style if isinstance(style, ParagraphStyle) else None

    def default_paragraph(self) -> Any:
        return self._style(None, WD_STYLE_TYPE.PARAGRAPH)

    def character(self, run: Run) -> Any:
        """The run's character style, None when it has none of its own."""
        style_id = run._r.style
        return self._style(style_id, WD_STYLE_TYPE.CHARACTER) if style_id else None

    def _style(self, style_id: str | None, kind: WD_STYLE_TYPE) -> Any:
        key = (kind, style_id)
        if key not in self._known:
            self._known[key] = None
            with contextlib.suppress(Exception):  # a style id the styles part does not define
                self._known[key] = self._styles.get_by_id(style_id, kind)
        return self._known[key]


def _points(length: Length | None, default: float) -> float:
    return float(length.pt) if length is not None else default


def _own_runs(element: Any) -> Iterator[Any]:
    """The paragraph's runs in order, in links, fields and content controls too, but not in its text boxes."""
    for child in element.iterchildren():
        if child.tag == qn("w:r"):
            yield child
        elif child.tag not in _NOT_OWN_TEXT and child.tag != qn("w:pPr"):
            yield from _own_runs(child)


def _run_text(run: Run, character: Any, style: ParagraphStyle | None) -> str:
    text = run.text
    return text.upper() if text and _style_chain_value(run, (character, style), "all_caps") else text


def _with_mail_addresses(text: str, paragraph: Paragraph) -> str:
    """The text with the address of each mail link it does not show ("Email me" links to mailto:...)."""
    addresses: list[str] = []
    for link in paragraph._p.iter(qn("w:hyperlink")):
        with contextlib.suppress(Exception):  # a link to a missing relationship is only text
            addresses += _MAILTO.findall(Hyperlink(link, paragraph).address)
    for instruction in paragraph._p.iter(qn("w:instrText")):
        addresses += _MAILTO.findall(instruction.text or "")
    missing = [a for a in dict.fromkeys(addresses) if a.lower() not in text.lower()]
    return " ".join([text, *missing]).strip()


def _chain_value(style: Any, value: Any) -> Any:
    """The first value a style or one of the styles it is based on sets, else None."""
    seen = 0
    while style is not None and seen < MAX_NESTING * 2:  # base styles can loop in a damaged file
        found = value(style)
        if found is not None:
            return found
        style, seen = style.base_style, seen + 1
    return None


def _style_chain_value(run: Run, styles: tuple[Any, ParagraphStyle | None], name: str) -> Any:
    """A font property as the run shows it: set on the run, else by its character style, else its paragraph's."""
    own = getattr(run.font, name)
    if own is not None:
        return own
    character, paragraph = styles
    found = _chain_value(character, lambda s: getattr(s.font, name))
    return found if found is not None else _chain_value(paragraph, lambda s: getattr(s.font, name))


def _style_size(style: Any) -> float | None:
    size = _chain_value(style, lambda s: s.font.size)
    return float(size.pt) if size is not None else None


def _is_heading_style(style: ParagraphStyle | None) -> bool:
    names: list[str] = []
    while style is not None and len(names) < MAX_NESTING:
        names.append((style.name or "").lower())
        style = style.base_style
    return any(name.startswith(("heading", "title")) for name in names)


def _run_size(run: Run, styles: tuple[Any, ParagraphStyle | None], body_size: float | None) -> float:
    size = _style_chain_value(run, styles, "size")
    return float(size.pt) if size is not None else body_size or _DEFAULT_SIZE


def _run_bold(run: Run, styles: tuple[Any, ParagraphStyle | None]) -> bool:
    return bool(_style_chain_value(run, styles, "bold"))


def _is_list_item(paragraph: Paragraph, style: ParagraphStyle | None) -> bool:
    """Numbered or bulleted, or in a list style: in the PDF Word prints, a bullet starts it and parts it."""
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    return bool(style is not None and (style.name or "").lower().startswith("list"))


def _indent(paragraph: Paragraph, listed: bool) -> float:
    indent = _points(paragraph.paragraph_format.left_indent, 0.0)
    if indent <= 0 and listed:
        properties: Any = paragraph._p.pPr
        level = properties.numPr.ilvl if properties is not None and properties.numPr is not None else None
        indent = _LIST_INDENT * (1 + (int(level.val) if level is not None else 0))
    return max(indent, 0.0)


def _cell_width(cell: Any) -> float | None:
    properties = cell.tcPr
    width = properties.tcW if properties is not None else None
    with contextlib.suppress(Exception):  # widths in percent or auto have no length
        if width is not None and width.type == "dxa" and width.w:
            return float(Length(int(width.w)).pt)
    return None


def _is_data_row(cells: list[Any]) -> bool:
    """A row whose cells each hold one paragraph at most: a row of a table, not columns of a layout."""
    for cell in cells:
        paragraphs = [p for p in cell.iterchildren(qn("w:p")) if "".join(p.itertext()).strip()]
        if len(paragraphs) > 1 or cell.find(qn("w:tbl")) is not None or cell.find(qn("w:sdt")) is not None:
            return False
        if any(p.find(f".//{qn('w:txbxContent')}") is not None for p in paragraphs):
            return False
    return True


def _text_boxes(element: Any, margin: float) -> Iterator[tuple[Any, float | None, float | None, bool]]:
    """The text boxes drawn in a paragraph, each once: its content, left edge, width, whether it floats."""
    for child in element.iterchildren():
        if child.tag == qn("w:txbxContent"):
            yield child, *_placement(child, margin)
        elif child.tag != _FALLBACK:  # a fallback repeats its choice's text box for older readers
            yield from _text_boxes(child, margin)


def _placement(text_box: Any, margin: float) -> tuple[float | None, float | None, bool]:
    """Where a drawing puts its text box on the page, in points, when it says so."""
    drawing = text_box.getparent()
    while drawing is not None and not str(drawing.tag).startswith(_WP):
        drawing = drawing.getparent()
    if drawing is None:
        return None, None, False
    position = drawing.find(f"{_WP}positionH")
    offset = position.find(f"{_WP}posOffset") if position is not None else None
    extent = drawing.find(f"{_WP}extent")
    x0 = _emu_points(offset.text if offset is not None else None)
    if x0 is not None and position is not None and position.get("relativeFrom") in ("margin", "column"):
        x0 += margin
    width = _emu_points(extent.get("cx") if extent is not None else None)
    return x0, width, drawing.tag == _ANCHOR


def _emu_points(value: str | None) -> float | None:
    with contextlib.suppress(TypeError, ValueError):
        return max(0.0, int(value or "") / _EMU_PER_POINT) or None
    return None
