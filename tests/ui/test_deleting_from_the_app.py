"""Deleting from the window: a whole session, candidates screened long ago, the retention setting when a session
opens; each asks first, can be undone while the window is open, and leaves nothing of the person in the file."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_undo import NAMES, answer_removal, names_listed, saved
from ui_factories import ONE_PAGE, FakeScreening, make_candidate

from screener.settings import Settings
from screener.store import Review, Session, scoring_fingerprint
from screener.user_settings import UserSettings
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog

ADA = make_candidate("Ada Lovelace")


def file_bytes(session_path: Path) -> bytes:
    """Everything a file viewer would find on disk for the session: the file and its write-ahead log."""
    companions = (session_path, Path(f"{session_path}-wal"))
    return b"".join(path.read_bytes() for path in companions if path.exists())


def screened_days_ago(session_path: Path, file: str, days: int) -> None:
    when = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")
    with sqlite3.connect(session_path) as db:
        db.execute("UPDATE file SET finished_at = ? WHERE path = ?", (when, file))
    db.close()


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    """A session holding three candidates, Ada shortlisted with a note and screened 200 days ago."""
    path = tmp_path / "week 12.sqlite"
    with Session.open(path) as session:
        for name in NAMES:
            session.record(make_candidate(name), ONE_PAGE, scored_with=scoring_fingerprint(Settings()))
        session.set_decision(ADA.sha256, "shortlist")
        session.set_note(ADA.sha256, "Ada Lovelace: call back")
    screened_days_ago(path, ADA.file, 200)
    return path


def open_window(qtbot: QtBot, screening: FakeScreening, path: Path, retention_days: int | None = None) -> MainWindow:
    def engine_loader() -> object:
        return dataclasses.replace(screening.engine(), user_settings=UserSettings(retention_days=retention_days))

    window = MainWindow(engine_loader=engine_loader, session_path=path)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def file_action(window: MainWindow, text: str) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    return next(action for action in file_menu.actions() if action.text().replace("&", "").startswith(text))


def remove_older_than(window: MainWindow, monkeypatch: pytest.MonkeyPatch, days: int) -> list[str]:
    """File › Remove Old Candidates…, answering `days` and Yes; what the window asked."""
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (days, True))
    asked = answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    file_action(window, "Remove Old Candidates").trigger()
    return asked


def test_deleting_the_session_asks_then_leaves_no_file_and_undo_restores_it(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, screening, session_path)
    asked = answer_removal(monkeypatch, QMessageBox.StandardButton.Cancel)
    file_action(window, "Delete Session").trigger()
    assert "week 12.sqlite" in asked[0] and "3 candidates" in asked[0]
    assert session_path.exists() and window.session() is not None

    answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    file_action(window, "Delete Session").trigger()
    assert [p.name for p in session_path.parent.iterdir() if p.name.startswith(session_path.name)] == []
    assert window.session() is None and window.model().rowCount() == 0
    assert "no session" in window.windowTitle()

    window.undo_stack().undo()
    qtbot.waitUntil(lambda: window.session() is not None)
    assert names_listed(window) == set(NAMES)
    assert saved(window)["Ada Lovelace"] == Review("shortlist", "Ada Lovelace: call back")
    assert session_path.stat().st_mode & 0o777 == 0o600


def test_removing_old_candidates_asks_then_erases_them_from_the_file_and_undo_brings_them_back(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, screening, session_path)
    assert b"Ada Lovelace" in file_bytes(session_path)
    asked = remove_older_than(window, monkeypatch, 180)
    assert "Remove the 1 candidate screened more than 180 days ago" in asked[0]
    assert names_listed(window) == set(NAMES) - {"Ada Lovelace"}
    assert b"Ada Lovelace" not in file_bytes(session_path) and b"Alan Turing" in file_bytes(session_path)

    window.undo_stack().undo()
    assert names_listed(window) == set(NAMES)
    assert saved(window)["Ada Lovelace"] == Review("shortlist", "Ada Lovelace: call back")


def test_removing_old_candidates_when_none_is_that_old_removes_nothing(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, screening, session_path)
    assert remove_older_than(window, monkeypatch, 365) == []
    assert names_listed(window) == set(NAMES)


def test_a_candidate_removed_from_the_list_leaves_no_trace_in_the_file(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, screening, session_path)
    answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    row = next(r for r in range(window.model().rowCount()) if window.model().candidate(r).sha256 == ADA.sha256)
    window.select_source_row(row)
    next(a for a in window.table().actions() if a.text().startswith("Re&move")).trigger()
    left = file_bytes(session_path)
    assert [trace for trace in (b"Ada Lovelace", b"ada@example.com", b"ada_lovelace.pdf") if trace in left] == []


def test_the_retention_setting_offers_to_remove_older_candidates_when_the_session_opens(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, screening, session_path, retention_days=30)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "keep candidates for 30 days" in asked[0]
    assert names_listed(window) == set(NAMES) - {"Ada Lovelace"}
    assert b"Ada Lovelace" not in file_bytes(session_path)
    window.undo_stack().undo()
    assert names_listed(window) == set(NAMES)


def test_declining_the_retention_purge_keeps_everyone(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_removal(monkeypatch, QMessageBox.StandardButton.Cancel)
    window = open_window(qtbot, screening, session_path, retention_days=30)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert names_listed(window) == set(NAMES) and b"Ada Lovelace" in file_bytes(session_path)


def test_retention_is_off_by_default_and_set_in_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(UserSettings(cache_max_days=7), save_path=tmp_path / "settings.json")
    qtbot.addWidget(dialog)
    assert dialog.retention.value() == 0 and dialog.edited_settings().retention_days is None
    dialog.retention.setValue(90)
    edited = dialog.edited_settings()
    assert edited.retention_days == 90 and edited.cache_max_days == 7


def test_undoing_a_deletion_leaves_a_file_that_took_the_sessions_name_alone(
    qtbot: QtBot, screening: FakeScreening, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, screening, session_path)
    answer_removal(monkeypatch, QMessageBox.StandardButton.Yes)
    file_action(window, "Delete Session").trigger()
    session_path.write_text("a colleague's notes", encoding="utf-8")
    window.undo_stack().undo()
    dialog = window.findChild(QMessageBox)
    assert dialog is not None and "could not be restored" in dialog.text()
    dialog.done(0)  # closed, so that the next error gets a dialog of its own
    assert session_path.read_text(encoding="utf-8") == "a colleague's notes" and window.session() is None
