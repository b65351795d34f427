"""`screener inspect FILE`: how one CV was read, line by line, then every finding with the line that decided it."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from fpdf import FPDF

from screener.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main
from ui import launcher

# (text, font size, bold): a one-column CV with a heading per section.
CV_LINES = [
    ("Dana Whitfield", 22, True),
    ("dana.whitfield@example.com | +44 20 7946 0958", 10, False),
    ("EXPERIENCE", 13, True),
    ("Technical Project Manager, Initech", 11, True),
    ("Jan 2018 - Present", 10, False),
    ("Led the migration of payment services to the cloud; managed budget, risks and stakeholders", 10, False),
    ("EDUCATION", 13, True),
    ("BSc in Computer Science, University of Leeds, 2014", 10, False),
    ("CERTIFICATIONS", 13, True),
    ("PMP - Project Management Professional, 2019", 10, False),
    ("Currently preparing for the", 10, False),  # wrapped: read as one block
    ("PRINCE2 Foundation exam", 10, False),
]
WRAPPED = "Currently preparing for the PRINCE2 Foundation exam"


@pytest.fixture
def cv_pdf(tmp_path: Path) -> Path:
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    top = 40.0
    for text, size, bold in CV_LINES:
        pdf.set_font("Helvetica", "B" if bold else "", size)
        pdf.set_xy(40, top)
        pdf.cell(500, size + 4, text)
        top += size + 6
    path = tmp_path / "dana.pdf"
    pdf.output(str(path))
    return path


def _inspect(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["inspect", *args]) == EXIT_OK
    return capsys.readouterr().out.splitlines()


def _row(lines: list[str], *parts: str) -> str:
    """The one output line holding every part, in order of appearance."""
    found = [line for line in lines if all(part in line for part in parts)]
    assert len(found) == 1, f"{parts} in {found}"
    return found[0]


def _listing(lines: list[str]) -> dict[str, tuple[str, str, bool]]:
    """The listed blocks by text: (page, section, whether marked as a heading)."""
    start = next(i for i, line in enumerate(lines) if line.startswith("Blocks")) + 1
    end = lines.index("", start)
    rows = (re.fullmatch(r"  p(\d+)\s+(\w+)\s+(# )?(.*)", line) for line in lines[start:end])
    return {row[4]: (row[1], row[2], bool(row[3])) for row in rows if row}


def test_blocks_show_their_page_and_section_and_headings_are_marked(
    cv_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _listing(_inspect(capsys, str(cv_pdf), "--as-of", "2026-11-25"))
    assert list(listing) == [text for text, _size, _bold in CV_LINES[:-2]] + [WRAPPED]
    assert listing["EDUCATION"] == ("1", "education", True)
    assert listing["BSc in Computer Science, University of Leeds, 2014"] == ("1", "education", False)
    assert listing["PMP - Project Management Professional, 2019"] == ("1", "certifications", False)
    assert listing["Dana Whitfield"] == ("1", "header", False)


def test_findings_show_what_was_read_and_the_line_that_decided_it(
    cv_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _inspect(capsys, str(cv_pdf), "--as-of", "2026-11-25")
    job = lines.index(_row(lines, "Technical Project Manager |"))
    assert "2018-01-01 – 2026-11-25 (open-ended) | management, technical" in lines[job]
    assert "Jan 2018 - Present" in lines[job + 1]
    degree = lines.index(_row(lines, "bachelor | Computer Science | technical | completed"))
    assert "p1 education: 'BSc in Computer Science, University of Leeds, 2014'" in lines[degree + 1]
    cert = lines.index(_row(lines, "pmp | held | matched"))
    assert "p1 certifications: 'PMP - Project Management Professional, 2019'" in lines[cert + 1]
    planned = lines.index(_row(lines, "prince2_foundation | planned | matched"))
    assert f"p1 certifications: '{WRAPPED}'" in lines[planned + 1]
    assert _row(lines, "Contact:").endswith(
        "name Dana Whitfield; email dana.whitfield@example.com; phone +44 20 7946 0958"
    )
    assert _row(lines, "Years:").startswith("Years: total 8.9")
    assert _row(lines, "Scores:").endswith("role fit tpm")


def test_as_of_sets_what_present_means(cv_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _inspect(capsys, str(cv_pdf), "--as-of", "2020-01-01")
    assert "2018-01-01 – 2020-01-01 (open-ended)" in _row(lines, "Technical Project Manager |")
    assert _row(lines, "Years:").startswith("Years: total 2.0")


def test_the_screener_command_inspects_without_opening_the_app(
    cv_pdf: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def open_the_app(*_args: object) -> int:
        raise AssertionError("the desktop app was opened")

    monkeypatch.setitem(sys.modules, "ui.app", SimpleNamespace(run_gui=open_the_app))
    assert launcher.main(["inspect", str(cv_pdf)]) == EXIT_OK
    assert "Certifications (2):" in capsys.readouterr().out


def test_an_unreadable_file_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.pdf"
    page.write_bytes(b"<html><body>CV</body></html>")
    assert main(["inspect", str(page)]) == EXIT_SOME_FAILED
    assert "not a PDF" in capsys.readouterr().err
    assert main(["inspect", str(tmp_path / "missing.pdf")]) == EXIT_USAGE
