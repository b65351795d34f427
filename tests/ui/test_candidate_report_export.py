"""File › Export Candidate Report…: the selected candidate's report, with the CV page drawn on PDFium's thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from ui_factories import make_candidate, span

from screener.models import Evidence
from tests.personal_cv import pdf_text
from ui.decisions import Review
from ui.main_window import MainWindow

PMP = Evidence("management", "certification", "Holds PMP (Project Management Professional)", 15.0, span("PMP"))


def test_the_selected_candidate_s_report_holds_their_evidence_decision_and_page(
    qtbot: QtBot, window: MainWindow, cv_pdf: Path, tmp_path: Path
) -> None:
    window.model().append_candidates([make_candidate("Ada Lovelace", file=str(cv_pdf), evidence=[PMP])])
    window.select_source_row(0)
    window.model().set_review(0, Review("shortlist", "Call on Monday"))
    out = tmp_path / "ada report.pdf"
    with qtbot.waitSignal(window.candidate_report().written, timeout=30_000):
        window.candidate_report().export_to(out, window.model().candidate(0), window.model().review(0))
    pages, text = pdf_text(out)
    assert pages == 2  # the summary, then the CV page
    assert "Holds PMP (Project Management Professional)" in text and "+15.0" in text
    assert "Decision: shortlist" in text and "Call on Monday" in text
    assert "CV page 1 of 1" in text


def test_without_one_candidate_selected_nothing_is_written(window: MainWindow, tmp_path: Path) -> None:
    window.export_candidate_report()  # no row: the status bar says so, no dialog opens
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_report_that_cannot_be_saved_says_so_and_offers_another_file(
    qtbot: QtBot, window: MainWindow, cv_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.model().append_candidates([make_candidate("Ada Lovelace", file=str(cv_pdf), evidence=[PMP])])
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    target = tmp_path / "notes.txt" / "ada report.pdf"
    window.candidate_report().export_to(target, window.model().candidate(0), window.model().review(0))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=30_000)
    error = window.findChild(QMessageBox)
    assert f"The candidate report was not saved to {target}" in error.text()
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _parent, _title, name, _filter: asked.append(name) or ("", "")
    )
    next(b for b in error.buttons() if b.text() == "Choose Another File…").click()
    qtbot.waitUntil(lambda: asked != [], timeout=5000)
    assert Path(asked[0]).parent == target.parent
