"""Review › Decision log…: what the reviewer did in the window is in the log, shown read-only, filtered and
exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot
from ui_factories import ONE_PAGE, FakeScreening, make_candidate

from screener.settings import Settings
from screener.store import Session, scoring_fingerprint
from ui.decision_log_view import DecisionLogDialog
from ui.main_window import MainWindow

ADA = make_candidate("Ada Lovelace", sha256="a" * 64, management=72.0, technical=41.0, role_fit="pm")
GRACE = make_candidate("Grace Hopper", sha256="b" * 64)


@pytest.fixture
def reviewed(qtbot: QtBot, screening: FakeScreening, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window whose reviewer ranked by another profile, shortlisted Ada and typed a note on her."""
    monkeypatch.setattr("getpass.getuser", lambda: "rita")
    path = tmp_path / "week 12.sqlite"
    with Session.open(path) as session:
        for candidate in (ADA, GRACE):
            session.record(candidate, ONE_PAGE, scored_with=scoring_fingerprint(Settings()))
    window = MainWindow(engine_loader=screening.engine, session_path=path)
    qtbot.addWidget(window)
    window.rank_by("Project Manager")
    ada = next(r for r in range(2) if window.model().candidate(r).sha256 == ADA.sha256)
    window.select_source_row(ada)
    window.set_verdict("shortlist")
    qtbot.keyClicks(window.detail().note_editor(), "Ask about PRINCE2")
    return window


def cells(dialog: DecisionLogDialog) -> list[list[str]]:
    table = dialog.table()
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_each_action_in_the_window_is_logged_with_its_snapshot(reviewed: MainWindow) -> None:
    dialog = reviewed.open_decision_log()
    assert dialog is not None
    rows = cells(dialog)
    assert [row[1:5] for row in rows] == [
        ["rita", "profile", "", "ranked by “Project Manager”"],
        ["rita", "decision", "Ada Lovelace (ada_lovelace.pdf)", "shortlist"],
        ["rita", "note", "Ada Lovelace (ada_lovelace.pdf)", "Ask about PRINCE2"],  # one entry for the typing
    ]
    decision = rows[1]
    assert decision[5:9] == ["PM", "72.0", "41.0", "Project Manager"]  # as shown when it was made
    assert "bachelor's degree or higher: pass (MSc Computer Science)" in decision[9]  # its must-haves
    assert dialog.table().editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    dialog.close()


def test_the_log_is_filtered_by_candidate(reviewed: MainWindow) -> None:
    dialog = reviewed.open_decision_log()
    assert dialog is not None
    choices = dialog.filter_box()
    choices.setCurrentIndex(choices.findData(ADA.sha256))
    assert [row[2] for row in cells(dialog)] == ["decision", "note"]
    dialog.close()


def test_the_log_is_exported_as_csv_and_xlsx(reviewed: MainWindow, tmp_path: Path) -> None:
    dialog = reviewed.open_decision_log()
    assert dialog is not None
    dialog.export_to(tmp_path / "log.csv")
    dialog.export_to(tmp_path / "log.xlsx")
    with (tmp_path / "log.csv").open(encoding="utf-8-sig") as stream:
        written = list(csv.reader(stream))
    assert written[0][:5] == ["When (UTC)", "Who", "What", "Candidate", "Detail"]
    assert [row[2] for row in written[1:]] == ["profile", "decision", "note"]
    sheet = load_workbook(tmp_path / "log.xlsx")["Decision log"]
    assert [cell.value for cell in sheet["C"]][1:] == ["profile", "decision", "note"]
    dialog.close()
