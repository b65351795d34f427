"""Importing CVs off the GUI thread: rows arrive as files finish, cancel stops, problems are reported."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui_factories import FakeScreening, make_error, pdf_files

from screener.errors import CatalogueError
from ui.candidate_model import Column
from ui.main_window import MainWindow


def names(window: MainWindow) -> list[str]:
    model = window.model()
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_import_lists_every_cv_with_unreadable_ones_and_their_reason(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    files = pdf_files(tmp_path / "cvs", 3)
    screening.results["candidate_001.pdf"] = make_error(str(files[1]), "the file is encrypted")
    with qtbot.waitSignal(window.import_finished, timeout=5000) as finished:
        window.import_paths([tmp_path / "cvs"])
    assert finished.args == [False]
    assert sorted(names(window)) == ["Candidate 000", "Candidate 002", "candidate_001.pdf"]
    error_row = names(window).index("candidate_001.pdf")
    assert window.model().index(error_row, Column.STATUS).data() == "error: the file is encrypted"
    assert window.statusBar().currentMessage() == "1 of 3 files could not be read (see the Status column)."


def test_rows_appear_while_the_import_is_still_running(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    screening.release = threading.Event()
    files = pdf_files(tmp_path, 5)
    window.import_paths(files)
    screening.release.set()
    qtbot.waitUntil(lambda: window.model().rowCount() > 0, timeout=5000)
    assert window.is_importing() or window.model().rowCount() == 5
    qtbot.waitUntil(lambda: not window.is_importing(), timeout=5000)
    assert window.model().rowCount() == 5


def test_cancel_stops_screening_and_keeps_what_finished(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    screening.seconds_per_file = 0.02
    window.show()
    qtbot.waitActive(window)  # shortcuts reach the active window only
    window.import_paths(pdf_files(tmp_path, 200))
    qtbot.waitUntil(lambda: window.model().rowCount() > 0, timeout=5000)
    assert window.cancel_action.isEnabled()
    with qtbot.waitSignal(window.import_finished, timeout=5000) as finished:
        qtbot.keyClick(window.table(), Qt.Key.Key_Escape)
    assert finished.args == [True]
    assert 0 < window.model().rowCount() < 200
    assert not window.cancel_action.isEnabled()
    assert "Cancelled after screening" in window.statusBar().currentMessage()


def test_files_already_listed_are_not_screened_again(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    files = pdf_files(tmp_path, 2)
    with qtbot.waitSignal(window.import_finished, timeout=5000):
        window.import_paths(files[:1])
    with qtbot.waitSignal(window.import_finished, timeout=5000):
        window.import_paths(files)
    assert screening.calls == [files[:1], files[1:]]
    assert window.model().rowCount() == 2


def test_dropping_files_and_folders_screens_them(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    loose = pdf_files(tmp_path, 1)
    pdf_files(tmp_path / "folder", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(loose[0])), QUrl.fromLocalFile(str(tmp_path / "folder"))])
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.import_finished, timeout=5000):
        QApplication.sendEvent(window, drop)
    assert window.model().rowCount() == 3


def test_dragging_text_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_an_engine_failure_is_shown_once_and_the_app_goes_on(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    def broken_screen(*args: object, **kwargs: object) -> list[object]:
        raise CatalogueError("certs.json: field 'scoring.thresholds.technical' must be between 0 and 100")

    screening.screen_files = broken_screen  # type: ignore[method-assign,assignment]
    window_with_broken_engine = MainWindow(engine_loader=screening.engine)
    qtbot.addWidget(window_with_broken_engine)
    with qtbot.waitSignal(window_with_broken_engine.import_finished, timeout=5000):
        window_with_broken_engine.import_paths(pdf_files(tmp_path, 1))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "scoring.thresholds.technical" in dialog.text()
    dialog.done(0)
    assert not window_with_broken_engine.is_importing()
