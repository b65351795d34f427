"""The exported list a recruiter sends on: readable, ranked, text kept as text, contact details optional."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from screener.errors import ScreenerError
from screener.export import ReportRow, report_rows, write_report
from screener.models import Candidate, Contact, Scores

PHONE = "+44 20 7946 0000"


def _candidate(name: str, management: float, technical: float, years: float | None = 7.33333) -> Candidate:
    return Candidate(
        file=f"cvs/{name.split()[0].lower()}.pdf",  # relative, as a command line may give it
        sha256=f"sha-{name}",
        contact=Contact(name=name, email=f"{name.split()[0].lower()}@example.com", phone=PHONE),
        years_experience=years,
        scores=Scores(management, technical, "tpm", ()),
    )


@pytest.fixture
def rows() -> list[ReportRow]:
    listed = [
        (_candidate("Grace Hopper", 71.6666, 95.0), "Shortlist", "+1 from the team"),
        (Candidate(file="/cvs/scan.pdf", sha256="s", status="error", error="no text layer"), "", ""),
        (_candidate('=HYPERLINK("http://x")', 55.0, 70.0, years=None), "", ""),
    ]
    return report_rows(listed)


def _sheet_rows(path: Path) -> list[dict[str, object]]:
    table = list(load_workbook(path).active.iter_rows(values_only=True))
    return [dict(zip(table[0], row, strict=True)) for row in table[1:]]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_sheet_reads_as_the_app_shows_it(rows: list[ReportRow], tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    assert write_report(path, rows) == 3
    first, unread, hostile = _sheet_rows(path)
    assert list(first)[:7] == ["Rank", "Name", "Decision", "Role fit", "Management", "Technical", "Years"]
    # Screened CVs are ranked in the order given; an unreadable file has no rank.
    assert (first["Rank"], unread["Rank"], hostile["Rank"]) == (1, None, 2)
    assert (first["Role fit"], first["Management"], first["Technical"], first["Years"]) == ("TPM", 72, 95, 7.3)
    assert first["Decision"] == "Shortlist"
    assert first["File"] == str(Path("cvs/grace.pdf").absolute())
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:P4"
    assert sheet["B1"].font.bold
    assert sheet.column_dimensions["B"].width >= 20
    assert sheet["P2"].hyperlink.target == Path("cvs/grace.pdf").absolute().as_uri()


def test_text_stays_text_without_an_apostrophe(rows: list[ReportRow], tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_report(path, rows)
    first, _, hostile = _sheet_rows(path)
    assert first["Phone"] == PHONE
    assert first["Note"] == "+1 from the team"
    # A name that would run as a formula is kept, as text a spreadsheet shows and never runs.
    assert hostile["Name"] == '=HYPERLINK("http://x")'
    sheet = load_workbook(path).active
    assert sheet["B4"].data_type == "s" and sheet["B4"].quotePrefix
    assert "<f>" not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()


def test_the_csv_keeps_its_numbers_as_the_sheet_and_neutralises_formulas(rows: list[ReportRow], tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_report(path, rows)
    first, unread, hostile = _csv_rows(path)
    assert (first["Rank"], first["Management"], first["Technical"], first["Years"]) == ("1", "72", "95", "7.3")
    assert (unread["Rank"], unread["Problem"]) == ("", "no text layer")
    assert hostile["Name"] == '\'=HYPERLINK("http://x")'
    assert hostile["Years"] == ""


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_contact_details_can_be_left_out(rows: list[ReportRow], tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"list{suffix}"
    write_report(path, rows, include_contact=False)
    exported = _csv_rows(path) if suffix == ".csv" else _sheet_rows(path)
    assert not {"Email", "Phone"} & set(exported[0])
    assert "example.com" not in str(exported) and PHONE not in str(exported)
    assert exported[0]["Name"] == "Grace Hopper"


def test_an_unknown_file_type_is_refused(rows: list[ReportRow], tmp_path: Path) -> None:
    with pytest.raises(ScreenerError, match=r"\.csv, \.xlsx or \.json"):
        write_report(tmp_path / "list.pdf", rows)
