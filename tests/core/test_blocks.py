"""Blocks: wrapped paragraphs and list items read as one text, separate items kept apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF

from screener.blocks import join_wrapped
from screener.pdftext import Backend, read_document
from screener.screening import Screener
from screener.settings import Settings

Entry = tuple[str, float]  # text, column width in points (text wider than that wraps)


def cv_pdf(path: Path, sections: dict[str, list[Entry]]) -> Path:
    """One column of headed sections; each entry wraps at its own width, entries a line apart."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(50, 40)
    pdf.cell(300, 22, "Robin Example")
    pdf.set_y(80)
    for heading, entries in sections.items():
        pdf.set_font("Helvetica", "B", 13)
        pdf.set_x(50)
        pdf.cell(300, 20, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        for text, width in entries:
            pdf.set_x(50)
            pdf.multi_cell(width, 12, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    pdf.output(str(path))
    return path


def block_texts(path: Path, backend: Backend = "pdfium") -> list[str]:
    return [block.text for block in join_wrapped(read_document(path, backend).lines)]


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_wrapped_paragraph_is_one_block(tmp_path: Path, backend: Backend) -> None:
    sentence = "Preparing for the Project Management Professional (PMP) exam while leading a delivery team"
    path = cv_pdf(tmp_path / "cv.pdf", {"SUMMARY": [(sentence, 150)]})
    assert sentence in block_texts(path, backend)


def test_list_items_in_a_narrow_column_stay_apart_and_a_status_line_joins(tmp_path: Path) -> None:
    items = [("CSM (Scrum Alliance)", 200), ("Certified Kubernetes Administrator", 200)]
    wrapped_status = ("Certification: PMP & Lean Six Sigma (In Progress)", 180)
    path = cv_pdf(tmp_path / "cv.pdf", {"CERTIFICATIONS": [*items, wrapped_status]})
    texts = block_texts(path)
    assert "CSM (Scrum Alliance)" in texts
    assert "Certified Kubernetes Administrator" in texts
    assert "Certification: PMP & Lean Six Sigma (In Progress)" in texts


def test_short_header_lines_are_not_joined(tmp_path: Path) -> None:
    header = ["Senior Project Manager", "Initrode Ltd", "Jan 2019 - Present"]
    duties = "Planned releases with four product teams and kept the budget, the risks and the schedule on track"
    entries = [(text, 300) for text in [*header, duties]]
    texts = block_texts(cv_pdf(tmp_path / "cv.pdf", {"EXPERIENCE": entries}))
    assert texts[-4:] == [*header, duties]


def test_wrapped_status_and_field_are_read_from_the_block(tmp_path: Path) -> None:
    path = cv_pdf(
        tmp_path / "cv.pdf",
        {
            "SUMMARY": [("Preparing for the Project Management Professional (PMP) exam this spring", 140)],
            "EDUCATION": [("B.Sc. in Business Information Systems, Example University, 2012", 130)],
        },
    )
    candidate = Screener(Settings(as_of=date(2024, 6, 30))).screen_document(read_document(path), "cv.pdf", "x")
    assert [(c.cert_id, c.status) for c in candidate.certifications] == [("pmp", "planned")]
    assert [(d.level, d.field, d.technical) for d in candidate.degrees] == [
        ("bachelor", "Business Information Systems", True)
    ]
