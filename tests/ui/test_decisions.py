"""Decisions at a glance: the Decision column beside the name, rows tinted, plain buttons, several rows at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_factories import make_candidate

from ui.candidate_model import Column
from ui.main_window import MainWindow
from ui.pdfium_thread import pdfium_pool

NAMES = ("Ada Lovelace", "Alan Turing", "Grace Hopper", "Peggy Smith")


@pytest.fixture
def listed(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.model().append_candidates([make_candidate(name) for name in NAMES])
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def select_rows(window: MainWindow, names: tuple[str, ...]) -> None:
    selection = window.table().selectionModel()
    proxy, model = window.proxy(), window.model()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.clearSelection()
    for name in names:
        row = next(r for r in range(model.rowCount()) if model.candidate(r).contact.name == name)
        index = proxy.index(proxy.proxy_row(row), 0)
        selection.setCurrentIndex(index, flags)


def decisions(window: MainWindow) -> dict[str, str]:
    model = window.model()
    return {model.candidate(r).contact.name or "": model.index(r, Column.DECISION).data() for r in range(4)}


def cell_colour(window: MainWindow, name: str, column: Column) -> QColor:
    table, model = window.table(), window.model()
    row = next(r for r in range(model.rowCount()) if model.candidate(r).contact.name == name)
    rect = table.visualRect(window.proxy().index(window.proxy().proxy_row(row), column))
    image = table.viewport().grab().toImage()
    return image.pixelColor(
        round((rect.right() - 3) * image.devicePixelRatio()), round(rect.center().y() * image.devicePixelRatio())
    )


def test_the_decision_column_comes_right_after_the_name(listed: MainWindow) -> None:
    header = listed.table().horizontalHeader()
    assert [header.logicalIndex(visual) for visual in (0, 1)] == [Column.NAME, Column.DECISION]


def test_decided_rows_are_tinted_by_their_decision(listed: MainWindow) -> None:
    select_rows(listed, ("Ada Lovelace",))
    listed.set_verdict("shortlist")
    select_rows(listed, ("Alan Turing",))
    listed.set_verdict("reject")
    select_rows(listed, ())

    shortlisted, rejected, undecided = (
        cell_colour(listed, name, column)
        for name, column in (
            ("Ada Lovelace", Column.MANAGEMENT),
            ("Alan Turing", Column.YEARS),
            ("Peggy Smith", Column.YEARS),
        )
    )
    assert shortlisted.green() > shortlisted.red() and rejected.red() > rejected.green()
    assert undecided.red() == undecided.green() == undecided.blue()  # the palette's own grey or white


@pytest.mark.parametrize("dark", [False, True])
def test_the_buttons_name_the_decision_and_the_one_taken_stands_out(
    qtbot: QtBot, listed: MainWindow, dark: bool
) -> None:
    if dark:
        palette = listed.palette()
        for role, colour in ((QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#eeeeee")):
            palette.setColor(role, QColor(colour))
        listed.setPalette(palette)
    detail = listed.detail()
    buttons = [detail.verdict_button(v) for v in ("shortlist", "maybe", "reject", "none")]
    assert [b.text() for b in buttons] == ["Shortlist", "Maybe", "Reject", "Clear"]
    assert all(f"key {key}" in b.toolTip() for b, key in zip(buttons, "1230", strict=True))

    select_rows(listed, ("Ada Lovelace",))
    listed.table().setFocus()
    qtbot.keyClick(listed.table(), Qt.Key.Key_2)

    assert [b.isChecked() for b in buttons] == [False, True, False, False]
    taken, other = (b.grab().toImage().pixelColor(6, b.height() // 2) for b in buttons[1:3])
    assert taken == detail.palette().color(QPalette.ColorRole.Highlight)
    assert abs(taken.lightness() - other.lightness()) + abs(taken.hue() - other.hue()) > 40
    qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton)
    assert not any(b.isChecked() for b in buttons)
    assert decisions(listed)["Ada Lovelace"] == ""


def test_several_selected_rows_show_as_a_count_and_the_buttons_decide_for_all(qtbot: QtBot, listed: MainWindow) -> None:
    select_rows(listed, ("Ada Lovelace", "Grace Hopper", "Peggy Smith"))
    detail = listed.detail()
    assert detail.findChild(QLabel, "Candidate name").text() == "3 selected"
    assert not detail.note_editor().isEnabled()

    qtbot.mouseClick(detail.verdict_button("reject"), Qt.MouseButton.LeftButton)

    assert decisions(listed) == {
        "Ada Lovelace": "Reject", "Alan Turing": "", "Grace Hopper": "Reject", "Peggy Smith": "Reject"
    }  # fmt: skip
    assert detail.verdict_button("reject").isChecked()


def test_a_late_render_failure_does_not_replace_the_pane_of_several(qtbot: QtBot, listed: MainWindow) -> None:
    select_rows(listed, ("Ada Lovelace",))  # her file does not exist: its render fails after a moment
    select_rows(listed, ("Ada Lovelace", "Alan Turing"))
    pdfium_pool().waitForDone()
    qtbot.wait(50)  # the failure, queued to the window, arrives

    assert "ada_lovelace.pdf" not in listed.statusBar().currentMessage()
