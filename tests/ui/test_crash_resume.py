"""Killing the desktop app midway through an import loses no finished file, decision or note, and the next
window screens only the files that were left."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from screener.store import Review, Session
from ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
PROJECT = Path(__file__).resolve().parents[2]
CV_COUNT = 120
# Waits, not speed limits: on a busy 2-core machine the app's start-up and 120 CVs take minutes.
PATIENCE_SECONDS = 600


def finished_rows(session: Path) -> dict[str, str]:
    """Path -> extraction time of every finished file, read as another program would."""
    with sqlite3.connect(f"file:{session}?mode=ro", uri=True, timeout=10) as db:
        rows = db.execute("SELECT f.path, e.extracted_at FROM file AS f JOIN extraction AS e USING (sha256)")
        return dict(rows.fetchall())


def kill_after(process: subprocess.Popen[bytes], session: Path, count: int) -> None:
    """SIGKILL the app and its reader processes once `count` files are finished."""
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        if session.exists() and len(finished_rows(session)) >= count:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"the app did not reach {count} finished files (exit status {process.poll()})")


def test_the_next_window_finishes_an_import_the_app_was_killed_in(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    write_set(eval_corpus(CV_COUNT, seed=11), folder)
    session_path = tmp_path / "week 12.sqlite"
    with Session.open(session_path) as session:
        session.set_decision("f" * 64, "shortlist")
        session.set_note("f" * 64, "strong PRINCE2 background")
    # Its own process group, so one kill ends the app and its readers at once.
    app = subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", "gui", "--session", str(session_path), str(folder)],
        cwd=PROJECT, env={**os.environ, "PYTHONPATH": str(PROJECT), "QT_QPA_PLATFORM": "offscreen"},
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    kill_after(app, session_path, 15)
    after_kill = finished_rows(session_path)
    assert len(after_kill) < CV_COUNT, "the import finished before it was killed; nothing was tested"
    with Session.open(session_path) as session:
        stored = session.candidates()
    assert set(after_kill) <= {c.file for c in stored}
    # Finished files, and any that failed (on a busy machine a reader may run out of time), each a row.
    listed = [c for c in stored if c.status != "duplicate"]

    window = MainWindow(session_path=session_path)
    qtbot.addWidget(window)
    assert window.model().rowCount() == len(listed)
    qtbot.waitUntil(
        lambda: not window.is_importing() and window.model().rowCount() == CV_COUNT, timeout=PATIENCE_SECONDS * 1000
    )
    window.close()
    completed = finished_rows(session_path)
    assert len(completed) == CV_COUNT
    assert after_kill.items() <= completed.items(), "a file finished before the kill was read again"
    with Session.open(session_path) as session:
        assert session.decisions() == {"f" * 64: Review("shortlist", "strong PRINCE2 background")}
        assert session.queued() == []
