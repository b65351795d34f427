"""The candidate report: a PDF a colleague can check without the app, read back as they would read it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from screener.candidate_report import ReportReview, cv_pages_to_show, render_cv_pages, write_candidate_report
from screener.cli import main
from screener.errors import UnreadablePdfError
from screener.explain import read_in_a_worker
from screener.models import Candidate, GateResult, ProfileFit
from screener.settings import Settings
from screener.store import Session
from tests.personal_cv import pdf_text

TPM_CV = Path(__file__).resolve().parents[2] / "samples" / "amelia_whitfield_tpm.pdf"


@pytest.fixture(scope="module")
def screened() -> tuple[Path, Candidate]:
    """A TPM's CV, with evidence on both axes, and its result."""
    _document, candidate = read_in_a_worker(TPM_CV, Settings())
    return TPM_CV, candidate


def test_the_command_writes_every_evidence_item_its_points_and_the_session_s_decision(
    screened: tuple[Path, Candidate], tmp_path: Path
) -> None:
    cv, candidate = screened
    with Session.open(tmp_path / "s.sqlite") as session:
        session.record(candidate, scored_with="x")
        session.set_decision(candidate.sha256, "shortlist")
        session.set_note(candidate.sha256, "Strong on delivery; ask about budgets")
    out = tmp_path / "report.pdf"
    assert main(["report", str(cv), "--out", str(out), "--session", str(tmp_path / "s.sqlite")]) == 0
    pages, text = pdf_text(out)
    assert 1 <= pages <= 2
    assert candidate.scores is not None
    for evidence in candidate.scores.evidence:
        assert re.sub(r"\s+", " ", evidence.label) in text
        assert f"{evidence.points:+.1f}" in text
    assert f"Management: {candidate.scores.management:.0f}" in text
    assert "Decision: shortlist" in text and "Strong on delivery; ask about budgets" in text
    assert "framed in blue" in text  # the CV page follows


def test_the_cv_page_is_drawn_with_the_evidence_framed(screened: tuple[Path, Candidate], tmp_path: Path) -> None:
    cv, candidate = screened
    out = tmp_path / "report.pdf"
    write_candidate_report(out, candidate, ReportReview(), render_cv_pages(cv, cv_pages_to_show(candidate)))
    pdf = pdfium.PdfDocument(out)
    page = pdf[len(pdf) - 1]
    bitmap = page.render(scale=1)
    data = bitmap.to_pil().convert("RGB").tobytes()
    bitmap.close()
    page.close()
    pdf.close()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    framed_blue = sum(1 for r, g, b in pixels if (r, g, b) == (0x1F, 0x77, 0xB4))
    framed_red = sum(1 for r, g, b in pixels if (r, g, b) == (0xD6, 0x27, 0x28))
    assert candidate.scores is not None
    assert framed_blue > 20 and framed_red > 20


def test_the_must_haves_are_listed_with_their_evidence(screened: tuple[Path, Candidate], tmp_path: Path) -> None:
    _cv, candidate = screened
    gates = (GateResult("PMP held", "pass", "PMP (page 1)"), GateResult("5 years managing", "unknown", "no dates"))
    fitted = replace(candidate, profile_fit=ProfileFit("Delivery lead", gates, 0.0, 1.0))
    write_candidate_report(tmp_path / "r.pdf", fitted, ReportReview(), [])
    _pages, text = pdf_text(tmp_path / "r.pdf")
    assert "Must-haves of the profile “Delivery lead”" in text
    assert "PMP held pass PMP (page 1)" in text and "5 years managing unknown no dates" in text


def test_a_blind_report_names_no_one_and_shows_no_page(screened: tuple[Path, Candidate], tmp_path: Path) -> None:
    cv, candidate = screened
    write_candidate_report(
        tmp_path / "r.pdf", candidate, ReportReview(blind_label="Candidate 17"), render_cv_pages(cv, [1])
    )
    _pages, text = pdf_text(tmp_path / "r.pdf")
    assert "Candidate 17" in text and "blind" in text.lower()
    hidden = [candidate.contact.name, candidate.contact.email, candidate.contact.phone, cv.name]
    assert not [field for field in hidden if field and field in text]
    assert "framed in blue" not in text


def test_a_missing_cv_is_refused(tmp_path: Path) -> None:
    assert main(["report", str(tmp_path / "none.pdf"), "--out", str(tmp_path / "r.pdf")]) == 2
    assert not (tmp_path / "r.pdf").exists()


def test_a_damaged_cv_has_no_page_to_render(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(UnreadablePdfError):
        render_cv_pages(broken, [1])
