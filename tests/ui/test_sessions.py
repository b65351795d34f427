"""Sessions in the window: stored rows, decisions and notes come back at start, an interrupted import is
resumed, and a damaged session file is kept while the user starts a new one."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from ui_factories import ONE_PAGE, FakeScreening, make_candidate, make_error, pdf_files

from screener.models import Candidate
from screener.settings import Settings
from screener.store import Review, Session, default_session_path, scoring_fingerprint
from ui import launcher, messages
from ui.candidate_model import Column
from ui.main_window import MainWindow

ADA = make_candidate("Ada Lovelace", sha256="a" * 64)
GRACE = make_candidate("Grace Hopper", sha256="b" * 64)


def store(path: Path, candidates: Sequence[Candidate]) -> None:
    with Session.open(path) as session:
        for candidate in candidates:
            session.record(candidate, ONE_PAGE, scored_with=scoring_fingerprint(Settings()))


def open_window(qtbot: QtBot, screening: FakeScreening, path: Path) -> MainWindow:
    window = MainWindow(engine_loader=screening.engine, session_path=path)
    qtbot.addWidget(window)
    return window


def row_of(window: MainWindow, name: str) -> int:
    model = window.model()
    return next(row for row in range(model.rowCount()) if model.index(row, Column.NAME).data() == name)


def visible_dialog() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


@pytest.fixture
def posted() -> list[str]:
    """Every status-bar message from here on."""
    texts: list[str] = []
    messages.bridge().posted.connect(texts.append)
    return texts


def test_the_window_shows_the_sessions_rows_decisions_and_notes(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path
) -> None:
    path = tmp_path / "week 12.sqlite"
    store(path, [ADA, GRACE, make_error("/cvs/scan.pdf", "the file has no text layer (a scan?)")])
    with Session.open(path) as session:
        session.set_decision(ADA.sha256, "shortlist")
        session.set_note(ADA.sha256, "Call on Monday")
    window = open_window(qtbot, screening, path)
    assert window.model().rowCount() == 3
    ada = row_of(window, "Ada Lovelace")
    assert window.model().index(ada, Column.DECISION).data() == "Shortlist"
    assert window.model().review(ada).note == "Call on Monday"
    assert window.model().index(row_of(window, "scan.pdf"), Column.STATUS).data().startswith("error")
    assert "week 12.sqlite" in window.windowTitle()
    assert screening.calls == []  # nothing was left to screen


def test_decisions_and_notes_made_in_the_window_are_in_the_session_after_closing(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path
) -> None:
    path = tmp_path / "week 12.sqlite"
    store(path, [ADA])
    window = open_window(qtbot, screening, path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    window.table().setFocus()
    qtbot.keyClick(window.table(), Qt.Key.Key_2)  # maybe, then changed to shortlist
    qtbot.keyClick(window.table(), Qt.Key.Key_1)
    qtbot.keyClicks(window.detail().note_editor(), "Ask about PRINCE2")
    window.close()
    with Session.open(path) as session:
        assert session.decisions() == {ADA.sha256: Review("shortlist", "Ask about PRINCE2")}


def test_an_interrupted_import_is_resumed_by_the_next_window(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path, posted: list[str]
) -> None:
    path = tmp_path / "session.sqlite"
    files = pdf_files(tmp_path / "cvs", 5)
    with Session.open(path) as session:
        session.queue(files)  # what an import had been asked to screen when the app was killed
    store(path, [make_candidate(f"Candidate {i:03d}", file=str(files[i])) for i in range(2)])
    window = open_window(qtbot, screening, path)
    assert "Resuming 3 files from the last session." in posted
    qtbot.waitUntil(lambda: not window.is_importing() and window.model().rowCount() == 5, timeout=5000)
    assert screening.calls == [files[2:]]
    window.close()
    with Session.open(path) as session:
        assert session.queued() == []
        assert len(session.candidates()) == 5


def test_closing_midway_leaves_the_rest_queued_and_cancelling_does_not(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path
) -> None:
    screening.seconds_per_file = 0.02
    files = pdf_files(tmp_path / "cvs", 100)
    closed_midway = open_window(qtbot, screening, tmp_path / "closed.sqlite")
    closed_midway.import_paths(files)
    qtbot.waitUntil(lambda: closed_midway.model().rowCount() > 0, timeout=5000)
    closed_midway.close()
    with Session.open(tmp_path / "closed.sqlite") as session:
        left = session.queued()
        assert 0 < len(left) < 100
        assert len(session.candidates()) + len(left) == 100

    cancelled = open_window(qtbot, screening, tmp_path / "cancelled.sqlite")
    cancelled.import_paths(files)
    qtbot.waitUntil(lambda: cancelled.model().rowCount() > 0, timeout=5000)
    with qtbot.waitSignal(cancelled.import_finished, timeout=5000):
        cancelled.cancel_import()
    cancelled.close()
    with Session.open(tmp_path / "cancelled.sqlite") as session:
        assert session.queued() == []


def test_a_damaged_session_file_is_kept_and_a_new_session_is_one_click_away(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path
) -> None:
    path = tmp_path / "week 12.sqlite"
    damaged = b"this is my shopping list, not a session\n" * 200
    path.write_bytes(damaged)
    window = open_window(qtbot, screening, path)
    window.show()
    qtbot.waitUntil(lambda: visible_dialog() is not None, timeout=5000)
    dialog = visible_dialog()
    assert dialog is not None
    assert str(path) in dialog.text() and "Start a new session" in dialog.text()
    assert window.session() is None and "no session" in window.windowTitle()
    start_new = next(b for b in dialog.buttons() if b.text().startswith("Start a New Session"))
    qtbot.mouseClick(start_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session() is not None, timeout=5000)
    session = window.session()
    assert session is not None and session.path == tmp_path / "week 12-2.sqlite"
    assert "week 12-2.sqlite" in window.windowTitle()
    assert path.read_bytes() == damaged
    with qtbot.waitSignal(window.import_finished, timeout=5000):
        window.import_paths(pdf_files(tmp_path / "cvs", 2))
    assert window.model().rowCount() == 2


@pytest.fixture
def launch(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Callable[..., MainWindow]:
    """Run the `screener` command up to its event loop; the window it opened."""
    # The app installs its exception hooks and runs its event loop; neither may outlive the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)

    def run(*arguments: str) -> MainWindow:
        assert launcher.main(list(arguments)) == 0
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.addWidget(window)
        return window

    return run


def session_path(window: MainWindow) -> Path | None:
    session = window.session()
    return session.path if session is not None else None


def test_the_session_option_reaches_the_window(launch: Callable[..., MainWindow], tmp_path: Path) -> None:
    store(tmp_path / "week 12.sqlite", [ADA, GRACE])
    window = launch("gui", "--session", str(tmp_path / "week 12.sqlite"))
    assert session_path(window) == tmp_path / "week 12.sqlite"
    assert window.model().rowCount() == 2


def test_the_app_reopens_the_session_it_had_open_last(launch: Callable[..., MainWindow], tmp_path: Path) -> None:
    first = launch()
    assert session_path(first) == default_session_path()
    first.close()
    store(tmp_path / "week 12.sqlite", [ADA])
    launch("gui", "--session", str(tmp_path / "week 12.sqlite")).close()
    again = launch("gui")
    assert session_path(again) == tmp_path / "week 12.sqlite"
    assert again.model().rowCount() == 1


def test_scores_from_other_settings_are_shown_at_once_then_brought_up_to_date(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path
) -> None:
    path = tmp_path / "session.sqlite"
    with Session.open(path) as session:
        session.record(ADA, ONE_PAGE, scored_with="the catalogue of another day")
    window = open_window(qtbot, screening, path)
    assert window.model().index(0, Column.MANAGEMENT).data() == "70"  # as stored, while it is re-scored
    files = pdf_files(tmp_path / "cvs", 2)
    window.import_paths(files)  # waits for the re-scoring, which reads the same session
    assert not window.is_importing()
    qtbot.waitUntil(lambda: window.model().rowCount() == 3, timeout=5000)
    ada = next(c for c in window.model().candidates() if c.file == ADA.file)
    assert ada.scores is not None and ada.scores.management == 0  # screened again from its stored, empty page
    assert screening.calls == [files]
    session = window.session()
    assert session is not None and session.stale_count(Settings()) == 0


def test_the_file_menu_starts_a_new_session_and_opens_an_old_one(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "week 12.sqlite"
    store(old, [ADA, GRACE])
    window = open_window(qtbot, screening, old)
    answers = iter([str(old), str(tmp_path / "week 13")])  # a name in use is refused, never overwritten
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (next(answers), ""))
    window.new_session_action.trigger()
    assert session_path(window) == old and "already exists" in window.statusBar().currentMessage()
    window.new_session_action.trigger()
    assert session_path(window) == tmp_path / "week 13.sqlite"
    assert window.model().rowCount() == 0 and "week 13.sqlite" in window.windowTitle()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(old), ""))
    window.open_session_action.trigger()
    assert session_path(window) == old and window.model().rowCount() == 2
