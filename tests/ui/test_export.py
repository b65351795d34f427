"""Exporting the list: the rows shown (or all), in their order, with reviews, readable and safe in a spreadsheet."""

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
from ui.export_view import ExportDialog
from ui.last_session import remember_export_folder
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
def test_export_writes_the_view_with_reviews_and_safe_text(
    qtbot: QtBot, listed: MainWindow, tmp_path: Path, reader: object
) -> None:
    target = tmp_path / ("list.csv" if reader is read_csv else "list.xlsx")
    with qtbot.waitSignal(listed.export_finished, timeout=5000):
        listed.export_to(target)
    rows = reader(target)  # type: ignore[operator]
    # Filtered (Peggy's technical 20 is below 50; the unreadable file stays) and sorted by technical score.
    hostile = '=HYPERLINK("http://x")'
    # The sheet keeps text as text cells; the CSV, which has no types, neutralises with an apostrophe.
    safe = (lambda text: text) if reader is read_xlsx else (lambda text: "'" + text)
    assert [row["Name"] for row in rows] == ["Grace Hopper", safe(hostile), ""]
    assert [row["Rank"] for row in rows] in ([1, 2, ""], ["1", "2", ""])
    assert rows[0]["Role fit"] == "TPM"
    assert rows[0]["Decision"] == "Shortlist"
    assert rows[0]["Note"] == safe("+1 from the team")
    assert rows[0]["Phone"] == safe("+44 20 7946 0000")
    assert rows[1]["Email"] == safe("@evil")
    assert rows[2]["Problem"] == safe("-no text layer")
    assert str(rows[0]["Technical"]) == "95"
    assert rows[0]["File"] == str(Path("/cvs/grace_hopper.pdf").absolute())
    assert "list." in listed.statusBar().currentMessage()


def open_export_dialog(window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_in_blind_review_the_dialog_says_what_is_left_out_and_offers_no_contact_choice(listed: MainWindow) -> None:
    listed.blind_review().set_on(True)
    dialog = open_export_dialog(listed)
    assert dialog.contact_box.isHidden() and not dialog.contact_box.isChecked()
    assert not dialog.blind_note.isHidden() and "left out" in dialog.blind_note.text()


def test_the_dialog_says_how_many_are_exported_and_offers_all(qtbot: QtBot, listed: MainWindow, tmp_path: Path) -> None:
    dialog = open_export_dialog(listed)
    assert not dialog.contact_box.isHidden() and dialog.blind_note.isHidden()
    assert dialog.shown_button.text() == "3 of 4 candidates (the filtered list)"
    assert dialog.all_button.text() == "All 4 candidates"
    dialog.all_button.setChecked(True)
    dialog.contact_box.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "everyone"))
    with qtbot.waitSignal(listed.export_finished, timeout=5000) as written:
        dialog.accept()
    assert written.args == [tmp_path / "everyone.xlsx"]
    rows = read_xlsx(tmp_path / "everyone.xlsx")
    assert "Peggy Smith" in [row["Name"] for row in rows]
    assert "Email" not in rows[0] and "Phone" not in rows[0]


def test_the_dialog_proposes_a_name_for_the_format_in_the_last_export_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.model().append_candidates([make_candidate("Grace Hopper")])
    remember_export_folder(tmp_path)
    dialog = open_export_dialog(window)
    assert dialog.shown_button.text() == "All 1 candidate"
    assert not dialog.all_button.isVisible()
    assert Path(dialog.path_edit.text()) == tmp_path / "candidates.xlsx"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".csv"))
    assert Path(dialog.path_edit.text()) == tmp_path / "candidates.csv"
    exports = tmp_path / "exports"
    exports.mkdir()
    dialog.path_edit.setText(str(exports / "shortlist.csv"))
    with qtbot.waitSignal(window.export_finished, timeout=5000):
        dialog.accept()
    assert read_csv(exports / "shortlist.csv")[0]["Name"] == "Grace Hopper"
    again = open_export_dialog(window)
    assert Path(again.path_edit.text()).parent == exports
    again.reject()


def test_a_list_that_cannot_be_saved_says_so_and_offers_the_same_export_again(
    qtbot: QtBot, listed: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    target = tmp_path / "notes.txt" / "shortlist.csv"
    listed.export_to(target, everyone=True, include_contact=False)
    qtbot.waitUntil(lambda: listed.findChild(QMessageBox) is not None, timeout=5000)
    error = listed.findChild(QMessageBox)
    assert f"The list was not saved to {target}" in error.text() and "Choose another folder" in error.text()
    again = next(b for b in error.buttons() if b.text() == "Choose Another File…")
    again.click()
    qtbot.waitUntil(lambda: listed.findChild(ExportDialog) is not None, timeout=5000)
    dialog = listed.findChild(ExportDialog)
    assert Path(dialog.path_edit.text()) == target and dialog.suffix() == ".csv"
    assert dialog.all_button.isChecked() and not dialog.contact_box.isChecked()
    dialog.reject()


def test_an_unknown_file_type_is_explained(qtbot: QtBot, listed: MainWindow, tmp_path: Path) -> None:
    listed.export_to(tmp_path / "list.pdf")
    qtbot.waitUntil(lambda: listed.findChild(QMessageBox) is not None, timeout=5000)
    dialog = listed.findChild(QMessageBox)
    assert ".csv, .xlsx or .json" in dialog.text()
    dialog.done(0)
