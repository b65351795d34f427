"""Exporting the current view: only the rows shown, in their order, with reviews, safe in a spreadsheet."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_factories import make_candidate, make_error

from screener.models import Contact
from ui.candidate_model import Column
from ui.candidate_proxy import CandidateFilter
from ui.decisions import Review
from ui.main_window import MainWindow


@pytest.fixture
def listed(window: MainWindow) -> MainWindow:
    hostile = replace(
        make_candidate("Mallory", management=55, technical=70),
        contact=Contact(name='=HYPERLINK("http://x")', email="@evil"),
    )
    window.model().append_candidates(
        [
            make_candidate("Grace Hopper", management=80, technical=95),
            hostile,
            make_candidate("Peggy Smith", management=75, technical=20, role_fit="pm"),
            make_error("/cvs/scan.pdf", "-no text layer"),
        ]
    )
    window.model().set_review(0, Review("shortlist", "+1 from the team"))
    window.proxy().sort(Column.TECHNICAL, Qt.SortOrder.DescendingOrder)
    window.proxy().set_filter(CandidateFilter(min_technical=50))
    return window


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def read_xlsx(path: Path) -> list[dict[str, object]]:
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    # A spreadsheet keeps no empty strings: an empty cell reads back as None.
    return [{key: "" if value is None else value for key, value in zip(rows[0], row, strict=True)} for row in rows[1:]]


@pytest.mark.parametrize("reader", [read_csv, read_xlsx], ids=["csv", "xlsx"])
def test_export_writes_the_view_with_reviews_and_neutralised_formulas(
    qtbot: QtBot, listed: MainWindow, tmp_path: Path, reader: object
) -> None:
    target = tmp_path / ("list.csv" if reader is read_csv else "list.xlsx")
    with qtbot.waitSignal(listed.export_finished, timeout=5000):
        listed.export_to(target)
    rows = reader(target)  # type: ignore[operator]
    # Filtered (Peggy's technical 20 is below 50; the unreadable file stays) and sorted by technical score.
    assert [row["name"] for row in rows] == ["Grace Hopper", '\'=HYPERLINK("http://x")', ""]
    assert rows[0]["decision"] == "Shortlist"
    assert rows[0]["note"] == "'+1 from the team"
    assert rows[1]["email"] == "'@evil"
    assert rows[2]["error"] == "'-no text layer"
    assert str(rows[0]["technical_score"]) in ("95", "95.0")
    assert "list." in listed.statusBar().currentMessage()


def test_an_unknown_file_type_is_explained(qtbot: QtBot, listed: MainWindow, tmp_path: Path) -> None:
    listed.export_to(tmp_path / "list.pdf")
    qtbot.waitUntil(lambda: listed.findChild(QMessageBox) is not None, timeout=5000)
    dialog = listed.findChild(QMessageBox)
    assert ".csv or .xlsx" in dialog.text()
    dialog.done(0)
