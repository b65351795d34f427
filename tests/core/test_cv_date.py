"""'Present' in a CV is the CV's own date: its date line, else its PDF's date, never after today."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from fpdf import FPDF

from screener.export import candidate_to_dict
from screener.pdftext import read_document
from screener.screening import Screener
from screener.settings import Settings


def dated_cv(path: Path, saved: datetime, date_line: str | None = None) -> Path:
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_creation_date(saved)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    lines = ["Robin Example", "EXPERIENCE", "Project Manager, Initrode", "Jan 2019 - Present"]
    for row, text in enumerate([*lines, *([date_line] if date_line else [])]):
        pdf.text(50, 60 + 16 * row, text)
    pdf.output(str(path))
    return path


def screened(path: Path, run_date: date | None = None) -> dict[str, object]:
    screener = Screener(Settings(as_of=run_date))
    return candidate_to_dict(screener.screen_document(read_document(path), path.name, "x"))


def test_an_old_pdf_counts_present_to_the_day_it_was_saved(tmp_path: Path) -> None:
    result = screened(dated_cv(tmp_path / "cv.pdf", datetime(2021, 1, 15, tzinfo=timezone.utc)))
    assert result["as_of"] == "2021-01-15"
    assert result["as_of_note"] == "as of Jan 2021, from the PDF"
    assert result["years_experience"] == 2.0


def test_the_cvs_own_date_line_wins_over_the_pdfs_date(tmp_path: Path) -> None:
    saved = datetime(2024, 5, 2, tzinfo=timezone.utc)
    result = screened(dated_cv(tmp_path / "cv.pdf", saved, "Last updated: June 2022"))
    assert result["as_of"] == "2022-06-30"
    assert result["as_of_note"] == "as of Jun 2022, from the CV's date line"


def test_a_date_set_for_the_run_overrides_the_cv(tmp_path: Path) -> None:
    path = dated_cv(tmp_path / "cv.pdf", datetime(2021, 1, 15, tzinfo=timezone.utc), "Last updated: June 2022")
    result = screened(path, run_date=date(2023, 12, 31))
    assert result["as_of_note"] == "as of Dec 2023, set for the run"
    assert result["years_experience"] == 5.0


def test_a_pdf_dated_in_the_future_counts_to_today(tmp_path: Path) -> None:
    result = screened(dated_cv(tmp_path / "cv.pdf", datetime(2099, 1, 1, tzinfo=timezone.utc)))
    assert result["as_of"] == date.today().isoformat()


def test_a_pdf_dated_before_the_jobs_it_lists_is_not_the_cvs_date(tmp_path: Path) -> None:
    # Some PDF writers stamp a fixed date (2000-01-01): a CV is not written before the jobs it lists.
    result = screened(dated_cv(tmp_path / "cv.pdf", datetime(2000, 1, 1, tzinfo=timezone.utc)))
    assert result["as_of"] == date.today().isoformat()
    assert result["years_experience"] > 5
