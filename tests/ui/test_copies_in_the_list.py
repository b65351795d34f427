"""Copies of one CV: the first file imported is the original and its row counts the others, during an import
and after the session is opened again; a copy is never a row of its own."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from screener.batch import ProgressSink, screen_files
from screener.models import Candidate
from screener.settings import Settings
from screener.store import Session
from ui import actions
from ui.candidate_model import Column
from ui.engine import Engine
from ui.main_window import MainWindow

IMPORT_SECONDS = 120  # worker processes start slowly on a busy machine


def screen_in_one_worker(
    files: Sequence[Path],
    settings: Settings,
    *,
    workers: int | None = None,
    progress: ProgressSink | None = None,
    session: Session | None = None,
) -> list[Candidate]:
    """The engine's own batch, with duplicates found as it finds them, in one worker process."""
    return screen_files(files, settings, workers=1, progress=progress, session=session)


def open_window(qtbot: QtBot, session: Path) -> MainWindow:
    engine = Engine(settings=Settings(), screen_files=screen_in_one_worker)
    window = MainWindow(engine_loader=lambda: engine, session_path=session)
    qtbot.addWidget(window)
    return window


def import_and_wait(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_SECONDS * 1000):
        window.import_paths(paths)


def rows(window: MainWindow) -> list[tuple[str, str]]:
    """Each row's file name and status as the list shows them."""
    model = window.model()
    return [
        (Path(model.candidate(row).file).name, model.index(row, Column.STATUS).data())
        for row in range(model.rowCount())
    ]


def test_copies_are_counted_on_the_first_file_imported_before_and_after_a_restart(
    qtbot: QtBot, cv_pdf: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    original = Path(shutil.move(cv_pdf, folder / "m original.pdf"))
    session = tmp_path / "week 12.sqlite"
    window = open_window(qtbot, session)
    import_and_wait(qtbot, window, [original])
    # Copies named to sort before and after the original, imported later with it in their folder.
    copies = [Path(shutil.copy(original, folder / name)) for name in ("a copy.pdf", "z copy.pdf")]
    import_and_wait(qtbot, window, [folder])
    assert rows(window) == [("m original.pdf", "ok · 2 copies")]
    tooltip = window.model().index(0, Column.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert all(str(copy) in tooltip for copy in copies)
    assert window.statusBar().currentMessage() == (
        "Screened 2 CVs; 2 were copies of a CV in the list, counted on its row."
    )
    window.close()

    reopened = open_window(qtbot, session)
    assert rows(reopened) == [("m original.pdf", "ok · 2 copies")]
    import_and_wait(qtbot, reopened, [folder])  # every file is known: nothing is screened, nothing is added
    assert rows(reopened) == [("m original.pdf", "ok · 2 copies")]


def test_copies_imported_together_are_counted_on_the_first_however_they_arrive(
    qtbot: QtBot, cv_pdf: Path, tmp_path: Path
) -> None:
    copies = [Path(shutil.copy(cv_pdf, tmp_path / name)) for name in ("b.pdf", "c.pdf")]
    window = open_window(qtbot, tmp_path / "session.sqlite")
    import_and_wait(qtbot, window, [cv_pdf, *copies])
    assert rows(window) == [("ada_lovelace.pdf", "ok · 2 copies")]
    window.close()
    assert rows(open_window(qtbot, tmp_path / "session.sqlite")) == [("ada_lovelace.pdf", "ok · 2 copies")]


def test_removing_a_row_takes_its_copies_out_of_the_session_and_undo_brings_them_back(
    qtbot: QtBot, cv_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = Path(shutil.copy(cv_pdf, tmp_path / "b.pdf"))
    window = open_window(qtbot, tmp_path / "session.sqlite")
    import_and_wait(qtbot, window, [cv_pdf, copy])
    monkeypatch.setattr(actions, "confirm_removal", lambda parent, names: True)
    window.select_source_row(0)
    remove = next(a for a in window.actions() if a.text().startswith("Re&move"))
    remove.trigger()
    assert rows(window) == [] and window.model().known_files() == frozenset()
    session = window.session()
    assert session is not None and session.candidates() == []
    window.undo_stack().undo()
    assert rows(window) == [("ada_lovelace.pdf", "ok · 1 copy")]
    assert [c.status for c in session.candidates()] == ["ok", "duplicate"]
