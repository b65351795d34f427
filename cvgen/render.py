"""Draws a CVSpec as a PDF with fpdf2 or reportlab, in a one-column, sidebar, table or ligature layout.

Layouts are composed once into pages of drawing operations (text runs, lines, boxes) in points with
the origin at the top-left; each producer only replays those operations, so both producers draw
every layout the same way while writing quite different PDF internals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import reportlab
from fpdf import FPDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from cvgen.spec import CVSpec, Layout, Producer, Style

Color = tuple[float, float, float]
Size = tuple[float, float]

BLACK: Color = (0.0, 0.0, 0.0)
ACCENT: Color = (0.12, 0.25, 0.45)
GREY: Color = (0.55, 0.55, 0.55)
SIDEBAR_FILL: Color = (0.93, 0.94, 0.96)
TABLE_HEAD_FILL: Color = (0.88, 0.90, 0.93)

PAGE_SIZES: dict[str, Size] = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
MARGIN = 46.0
LEADING = 1.32
BODY_SIZE = 10.0
SIDEBAR_WIDTH = 168.0
GUTTER = 22.0
CELL_PADDING = 4.0
BULLET_INDENT = 12.0

SOFT_HYPHEN = "\u00ad"
NBSP = "\u00a0"
ZERO_WIDTH_SPACE = "\u200b"
# A fixed date keeps the output byte-identical from run to run.
CREATION_DATE = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)

FONT_CANDIDATES: tuple[tuple[Path, Path], ...] = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (
        Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
        Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
    ),
)
REQUIRED_LIGATURES = "\ufb01\ufb02"


class FontNotFoundError(RuntimeError):
    """No TrueType font with ligature glyphs is installed, so the ligature layout cannot be drawn."""


@dataclass(frozen=True)
class TextRun:
    x: float
    baseline: float
    text: str
    size: float
    bold: bool = False
    color: Color = BLACK
    char_spacing: float = 0.0


@dataclass(frozen=True)
class Stroke:
    x0: float
    y0: float
    x1: float
    y1: float
    color: Color = GREY
    width: float = 0.6


@dataclass(frozen=True)
class Frame:
    """A rectangle: filled when `fill` is set, otherwise a thin border (a table cell)."""

    x: float
    y: float
    width: float
    height: float
    fill: Color | None = None


Operation = TextRun | Stroke | Frame
Page = list[Operation]


@dataclass(frozen=True)
class Typeface:
    regular: str  # reportlab font names; measuring goes through reportlab for both producers
    bold: str
    fpdf_family: str
    files: tuple[Path, Path] | None = None  # TrueType files; None for the standard PDF fonts
    coverage: frozenset[str] = frozenset()  # characters of a TrueType font beyond ASCII

    def font_name(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def measure(self, text: str, size: float, bold: bool = False, char_spacing: float = 0.0) -> float:
        return float(pdfmetrics.stringWidth(text, self.font_name(bold), size)) + char_spacing * len(text)


HELVETICA = Typeface("Helvetica", "Helvetica-Bold", "helvetica")
TIMES = Typeface("Times-Roman", "Times-Bold", "times")


@cache
def unicode_typeface() -> Typeface:
    """The first installed TrueType font pair that has the ﬁ and ﬂ ligature glyphs."""
    for regular, bold in FONT_CANDIDATES:
        if not (regular.is_file() and bold.is_file()):
            continue
        fonts = TTFont("CVSans", str(regular)), TTFont("CVSans-Bold", str(bold))
        coverage = frozenset(chr(code) for code in fonts[0].face.charToGlyph if code > 127)
        if set(REQUIRED_LIGATURES) <= coverage:
            for font in fonts:
                pdfmetrics.registerFont(font)
            return Typeface("CVSans", "CVSans-Bold", "CVSans", (regular, bold), coverage)
    tried = ", ".join(str(regular) for regular, _ in FONT_CANDIDATES)
    raise FontNotFoundError(
        f"No TrueType font with the ligature glyphs U+FB01/U+FB02 was found (tried {tried}); "
        "install DejaVu Sans (Debian/Ubuntu package fonts-dejavu-core)."
    )


def printed_text(spec: CVSpec) -> Iterator[str]:
    """Every string the CV prints."""
    yield from (spec.name, spec.headline, spec.summary, spec.email or "", spec.phone or "")
    yield spec.location or ""
    for job in spec.jobs:
        yield from (job.title, job.employer, job.dates_text, *job.bullets)
    yield from (entry.text for entry in spec.education)
    yield from (*spec.certifications, *spec.skills)
    for extra in spec.extras:
        yield from (extra.heading, *extra.lines)


def typeface_for(spec: CVSpec) -> Typeface:
    if spec.layout == "ligature" or not _fits_standard_fonts(spec):
        return unicode_typeface()
    return TIMES if spec.style.typeface == "serif" else HELVETICA


def _fits_standard_fonts(spec: CVSpec) -> bool:
    """The standard PDF fonts only cover cp1252; a name such as 'Łukasz' needs an embedded font."""
    try:
        "".join(printed_text(spec)).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


# --- typography -----------------------------------------------------------------------------------


def _unchanged(text: str) -> str:
    return text


@dataclass(frozen=True)
class Typography:
    """How body text, certification lines and headings are set; the plain one changes nothing."""

    body: Callable[[str], str] = _unchanged
    certificate: Callable[[str], str] = _unchanged
    heading_spacing: float = 0.0
    acronym_spacing: float = 0.0  # letter-spacing of an acronym that opens a certification line


PLAIN = Typography()

LIGATURES = (("ffi", "\ufb03"), ("fi", "\ufb01"), ("fl", "\ufb02"))
LONG_WORD = re.compile(r"\b[a-z]{10,}\b")
VOWELS = frozenset("aeiouy")
TRADEMARKS = re.compile(
    r"\b(PMP|PRINCE2|CAPM|PgMP|ITIL|ScrumMaster|SAFe)\b(?![®™])|(Project ?\+)(?![®™])"
)
MONTH_YEAR = re.compile(r"\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?) (\d{4})")
ACRONYM_AND_LEVEL = re.compile(r"\b([A-Z][A-Z0-9]+) (\d\b|I+\b|Foundation|Practitioner)")


def _soft_hyphenate(word: str) -> str:
    """`word` with a soft hyphen near its middle, after a vowel where one allows it ("manage-ment")."""
    middle = len(word) // 2
    cuts = [cut for cut in range(middle - 2, middle + 3) if word[cut - 1] in VOWELS and word[cut] not in VOWELS]
    cut = cuts[0] if cuts else middle
    return f"{word[:cut]}{SOFT_HYPHEN}{word[cut:]}"


def fine_typography(typeface: Typeface) -> Typography:
    """Typesetting as desktop publishing leaves it: ligatures, invisible spaces, ® and letter-spacing."""
    ligatures = tuple((plain, glyph) for plain, glyph in LIGATURES if glyph in typeface.coverage)
    zero_width = ZERO_WIDTH_SPACE if ZERO_WIDTH_SPACE in typeface.coverage else ""

    def finish(text: str) -> str:
        text = ACRONYM_AND_LEVEL.sub(rf"\1{NBSP}\2", MONTH_YEAR.sub(rf"\1{NBSP}\2", text))
        text = text.replace("/", "/" + zero_width).replace("ScrumMaster", f"Scrum{zero_width}Master")
        for plain, glyph in ligatures:
            text = text.replace(plain, glyph)
        return text

    def body(text: str) -> str:
        return finish(LONG_WORD.sub(lambda match: _soft_hyphenate(match[0]), text))

    def certificate(text: str) -> str:
        marked = TRADEMARKS.sub(lambda m: m[0] + ("®" if m[1] else "™"), text)
        return finish(marked)

    return Typography(body, certificate, heading_spacing=2.2, acronym_spacing=3.0)


# --- line breaking and columns ---------------------------------------------------------------------


def _visible(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "")


def _break_at_soft_hyphen(
    line: str, word: str, width: float, measure: Callable[[str], float]
) -> tuple[str, str] | None:
    """The longest head of `word` up to a soft hyphen that still fits after `line`, and the rest."""
    parts = word.split(SOFT_HYPHEN)
    for cut in range(len(parts) - 1, 0, -1):
        head = f"{line} {''.join(parts[:cut])}{SOFT_HYPHEN}".lstrip(" ")
        if measure(head) <= width:
            return head, SOFT_HYPHEN.join(parts[cut:])
    return None


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap; a soft hyphen is a break point and is printed only where a word is broken."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            while line and measure(_visible(f"{line} {word}")) > width:
                broken = _break_at_soft_hyphen(_visible(line), word, width, measure)
                if broken is None:
                    lines.append(_visible(line))
                    line = ""
                else:
                    lines.append(broken[0])
                    line, word = "", broken[1]
            line = f"{line} {word}" if line else word
        lines.append(_visible(line))
    return lines


@dataclass
class Column:
    """Writes text top to bottom between two x positions, continuing on the next page when full."""

    pages: list[Page]
    typeface: Typeface
    x: float
    width: float
    y: float
    bottom: float
    body_size: float = BODY_SIZE
    page: int = 0
    top_of_next_page: float = MARGIN

    def draw(self, operation: Operation) -> None:
        while len(self.pages) <= self.page:
            self.pages.append([])
        self.pages[self.page].append(operation)

    def ensure_room(self, height: float) -> None:
        if self.y + height > self.bottom:
            self.page += 1
            self.y = self.top_of_next_page

    def gap(self, height: float) -> None:
        self.y += height

    def line(
        self, text: str, size: float, bold: bool = False, color: Color = BLACK, indent: float = 0.0,
        spacing: float = 0.0,
    ) -> None:
        self.ensure_room(size * LEADING)
        # A soft hyphen is printed only where it broke a word, at the end of a line.
        text = _visible(text[:-1]) + text[-1:]
        self.draw(TextRun(self.x + indent, self.y + size, text, size, bold, color, spacing))
        self.y += size * LEADING

    def paragraph(
        self, text: str, size: float | None = None, bold: bool = False, bullet: bool = False
    ) -> None:
        size = size or self.body_size
        indent = BULLET_INDENT if bullet else 0.0
        lines = wrap(text, self.width - indent, lambda s: self.typeface.measure(s, size, bold))
        for number, line in enumerate(lines):
            self.line(line, size, bold, indent=indent)
            if bullet and number == 0:
                self.draw(TextRun(self.x + 2, self.y - size * (LEADING - 1), "•", size))

    def pair(self, left: str, right: str, size: float) -> None:
        """`left` in bold with `right` flush right on the same line, or below it when both do not fit."""
        right_width = self.typeface.measure(right, size)
        if self.typeface.measure(left, size, bold=True) + right_width + 12 > self.width:
            self.paragraph(left, size, bold=True)
            self.line(right, size, color=GREY)
            return
        self.ensure_room(size * LEADING)
        self.draw(TextRun(self.x + self.width - right_width, self.y + size, right, size))
        self.line(left, size, bold=True)

    def spaced_lead(self, lead: str, rest: str, size: float, spacing: float) -> None:
        """A line whose first word is letter-spaced, as designers set an acronym such as PMP."""
        self.ensure_room(size * LEADING)
        self.draw(TextRun(self.x, self.y + size, lead, size, bold=True, char_spacing=spacing))
        lead_width = self.typeface.measure(lead, size, bold=True, char_spacing=spacing)
        self.line(rest, size, indent=lead_width)

    def rule(self, color: Color = GREY) -> None:
        self.draw(Stroke(self.x, self.y, self.x + self.width, self.y, color))

    def table(self, rows: Sequence[Sequence[str]], fractions: Sequence[float], head: bool = False) -> None:
        """Bordered rows; a one-cell row spans the full width. The first row is shaded when `head`."""
        for number, row in enumerate(rows):
            widths = [self.width] if len(row) == 1 else [self.width * share for share in fractions]
            self.table_row(row, widths, shaded=head and number == 0)

    def table_row(self, row: Sequence[str], widths: Sequence[float], shaded: bool) -> None:
        size = self.body_size - 0.5

        def measure(text: str) -> float:
            return self.typeface.measure(text, size, shaded)

        pairs = zip(row, widths, strict=True)
        cells = [wrap(text, width - 2 * CELL_PADDING, measure) for text, width in pairs]
        height = max(len(lines) for lines in cells) * size * LEADING + 2 * CELL_PADDING
        self.ensure_room(height)
        x = self.x
        for lines, width in zip(cells, widths, strict=True):
            if shaded:
                self.draw(Frame(x, self.y, width, height, TABLE_HEAD_FILL))
            self.draw(Frame(x, self.y, width, height))
            for index, line in enumerate(lines):
                baseline = self.y + CELL_PADDING + size + index * size * LEADING
                self.draw(TextRun(x + CELL_PADDING, baseline, line, size, shaded))
            x += width
        self.y += height


# --- sections ------------------------------------------------------------------------------------


def heading(column: Column, title: str, style: Style, typography: Typography) -> None:
    column.ensure_room(60)  # never leave a heading alone at the foot of a page
    column.gap(9)
    text = title.upper() if style.caps_headings else title
    size = column.body_size + (1.5 if style.caps_headings else 3.0)
    spacing = typography.heading_spacing

    def measure(line: str) -> float:
        return column.typeface.measure(line, size, True, spacing)

    for line in wrap(text, column.width, measure):
        column.line(line, size, True, ACCENT, spacing=spacing)
    column.rule(ACCENT)
    column.gap(4)


def contact_items(spec: CVSpec) -> list[str]:
    return [item for item in (spec.email, spec.phone, spec.location) if item]


def header(column: Column, spec: CVSpec, typography: Typography, with_contact: bool) -> None:
    column.line(spec.name, 22, bold=True)
    column.gap(2)
    column.line(typography.body(spec.headline), 12.5, color=ACCENT)
    if with_contact:
        column.paragraph("  |  ".join(contact_items(spec)), 9.5)
    column.gap(4)
    column.rule()


def summary_section(column: Column, spec: CVSpec, typography: Typography) -> None:
    heading(column, spec.style.headings.summary, spec.style, typography)
    column.paragraph(typography.body(spec.summary))


def experience_section(column: Column, spec: CVSpec, typography: Typography) -> None:
    heading(column, spec.style.headings.experience, spec.style, typography)
    for job in spec.jobs:
        column.ensure_room(50)
        title = typography.body(f"{job.title} — {job.employer}")
        if spec.style.dates_right:
            column.pair(title, typography.body(job.dates_text), column.body_size)
        else:
            column.paragraph(typography.body(job.title), bold=True)
            column.paragraph(typography.body(", ".join(filter(None, (job.employer, job.dates_text)))))
        for bullet in job.bullets:
            column.paragraph(typography.body(bullet), bullet=True)
        column.gap(5)


def experience_table(column: Column, spec: CVSpec, typography: Typography) -> None:
    heading(column, spec.style.headings.experience, spec.style, typography)
    rows: list[tuple[str, ...]] = [("Period", "Position", "Employer")]
    for job in spec.jobs:
        rows.append(tuple(typography.body(text) for text in (job.dates_text, job.title, job.employer)))
        if job.bullets:
            rows.append(("\n".join(f"• {typography.body(bullet)}" for bullet in job.bullets),))
    column.table(rows, (0.24, 0.42, 0.34), head=True)


def education_section(column: Column, spec: CVSpec, typography: Typography) -> None:
    if not spec.education:
        return
    heading(column, spec.style.headings.education, spec.style, typography)
    for entry in spec.education:
        column.paragraph(typography.body(entry.text))
        column.gap(2)


def certification_section(column: Column, spec: CVSpec, typography: Typography) -> None:
    if not spec.certifications:
        return
    heading(column, spec.style.headings.certifications, spec.style, typography)
    for printed in spec.certifications:
        text = typography.certificate(printed)
        lead, _, rest = text.partition(" ")
        spaced_width = column.typeface.measure(text, column.body_size, True, typography.acronym_spacing)
        if typography.acronym_spacing and lead.rstrip("®™").isupper() and spaced_width < column.width:
            column.spaced_lead(lead, rest, column.body_size, typography.acronym_spacing)
        else:
            column.paragraph(text)


def certification_grid(column: Column, spec: CVSpec, typography: Typography) -> None:
    if not spec.certifications:
        return
    heading(column, spec.style.headings.certifications, spec.style, typography)
    lines = [typography.certificate(line) for line in spec.certifications]
    if len(lines) % 2:
        lines.append("")
    column.table(list(zip(lines[::2], lines[1::2], strict=True)), (0.5, 0.5))


def skills_section(column: Column, spec: CVSpec, typography: Typography) -> None:
    if not spec.skills:
        return
    heading(column, spec.style.headings.skills, spec.style, typography)
    if spec.style.skills_inline:
        column.paragraph(typography.body(", ".join(spec.skills)))
        return
    for skill in spec.skills:
        column.paragraph(typography.body(skill), bullet=True)


def extra_sections(column: Column, spec: CVSpec, typography: Typography) -> None:
    for extra in spec.extras:
        heading(column, extra.heading, spec.style, typography)
        for line in extra.lines:
            column.paragraph(typography.body(line))


def contact_section(column: Column, spec: CVSpec, typography: Typography) -> None:
    heading(column, spec.style.headings.contact, spec.style, typography)
    for item in contact_items(spec):
        column.paragraph(item)


Section = Callable[[Column, CVSpec, Typography], None]


# --- layouts -------------------------------------------------------------------------------------


def compose_flowing(spec: CVSpec, typeface: Typeface, typography: Typography, tables: bool) -> list[Page]:
    """One column from top to bottom; `tables` sets experience and certifications in bordered tables."""
    width, height = PAGE_SIZES[spec.style.page]
    pages: list[Page] = []
    column = Column(pages, typeface, MARGIN, width - 2 * MARGIN, MARGIN, height - MARGIN)
    header(column, spec, typography, with_contact=True)
    sections: list[Section] = [
        summary_section,
        experience_table if tables else experience_section,
        education_section,
        certification_grid if tables else certification_section,
        skills_section,
        extra_sections,
    ]
    for section in sections:
        section(column, spec, typography)
    return pages


def compose_sidebar(spec: CVSpec, typeface: Typeface) -> list[Page]:
    """A name band across the top, then a shaded sidebar beside the experience column."""
    width, height = PAGE_SIZES[spec.style.page]
    pages: list[Page] = []
    band = Column(pages, typeface, MARGIN, width - 2 * MARGIN, MARGIN, height - MARGIN)
    header(band, spec, PLAIN, with_contact=False)
    top = band.y + 14
    main_width = width - 2 * MARGIN - SIDEBAR_WIDTH - GUTTER
    on_left = spec.style.sidebar_side == "left"
    side_x = MARGIN if on_left else width - MARGIN - SIDEBAR_WIDTH
    main_x = MARGIN + SIDEBAR_WIDTH + GUTTER if on_left else MARGIN
    band.draw(Frame(side_x - 8, top - 8, SIDEBAR_WIDTH + 16, height - MARGIN - top + 16, SIDEBAR_FILL))
    side = Column(pages, typeface, side_x, SIDEBAR_WIDTH, top, height - MARGIN, body_size=9.0)
    for side_section in (contact_section, skills_section, certification_section, education_section,
                         extra_sections):
        side_section(side, spec, PLAIN)
    main = Column(pages, typeface, main_x, main_width, top, height - MARGIN)
    summary_section(main, spec, PLAIN)
    experience_section(main, spec, PLAIN)
    return pages


def compose(spec: CVSpec, typeface: Typeface) -> list[Page]:
    composers: dict[Layout, Callable[[], list[Page]]] = {
        "single": lambda: compose_flowing(spec, typeface, PLAIN, tables=False),
        "table": lambda: compose_flowing(spec, typeface, PLAIN, tables=True),
        "ligature": lambda: compose_flowing(spec, typeface, fine_typography(typeface), tables=False),
        "sidebar": lambda: compose_sidebar(spec, typeface),
    }
    return composers[spec.layout]()


# --- producers -----------------------------------------------------------------------------------


def _rgb255(color: Color) -> tuple[int, int, int]:
    red, green, blue = (round(channel * 255) for channel in color)
    return red, green, blue


def _draw_fpdf(pdf: FPDF, operation: Operation, typeface: Typeface) -> None:
    if isinstance(operation, TextRun):
        pdf.set_font(typeface.fpdf_family, "B" if operation.bold else "", operation.size)
        pdf.set_text_color(*_rgb255(operation.color))
        pdf.set_char_spacing(operation.char_spacing)
        pdf.text(operation.x, operation.baseline, operation.text)
    elif isinstance(operation, Stroke):
        pdf.set_draw_color(*_rgb255(operation.color))
        pdf.set_line_width(operation.width)
        pdf.line(operation.x0, operation.y0, operation.x1, operation.y1)
    elif operation.fill is not None:
        pdf.set_fill_color(*_rgb255(operation.fill))
        pdf.rect(operation.x, operation.y, operation.width, operation.height, style="F")
    else:
        pdf.set_draw_color(*_rgb255(GREY))
        pdf.set_line_width(0.5)
        pdf.rect(operation.x, operation.y, operation.width, operation.height)


def write_fpdf(pages: list[Page], size: Size, typeface: Typeface, path: Path) -> None:
    pdf = FPDF(unit="pt", format=size)
    pdf.core_fonts_encoding = "cp1252"  # en dashes, bullets and ™ are all in cp1252
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_title("Curriculum Vitae")
    if typeface.files is not None:
        pdf.add_font(typeface.fpdf_family, "", str(typeface.files[0]))
        pdf.add_font(typeface.fpdf_family, "B", str(typeface.files[1]))
    for page in pages:
        pdf.add_page()
        for operation in page:
            _draw_fpdf(pdf, operation, typeface)
    pdf.output(str(path))


def _draw_reportlab(pdf: canvas.Canvas, operation: Operation, typeface: Typeface, page_height: float) -> None:
    if isinstance(operation, TextRun):
        pdf.setFont(typeface.font_name(operation.bold), operation.size)
        pdf.setFillColorRGB(*operation.color)
        pdf.drawString(
            operation.x, page_height - operation.baseline, operation.text, charSpace=operation.char_spacing
        )
    elif isinstance(operation, Stroke):
        pdf.setStrokeColorRGB(*operation.color)
        pdf.setLineWidth(operation.width)
        pdf.line(operation.x0, page_height - operation.y0, operation.x1, page_height - operation.y1)
    else:
        bottom = page_height - operation.y - operation.height
        pdf.setStrokeColorRGB(*GREY)
        pdf.setLineWidth(0.5)
        if operation.fill is not None:
            pdf.setFillColorRGB(*operation.fill)
        pdf.rect(
            operation.x, bottom, operation.width, operation.height,
            stroke=int(operation.fill is None), fill=int(operation.fill is not None),
        )


def write_reportlab(pages: list[Page], size: Size, typeface: Typeface, path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=size, invariant=1)
    pdf.setTitle("Curriculum Vitae")
    for page in pages:
        for operation in page:
            _draw_reportlab(pdf, operation, typeface, size[1])
        pdf.showPage()
    pdf.save()


WRITERS: dict[Producer, Callable[[list[Page], Size, Typeface, Path], None]] = {
    "fpdf2": write_fpdf,
    "reportlab": write_reportlab,
}


def render(spec: CVSpec, path: Path) -> int:
    """Writes `spec` to `path` as a PDF and returns its number of pages."""
    typeface = typeface_for(spec)
    pages = compose(spec, typeface)
    WRITERS[spec.producer](pages, PAGE_SIZES[spec.style.page], typeface, path)
    return len(pages)


__all__ = ["FontNotFoundError", "render", "typeface_for", "unicode_typeface", "wrap"]
