"""One candidate as a PDF a colleague can check without the app: role fit, both scores with every piece of
evidence and its points, the must-haves, the decision and note, and the CV pages with the evidence boxed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
import reportlab
from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepInFrame

from screener.blind import scrub
from screener.errors import UnreadablePdfError
from screener.export import ROLE_FIT_LABELS
from screener.models import Axis, Box, Candidate, Evidence

__all__ = [
    "MAX_PAGES_SHOWN",
    "PageImage",
    "ReportReview",
    "cv_pages_to_show",
    "render_cv_pages",
    "write_candidate_report",
]

MAX_PAGES_SHOWN = 2  # CV pages drawn side by side on the report's last page
_RENDER_SCALE = 2.0  # pixels per PDF point: sharp when printed at the report's half width
_AXIS_COLOURS: dict[Axis, colors.Color] = {
    "management": colors.HexColor("#1f77b4"),
    "technical": colors.HexColor("#d62728"),
}
_FONT, _BOLD = "ReportSans", "ReportSans-Bold"
_SMALL = 7.0  # points: what the evidence was read from, and captions


@dataclass(frozen=True)
class PageImage:
    """One CV page as an image, with its size in PDF points so evidence boxes can be placed on it."""

    page: int  # 1-based
    size: tuple[float, float]
    image: Image.Image
    covered: bool = False  # its personal details and images are painted over: a blind report may show it


@dataclass(frozen=True)
class ReportReview:
    """The reviewer's side of the report: their decision and note, and whether identity is hidden."""

    decision: str = "none"
    note: str = ""
    blind_label: str = ""  # "Candidate 17" in blind mode: no name, contact or file is written


def cv_pages_to_show(candidate: Candidate) -> list[int]:
    """The CV pages holding the most evidence, in page order (the first page when none holds any)."""
    counts: dict[int, int] = {}
    for evidence in candidate.scores.evidence if candidate.scores else ():
        counts[evidence.span.page] = counts.get(evidence.span.page, 0) + 1
    busiest = sorted(counts, key=lambda page: (-counts[page], page))[:MAX_PAGES_SHOWN]
    return sorted(busiest) or [1]


def render_cv_pages(
    file: Path, pages: Sequence[int], scale: float = _RENDER_SCALE, covers: Mapping[int, Sequence[Box]] | None = None
) -> list[PageImage]:
    """Render the given pages with PDFium (the app calls this on its PDFium thread); pages past the end are
    skipped. With `covers` (screener.blind.covers_by_page), each page's boxes are painted over in black."""
    try:
        pdf = pdfium.PdfDocument(file)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdfError(f"Cannot read {file}: {exc}") from exc
    try:
        rendered = [_render(pdf, page, scale) for page in pages if 1 <= page <= len(pdf)]
    finally:
        pdf.close()
    return rendered if covers is None else [_covered(page, covers.get(page.page, ())) for page in rendered]


def _covered(page: PageImage, boxes: Sequence[Box]) -> PageImage:
    image = page.image.convert("RGB")
    scale = image.width / page.size[0]
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle((box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale), fill=(0, 0, 0))
    return PageImage(page.page, page.size, image, covered=True)


def _render(pdf: pdfium.PdfDocument, page: int, scale: float) -> PageImage:
    pdf_page = pdf[page - 1]
    try:
        size = pdf_page.get_size()
        bitmap = pdf_page.render(scale=scale)
        try:
            return PageImage(page, (float(size[0]), float(size[1])), bitmap.to_pil().copy())
        finally:
            bitmap.close()
    finally:
        pdf_page.close()


