"""Files that seem to hold the same person (same email, different content): the list marks every one of them,
names the others (by number in blind review), and the exported list says so in its Problem column."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_factories import FakeScreening, make_candidate, pdf_files

from ui.candidate_model import CandidateTableModel, Column
from ui.decisions import InMemoryDecisionStore
from ui.main_window import MainWindow


@pytest.fixture
def listed(qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path) -> MainWindow:
    """Ada sent her CV twice (two contents, one email); Grace once."""
    first, second, grace = pdf_files(tmp_path / "cvs", 3)
    ada = make_candidate("Ada Lovelace", file=str(first), sha256="sha-ada-1")
    screening.results = {
        first.name: ada,
        second.name: dataclasses.replace(ada, file=str(second), sha256="sha-ada-2"),
        grace.name: make_candidate("Grace Hopper", file=str(grace)),
    }
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.import_paths([first, second, grace])
    qtbot.waitUntil(lambda: window.model().rowCount() == 3)
    return window


def row_of(window: MainWindow, sha256: str) -> int:
    model = window.model()
    return next(row for row in range(model.rowCount()) if model.candidate(row).sha256 == sha256)


def status(window: MainWindow, sha256: str, role: int = 0) -> str:
    return str(window.model().index(row_of(window, sha256), Column.STATUS).data(role))


def test_every_file_of_the_same_person_is_marked_and_names_the_other(listed: MainWindow) -> None:
    assert status(listed, "sha-ada-1") == status(listed, "sha-ada-2") == "ok · possible duplicate"
    assert status(listed, "sha-Grace Hopper") == "ok"
    tooltip = status(listed, "sha-ada-1", role=3)  # Qt's tooltip role
    assert tooltip == "Possible duplicate of Ada Lovelace (candidate_001.pdf) (same email)"


def test_blind_review_names_the_other_file_by_its_number_in_the_list_and_the_detail_pane(listed: MainWindow) -> None:
    blind = listed.blind_review()
    blind.set_on(True)
    second = listed.model().candidate(row_of(listed, "sha-ada-2"))
    said = f"Possible duplicate of {blind.blind_label(second)} (same email)"
    assert status(listed, "sha-ada-1", role=3) == said
    listed.select_source_row(row_of(listed, "sha-ada-1"))
    detail = listed.detail()
    assert said in detail.summary().text()
    profile = detail.profile().toPlainText()
    assert said in profile and "[hidden]" not in profile and "Ada" not in profile


def test_the_exported_list_says_which_rows_seem_to_be_the_same_person(
    qtbot: QtBot, listed: MainWindow, tmp_path: Path
) -> None:
    listed.blind_review().set_on(True)
    target = tmp_path / "list.csv"
    with qtbot.waitSignal(listed.export_finished, timeout=5000):
        listed.export_to(target)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = {row["Candidate (blind review)"]: row["Problem"] for row in csv.DictReader(stream)}
    blind = listed.blind_review()
    first, second, grace = (
        blind.blind_label(listed.model().candidate(row_of(listed, sha)))
        for sha in ("sha-ada-1", "sha-ada-2", "sha-Grace Hopper")
    )
    assert rows == {
        first: f"possible duplicate of {second} (same email)",
        second: f"possible duplicate of {first} (same email)",
        grace: "",
    }


def test_removing_one_file_of_the_pair_takes_the_mark_off_the_other(listed: MainWindow) -> None:
    model = listed.model()
    model.remove_files([model.candidate(row_of(listed, "sha-ada-2")).file])
    assert status(listed, "sha-ada-1") == "ok"
    assert model.possible_duplicates(row_of(listed, "sha-ada-1")) == ""


def test_the_first_file_is_marked_when_a_later_one_arrives_and_sorting_by_status_groups_them(qtbot: QtBot) -> None:
    model = CandidateTableModel(InMemoryDecisionStore())
    ada = make_candidate("Ada Lovelace", file="/cvs/ada.pdf", sha256="sha-ada-1")
    model.append_candidates([ada, make_candidate("Grace Hopper")])
    assert model.index(0, Column.STATUS).data() == "ok"
    with qtbot.waitSignal(model.dataChanged, check_params_cb=lambda first, *_: first.row() == 0):
        model.append_candidates([dataclasses.replace(ada, file="/cvs/ada-2023.pdf", sha256="sha-ada-2")])
    assert model.index(0, Column.STATUS).data() == "ok · possible duplicate"
    model.sort(Column.STATUS, Qt.SortOrder.DescendingOrder)
    statuses = [model.index(row, Column.STATUS).data() for row in range(model.rowCount())]
    assert statuses == ["ok · possible duplicate", "ok · possible duplicate", "ok"]
