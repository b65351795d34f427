"""Reading PDFs: reading order across columns, section headings, boxes, and clear reasons for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from fpdf import FPDF

from screener.errors import UnreadablePdfError
from screener.pdftext import Backend, read_document

SIDEBAR = ["SKILLS", "Python and SQL", "Stakeholder management", "CERTIFICATIONS", "PMP", "PRINCE2 Practitioner"]
MAIN = [
    "EXPERIENCE",
    "Technical Project Manager, Initech",
    "Jan 2018 - Present",
    "Led migration of payment services to the cloud",
    "Managed budget and risk register",
    "Software Engineer, Hooli",
]


def two_column_pdf(path: Path) -> Path:
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 22)
    pdf.set_xy(40, 40)
    pdf.cell(400, 26, "Dana Whitfield")
    for column_x, lines in ((40, SIDEBAR), (230, MAIN)):
        y = 100.0
        for text in lines:
            heading = text.isupper()
            pdf.set_font("Helvetica", "B" if heading else "", 13 if heading else 10)
            pdf.set_xy(column_x, y)
            pdf.cell(170 if column_x == 40 else 320, 14, text)
            y += 18
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_two_columns_are_read_one_after_the_other(tmp_path: Path, backend: Backend) -> None:
    document = read_document(two_column_pdf(tmp_path / "cv.pdf"), backend)
    texts = [line.text for line in document.lines]
    assert texts == ["Dana Whitfield", *SIDEBAR, *MAIN]


def test_lines_know_their_section_and_box(tmp_path: Path) -> None:
    document = read_document(two_column_pdf(tmp_path / "cv.pdf"))
    by_text = {line.text: line for line in document.lines}
    assert by_text["PMP"].section == "certifications"
    assert by_text["Managed budget and risk register"].section == "experience"
    assert by_text["EXPERIENCE"].is_heading
    assert not by_text["Dana Whitfield"].is_heading
    box = by_text["PMP"].box
    assert 38 < box.x0 < 45 and box.x1 < 230 and box.top > 100


def test_a_line_is_bold_when_most_of_its_letters_are_set_in_a_bold_font(tmp_path: Path) -> None:
    fonts = Path(reportlab.__file__).parent / "fonts"
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("Vera", "", str(fonts / "Vera.ttf"))
    pdf.add_font("Vera", "B", str(fonts / "VeraBd.ttf"))
    pdf.add_page()
    pdf.set_font("Vera", "", 11)
    rows = [
        "**EXPERIENCE**",
        "Led the migration of payment services",
        "**Project Manager, Initech**",
        "**Tools:** Python, SQL",
    ]
    for y, row in enumerate(rows):
        pdf.set_xy(50, 60 + 20 * y)
        pdf.cell(400, 14, row, markdown=True)
    pdf.output(str(tmp_path / "cv.pdf"))
    bold = {line.text: line.bold for line in read_document(tmp_path / "cv.pdf").lines}
    assert bold == {
        "EXPERIENCE": True,
        "Led the migration of payment services": False,
        "Project Manager, Initech": True,
        "Tools: Python, SQL": False,
    }


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"<html><body>CV</body></html>", "not a PDF (an HTML page"),
        (b"PK\x03\x04 docx body", "not a PDF (a Word/ZIP file"),
        (b"\x00\x13random bytes" * 50, "not a PDF file"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "damaged"),
    ],
)
def test_bad_files_get_a_clear_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadablePdfError, match=reason.replace("(", r"\(")):
        read_document(path)


def test_image_only_pdf_says_scanned(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(UnreadablePdfError, match="scanned"):
        read_document(path)


def test_long_document_is_cut_short_and_says_so(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(40):
        pdf.add_page()
        pdf.cell(100, 10, f"Page {number + 1} of a very long document")
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    document = read_document(path, max_pages=30)
    assert (document.pages, document.pages_read) == (40, 30)
    assert document.warnings == ("only the first 30 of 40 pages were read",)


def test_a_new_page_continues_the_section_of_its_column_not_the_sidebar(tmp_path: Path) -> None:
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    column = [("EXPERIENCE", True), *[(f"Engineer at Company {n}, 2010 - 2012", False) for n in range(8)]]
    sidebar = [("EDUCATION", True), *[(f"Course {n}", False) for n in range(8)]]
    for x, lines in ((40, column), (400, sidebar)):
        for row, (text, heading) in enumerate(lines):
            pdf.set_font("Helvetica", "B" if heading else "", 13 if heading else 10)
            pdf.set_xy(x, 60 + 18 * row)
            pdf.cell(150, 14, text)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(40, 60)
    pdf.cell(300, 14, "Developer at Initech, 2008 - 2010")
    path = tmp_path / "two-pages.pdf"
    pdf.output(str(path))
    last = read_document(path).lines[-1]
    assert (last.page, last.text, last.section) == (2, "Developer at Initech, 2008 - 2010", "experience")


def words_placed_by_position(path: Path, lines: list[str], *, tracking: float = 0.0, squeeze: float = 0.0) -> Path:
    """Each word drawn on its own at its x, no space glyph between words, as HTML-to-PDF printers do.

    `squeeze` sets letters closer than their advance (negative spacing); `tracking` spreads them apart.
    """
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Times", "", 10)
    space = pdf.get_string_width(" ")
    for row, text in enumerate(lines):
        x = 40.0
        pdf.set_char_spacing(tracking - squeeze)
        for word in text.split():
            pdf.text(x, 60 + 16 * row, word)
            x += pdf.get_string_width(word) + space * 0.6 + tracking
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_words_placed_without_space_glyphs_are_split_at_their_gaps(tmp_path: Path, backend: Backend) -> None:
    lines = ["Master of Science in Electrical Engineering", "Led a team of the staff offshore"]
    path = words_placed_by_position(tmp_path / "html.pdf", lines, squeeze=0.4)
    assert [line.text for line in read_document(path, backend).lines] == lines


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_letter_spaced_heading_keeps_its_words(tmp_path: Path, backend: Backend) -> None:
    path = words_placed_by_position(tmp_path / "tracked.pdf", ["WORK HISTORY"], tracking=3.0)
    assert [line.text for line in read_document(path, backend).lines] == ["WORK HISTORY"]