class _BoxedPage(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """A CV page scaled to a width, with each piece of evidence on it framed in its axis's colour."""

    def __init__(self, page: PageImage, evidence: Sequence[Evidence], width: float) -> None:
        super().__init__()
        self._page = page
        self._evidence = [e for e in evidence if e.span.page == page.page]
        self._scale = width / page.size[0]
        self.width, self.height = width, page.size[1] * self._scale

    def draw(self) -> None:
        canvas = self.canv
        canvas.drawInlineImage(self._page.image, 0, 0, self.width, self.height)
        canvas.setStrokeColor(colors.grey)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setLineWidth(1.2)
        for evidence in self._evidence:
            box, scale = evidence.span.box, self._scale
            canvas.setStrokeColor(_AXIS_COLOURS[evidence.axis])
            canvas.rect(
                box.x0 * scale,
                self.height - box.bottom * scale,
                (box.x1 - box.x0) * scale,
                (box.bottom - box.top) * scale,
            )


def _register_fonts() -> None:
    """A font with accents and typographic quotes, embedded so the text can be searched and copied."""
    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    bundled = Path(reportlab.__file__).parent / "fonts"
    regular, bold = dejavu / "DejaVuSans.ttf", dejavu / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        regular, bold = bundled / "Vera.ttf", bundled / "VeraBd.ttf"
    pdfmetrics.registerFont(TTFont(_FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(_BOLD, str(bold)))


def _styles() -> dict[str, ParagraphStyle]:
    sample = getSampleStyleSheet()
    body = ParagraphStyle("body", sample["BodyText"], fontName=_FONT, fontSize=9, leading=11.5)
    return {
        "title": ParagraphStyle("title", body, fontName=_BOLD, fontSize=15, leading=19, spaceAfter=4),
        "heading": ParagraphStyle("heading", body, fontName=_BOLD, fontSize=11, leading=14, spaceBefore=8),
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=_SMALL, leading=9, textColor=colors.dimgrey),
        "cell": ParagraphStyle("cell", body, fontSize=7.5, leading=9),
    }


def _text(value: object) -> str:
    return escape(str(value))


def _table(rows: list[list[Any]], widths: Sequence[float], *, evidence: bool = True) -> Table:
    """A table with a bold header; an evidence table has its source in grey and its numbers to the right."""
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), _FONT, 7.5),
                ("FONT", (0, 0), (-1, 0), _BOLD, 7.5),
                *(
                    [("TEXTCOLOR", (1, 1), (1, -1), colors.dimgrey), ("FONTSIZE", (1, 1), (1, -1), _SMALL)]
                    if evidence
                    else []
                ),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *([("ALIGN", (2, 1), (3, -1), "RIGHT")] if evidence else []),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
            ]
        )
    )
    return table


def _who(candidate: Candidate, review: ReportReview) -> list[str]:
    if review.blind_label:
        return [review.blind_label, "Blind review: name, contact details and file name are left out."]
    contact = candidate.contact
    reach = " · ".join(part for part in (contact.email, contact.phone) if part)
    return [contact.name or Path(candidate.file).name, " · ".join(p for p in (reach, Path(candidate.file).name) if p)]


