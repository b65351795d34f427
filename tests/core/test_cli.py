"""The `screener screen` command: ranked table, JSON contract, safe CSV, exit codes, help."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main
from screener.export import neutralise_cell, write_csv

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CANDIDATE_KEYS = {
    "file", "sha256", "status", "error", "pages", "name", "email", "phone", "certifications", "degrees",
    "years_experience", "management_score", "technical_score", "role_fit", "evidence", "spans",
}  # fmt: skip


def test_screens_the_samples_into_a_ranked_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", str(SAMPLES), "--as-of", "2026-11-25", "--workers", "2"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["#", "name", "fit"]
    first = table[2]
    assert "tpm" in first.split()  # the default ranking puts a technical project manager first
    assert len(table) == 2 + len(list(SAMPLES.glob("*.pdf")))


def test_json_keeps_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"
    assert main(["screen", str(SAMPLES), "--json", str(out), "--as-of", "2026-11-25", "--workers", "2"]) == 0
    capsys.readouterr()
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["schema"] == "screener.results/3"
    candidates = document["candidates"]
    assert all(set(c) >= CANDIDATE_KEYS for c in candidates)
    pm = next(c for c in candidates if c["name"] == "Daniel Brennan")
    held = {c["name"] for c in pm["certifications"] if c["status"] == "held"}
    assert "PMP (Project Management Professional)" in held
    assert pm["role_fit"] == "pm"
    assert sum(e["points"] for e in pm["evidence"] if e["axis"] == "management") == pytest.approx(
        pm["management_score"]
    )
    # Each item names the line it rests on; a line several items rest on is written once.
    spans = pm["spans"]
    assert sorted({e["span"] for e in pm["evidence"]}) == list(range(len(spans)))
    assert len({json.dumps(span, sort_keys=True) for span in spans}) == len(spans) < len(pm["evidence"])
    pmp = next(e for e in pm["evidence"] if e["label"].startswith("Holds PMP"))
    assert "PMP" in spans[pmp["span"]]["text"] and spans[pmp["span"]]["page"] == 1


def test_json_writes_the_findings_of_a_cv_read_alike_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Copies of one CV that differ in their bytes: the later copies point at the first one's jobs and evidence,
    and keep their own scores, certifications and degrees."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    cv = (SAMPLES / "daniel_brennan_pm.pdf").read_bytes()
    for number in range(3):
        (folder / f"copy-{number}.pdf").write_bytes(cv + b"\n%% copy %d\n" % number)
    (folder / "other.pdf").write_bytes((SAMPLES / "amelia_whitfield_tpm.pdf").read_bytes())
    out = tmp_path / "results.json"
    assert main(["screen", str(folder), "--json", str(out), "--as-of", "2026-11-25", "--workers", "2"]) == 0
    capsys.readouterr()
    candidates = json.loads(out.read_text(encoding="utf-8"))["candidates"]
    first = next(index for index, c in enumerate(candidates) if "copy-" in c["file"] and "evidence" in c)
    copies = [c for c in candidates if "copy-" in c["file"] and "evidence" not in c]
    assert len(copies) == 2 and all(c["same_findings_as"] == first for c in copies)
    assert all(set(c) >= CANDIDATE_KEYS - {"jobs", "evidence", "spans"} for c in copies)
    assert all(c["certifications"] == candidates[first]["certifications"] for c in copies)
    assert [c["management_score"] for c in copies] == [candidates[first]["management_score"]] * 2
    other = next(c for c in candidates if c["file"].endswith("other.pdf"))
    assert "same_findings_as" not in other and other["evidence"]


def test_some_unreadable_files_exit_one_and_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "good.PDF").write_bytes((SAMPLES / "daniel_brennan_pm.pdf").read_bytes())
    (folder / "broken.pdf").write_bytes(b"<html>not a cv</html>")
    assert main(["screen", str(folder), "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert "broken.pdf" in captured.err and "not a PDF" in captured.err
    assert "Daniel Brennan" in captured.out


def exit_code(argv: list[str]) -> int:
    """The status the command ends with, whether it returns it or argparse exits with it."""
    try:
        return main(argv)
    except SystemExit as exited:
        return int(exited.code or 0)


@pytest.mark.parametrize(
    "argv",
    [
        ["screen", "no/such/folder"],
        ["screen"],
        ["screen", ".", "--as-of", "25/11/2026"],
        ["screen", ".", "--workers", "0"],
    ],
)
def test_usage_errors_exit_two(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(argv) == 2
    assert capsys.readouterr().err


def test_help_describes_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["screen", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--json", "--csv", "--certs", "--workers", "--role", "--as-of"):
        assert option in text


def test_csv_cells_cannot_run_as_formulas() -> None:
    stream = io.StringIO()
    write_csv([{"name": '=HYPERLINK("http://x")', "file": "+1.pdf", "role_fit": "-", "error": "@SUM(A1)"}], stream)
    row = next(csv.DictReader(io.StringIO(stream.getvalue())))
    assert row["name"].startswith("'=") and row["file"] == "'+1.pdf" and row["error"] == "'@SUM(A1)"
    assert neutralise_cell(42.5) == 42.5


def test_the_command_line_starts_without_the_workbook_and_pdf_writing_libraries() -> None:
    code = (
        "import sys, screener.cli\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'reportlab', 'docx')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_engine_never_loads_qt() -> None:
    code = (
        "import sys, screener, screener.cli, screener.batch, screener.export, screener.eval\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))], 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
