"""A reviewer's whole path with the mouse: open a folder, watch it fill, sort by technical score, filter to
TPMs with a PM certification, read on the page why one scored as they did, shortlist two, note, export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_factories import PMP_BOX, FakeScreening, cert, make_candidate, make_error, span
from ui_mouse import choose_in_combo, click_cell, click_header, click_toolbar_button

from screener.models import Evidence
from ui.candidate_model import Column
from ui.export_view import ExportDialog
from ui.main_window import MainWindow

PMP_EVIDENCE = Evidence("management", "certifications", "Holds PMP", 30.0, span("PMP, Project Management Professional"))


@pytest.fixture
def folder(tmp_path: Path, cv_pdf: Path, screening: FakeScreening) -> Path:
    """Six CVs: two TPMs with a PM certification, one without, a PM, a specialist and an unreadable file."""
    aws, csm = cert("AWS", "technical"), cert("CSM", "agile")
    people = {
        cv_pdf.name: make_candidate(
            "Ada Lovelace", management=72, technical=64, file=str(cv_pdf), certifications=[cert("PMP")],
            evidence=[PMP_EVIDENCE],
        ),
        "grace.pdf": make_candidate("Grace Hopper", management=80, technical=95, certifications=[cert("PRINCE2")]),
        "linus.pdf": make_candidate("Linus Torvalds", management=45, technical=99, certifications=[aws]),
        "peggy.pdf": make_candidate("Peggy Smith", management=85, technical=20, role_fit="pm", certifications=[csm]),
        "alan.pdf": make_candidate("Alan Turing", management=10, technical=90, role_fit="technical"),
        "scan.pdf": make_error(str(tmp_path / "scan.pdf"), "the file has no text layer (a scan?)"),
    }  # fmt: skip
    for name in people.keys() - {cv_pdf.name}:
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    screening.results.update(people)
    screening.seconds_per_file = 0.1  # slow enough to see the list fill
    return tmp_path


def shown_names(window: MainWindow) -> list[str]:
    proxy = window.proxy()
    return [proxy.index(row, Column.NAME).data() for row in range(proxy.rowCount())]


def view_row(window: MainWindow, name: str) -> int:
    return shown_names(window).index(name)


def test_a_reviewer_shortlists_and_exports_with_the_mouse(
    qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    # Open a folder from the toolbar (the operating system's folder dialog answers for the user).
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    sizes_while_importing: list[int] = []
    window.model().rowsInserted.connect(
        lambda: window.is_importing() and sizes_while_importing.append(window.model().rowCount())
    )
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        click_toolbar_button(qtbot, window, window.open_folder_action)
    assert any(0 < size < 6 for size in sizes_while_importing), "rows appear while the import runs"
    assert window.model().rowCount() == 6

    # Sort by technical score: one click on the header puts the strongest first.
    click_header(qtbot, window.table(), Column.TECHNICAL)
    assert shown_names(window) == [
        "Linus Torvalds", "Grace Hopper", "Alan Turing", "Ada Lovelace", "Peggy Smith", "scan.pdf"
    ]  # fmt: skip

    # Filter to TPMs with a PM certification; the unreadable file stays in sight.
    filters = window.filter_bar()
    choose_in_combo(qtbot, filters.findChild(QComboBox, "Role fit"), "tpm")
    pm_certified = filters.findChild(QCheckBox, "PM certification")
    qtbot.mouseClick(pm_certified, Qt.MouseButton.LeftButton, pos=pm_certified.rect().center())
    assert shown_names(window) == ["Grace Hopper", "Ada Lovelace", "scan.pdf"]

    # Read why Ada scored as she did, on her CV page.
    click_cell(qtbot, window.table(), view_row(window, "Ada Lovelace"), Column.NAME)
    assert window.detail().findChild(QLabel, "Candidate name").text() == "Ada Lovelace"
    tree = window.detail().evidence_tree()
    reason = tree.topLevelItem(0).child(0)
    assert (reason.text(0), reason.text(1)) == ("Holds PMP", "+30")
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(reason).center())
    canvas = window.detail().page_view().canvas()
    assert canvas.focused() == PMP_EVIDENCE
    # Once Ada's page is drawn, the line read as evidence is highlighted where the reviewer can see it.
    qtbot.waitUntil(lambda: canvas.visibleRegion().contains(canvas.box_rect(PMP_BOX).toRect().center()))

    # Shortlist Ada and Grace from the detail pane, with a note for Grace.
    shortlist = window.detail().verdict_button("shortlist")
    qtbot.mouseClick(shortlist, Qt.MouseButton.LeftButton)
    click_cell(qtbot, window.table(), view_row(window, "Grace Hopper"), Column.NAME)
    qtbot.mouseClick(shortlist, Qt.MouseButton.LeftButton)
    note = window.detail().findChild(QPlainTextEdit)
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Ran the COBOL migration")
    choose_in_combo(qtbot, filters.findChild(QComboBox, "Decision"), "shortlist")
    assert shown_names(window) == ["Grace Hopper", "Ada Lovelace"]

    # Export the shortlist from the toolbar, as CSV.
    click_toolbar_button(qtbot, window, window.export_action)
    dialog = window.findChild(ExportDialog)
    qtbot.waitExposed(dialog)
    assert dialog.shown_button.text() == "2 of 6 candidates (the filtered list)"
    qtbot.keyClick(dialog.format_box, Qt.Key.Key_Down)  # Excel first, CSV next
    assert dialog.format_box.currentData() == ".csv"
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(folder / "shortlist"))
    export = next(button for button in dialog.findChildren(QPushButton) if button.text() == "Export")
    with qtbot.waitSignal(window.export_finished, timeout=5000):
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    with (folder / "shortlist.csv").open(encoding="utf-8-sig", newline="") as stream:
        exported = [(row["Name"], row["Decision"], row["Note"]) for row in csv.DictReader(stream)]
    assert exported == [("Grace Hopper", "Shortlist", "Ran the COBOL migration"), ("Ada Lovelace", "Shortlist", "")]