def _summary(candidate: Candidate, review: ReportReview, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    scores = candidate.scores
    title, subtitle = _who(candidate, review)
    story: list[Flowable] = [Paragraph(_text(title), styles["title"]), Paragraph(_text(subtitle), styles["small"])]
    if scores is None:
        return [*story, Paragraph(_text(f"Not screened: {candidate.error or candidate.status}"), styles["body"])]
    story.append(
        Paragraph(
            f"<b>Role fit:</b> {_text(ROLE_FIT_LABELS[scores.role_fit])} &nbsp; <b>Management:</b> "
            f"{scores.management:.0f} &nbsp; <b>Technical:</b> {scores.technical:.0f} &nbsp; "
            f"<b>Decision:</b> {_text(review.decision if review.decision != 'none' else 'not decided')}",
            styles["body"],
        )
    )
    if review.note:
        story.append(Paragraph(f"<b>Note:</b> {_text(review.note)}", styles["body"]))
    return story


def _evidence_tables(
    candidate: Candidate, styles: dict[str, ParagraphStyle], width: float, shown: Callable[[str], str]
) -> list[Flowable]:
    story: list[Flowable] = []
    evidence = candidate.scores.evidence if candidate.scores else ()
    for axis, total in (("management", _total(evidence, "management")), ("technical", _total(evidence, "technical"))):
        story.append(Paragraph(f"{axis.capitalize()} score {total:.0f}: its evidence", styles["heading"]))
        items = [e for e in evidence if e.axis == axis]
        rows: list[list[Any]] = [["Evidence", "Read from", "Points", "Page"]]
        rows += [
            [
                Paragraph(_text(shown(e.label)), styles["cell"]),
                _one_line(shown(e.span.text), width * 0.40),
                f"{e.points:+.1f}",
                str(e.span.page),
            ]
            for e in items
        ]
        story.append(
            _table(rows, (width * 0.46, width * 0.42, width * 0.07, width * 0.05))
            if items
            else Paragraph("No evidence on this axis.", styles["body"])
        )
    return story


def _one_line(text: str, width: float) -> str:
    """The text cut to one line of the table's small type, so each piece of evidence takes one row."""
    if pdfmetrics.stringWidth(text, _FONT, _SMALL) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", _FONT, _SMALL) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _total(evidence: Sequence[Evidence], axis: Axis) -> float:
    return sum(e.points for e in evidence if e.axis == axis)


def _gates(
    candidate: Candidate, styles: dict[str, ParagraphStyle], width: float, shown: Callable[[str], str]
) -> list[Flowable]:
    fit = candidate.profile_fit
    if fit is None:
        return [Paragraph("Must-haves", styles["heading"]), Paragraph("No role profile was applied.", styles["body"])]
    rows: list[list[Any]] = [["Must-have", "Outcome", "Evidence"]]
    rows += [
        [
            Paragraph(_text(g.requirement), styles["body"]),
            g.outcome,
            Paragraph(_text(shown(g.evidence)), styles["body"]),
        ]
        for g in fit.gates
    ]
    return [
        Paragraph(_text(f"Must-haves of the profile “{fit.profile}”"), styles["heading"]),
        _table(rows, (width * 0.4, width * 0.12, width * 0.48), evidence=False),
    ]


def _cv_pages(
    candidate: Candidate, pages: Sequence[PageImage], styles: dict[str, ParagraphStyle], width: float, height: float
) -> list[Flowable]:
    if not pages:
        return []
    evidence = candidate.scores.evidence if candidate.scores else ()
    gap = 4 * mm
    each = (width - gap * (len(pages) - 1)) / len(pages)
    caption = Paragraph(
        _text(
            f"CV page{'s' if len(pages) > 1 else ''} {', '.join(str(p.page) for p in pages)} of {candidate.pages}: "
            "management evidence framed in blue, technical in red"
            + ("; personal details and photos covered in black for blind review." if pages[0].covered else ".")
        ),
        styles["small"],
    )
    row = Table([[_BoxedPage(page, evidence, each) for page in pages]], colWidths=[each + gap] * len(pages))
    row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [PageBreak(), caption, Spacer(1, 2 * mm), KeepInFrame(width, height - 12 * mm, [row], mode="shrink")]


def write_candidate_report(out: Path, candidate: Candidate, review: ReportReview, pages: Sequence[PageImage]) -> None:
    """Write the report: the summary and evidence first, then the CV pages given (see cv_pages_to_show)."""
    _register_fonts()
    styles = _styles()
    document = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=review.blind_label or f"Candidate report: {candidate.contact.name or Path(candidate.file).name}",
        author="CV Screener",
        subject="blind" if review.blind_label else "",
    )
    width, height = document.width, document.height
    shown: Callable[[str], str] = (lambda text: text) if not review.blind_label else partial(scrub, candidate=candidate)
    if review.blind_label:  # a page shows the name and contact details at the top, unless they were covered
        pages = [page for page in pages if page.covered]
    story = [
        *_summary(candidate, review, styles),
        *_evidence_tables(candidate, styles, width, shown),
        *_gates(candidate, styles, width, shown),
        Spacer(1, 3 * mm),
        Paragraph("Made by CV Screener, which assists: the decision is the reviewer's.", styles["small"]),
        *(
            [Paragraph("Blind review: the CV pages are left out.", styles["small"])]
            if review.blind_label and not pages
            else []
        ),
        *_cv_pages(candidate, pages, styles, width, height),
    ]
    document.build(story)
