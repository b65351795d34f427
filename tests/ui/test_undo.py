"""Undo and redo for the life of the window: decisions (one row or several), notes, and removing candidates
from the session, which asks first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_decisions import select_rows
from ui_factories import ONE_PAGE, FakeScreening, make_candidate

from screener.settings import Settings
from screener.store import Review, Session, scoring_fingerprint
from ui.main_window import MainWindow

NAMES = ("Ada Lovelace", "Alan Turing", "Grace Hopper")
CTRL, CTRL_SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


@pytest.fixture
def shown(qtbot: QtBot, screening: FakeScreening, tmp_path: Path) -> MainWindow:
    """A window on a session holding three candidates, active so that its keys reach it."""
    path = tmp_path / "week 12.sqlite"
    with Session.open(path) as session:
        for name in NAMES:
            session.record(make_candidate(name), ONE_PAGE, scored_with=scoring_fingerprint(Settings()))
    window = MainWindow(engine_loader=screening.engine, session_path=path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def names_listed(window: MainWindow) -> set[str]:
    return {window.model().candidate(row).contact.name or "" for row in range(window.model().rowCount())}


def saved(window: MainWindow) -> dict[str, Review]:
    """What a second look at the session file finds, by name."""
    session = window.session()
    assert session is not None
    with Session.open(session.path) as reader:
        reviews = reader.decisions()
        return {c.contact.name or "": reviews.get(c.sha256, Review()) for c in reader.candidates()}


def answer_removal(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_decision_on_several_rows_is_undone_and_redone_in_one_step(qtbot: QtBot, shown: MainWindow) -> None:
    select_rows(shown, ("Ada Lovelace", "Grace Hopper"))
    shown.table().setFocus()
    qtbot.keyClick(shown.table(), Qt.Key.Key_1)
    assert saved(shown)["Grace Hopper"].decision == "shortlist"

    qtbot.keyClick(shown.table(), Qt.Key.Key_Z, CTRL)
    assert {review.decision for review in saved(shown).values()} == {"none"}
    assert shown.detail().verdict_button("shortlist").isChecked() is False

    qtbot.keyClick(shown.table(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert [saved(shown)[name].decision for name in NAMES] == ["shortlist", "none", "shortlist"]
    assert shown.detail().verdict_button("shortlist").isChecked()


def test_typing_a_note_is_one_step_to_undo_even_from_the_note_box(qtbot: QtBot, shown: MainWindow) -> None:
    select_rows(shown, ("Alan Turing",))
    qtbot.keyClick(shown.table(), Qt.Key.Key_2)
    note = shown.detail().note_editor()
    qtbot.keyClicks(note, "Ask about Bletchley")
    assert saved(shown)["Alan Turing"] == Review("maybe", "Ask about Bletchley")

    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)
    assert saved(shown)["Alan Turing"] == Review("maybe", "")
    assert note.toPlainText() == ""
    assert shown.undo_stack().undoText() == "Maybe Alan Turing"  # the decision is the next step back

    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL_SHIFT)
    assert note.toPlainText() == "Ask about Bletchley"


def test_removal_asks_first_and_is_undone_with_decision_and_note(
    qtbot: QtBot, shown: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    select_rows(shown, ("Grace Hopper",))
    qtbot.keyClick(shown.table(), Qt.Key.Key_3)
    qtbot.keyClicks(shown.detail().note_editor(), "COBOL")
    asked = answer_removal(monkeypatch, QMessageBox.StandardButton.Cancel)
    shown.table().setFocus()
    qtbot.keyClick(shown.table(), Qt.Key.Key_Delete)
    assert asked and "Grace Hopper" in asked[0]
    assert "Grace Hopper" in names_listed(shown)

    answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(shown.table(), Qt.Key.Key_Delete)
    assert names_listed(shown) == {"Ada Lovelace", "Alan Turing"}
    assert set(saved(shown)) == {"Ada Lovelace", "Alan Turing"}

    qtbot.keyClick(shown.table(), Qt.Key.Key_Z, CTRL)
    assert names_listed(shown) == set(NAMES)
    assert saved(shown)["Grace Hopper"] == Review("reject", "COBOL")
    grace = next(row for row in range(3) if shown.model().candidate(row).contact.name == "Grace Hopper")
    assert (shown.model().review(grace).verdict, shown.model().review(grace).note) == ("reject", "COBOL")


def test_several_rows_are_removed_from_the_lists_menu_in_one_step(
    qtbot: QtBot, shown: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    select_rows(shown, ("Ada Lovelace", "Alan Turing"))
    remove = next(a for a in shown.table().actions() if a.text().startswith("Re&move"))
    remove.trigger()
    assert "these 2 candidates" in asked[0]
    assert names_listed(shown) == {"Grace Hopper"}
    shown.undo_stack().undo()
    assert set(saved(shown)) == set(NAMES)
    assert "Remove 2 candidates" in shown.undo_stack().redoText()
