"""How long the app takes to show a 1,000-candidate session at start, against listing it without a window.

    python bench/session_start.py [--candidates 1000]

Fills a session as bench/session_timings.py does (50 generated CVs screened over and over under distinct
hashes), with a decision and a note on every third candidate. Then times, in one run: reopening the session
and listing its candidates without a window (the reference), and the window from its creation to the rows
painted on screen, first when the stored scores are current and then on the next day, when "Present" means
another date and the rows are re-scored in the background after they are shown.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from session_timings import REFERENCE_FILES, fill_session

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from screener.pdftext import read_document
from screener.settings import Settings
from screener.store import Session
from screener.user_settings import UserSettings
from ui.engine import Engine
from ui.main_window import MainWindow


def add_reviews(path: Path) -> int:
    with Session.open(path) as session:
        reviewed = [c.sha256 for c in session.candidates()][::3]
        for sha256 in reviewed:
            session.set_decision(sha256, "shortlist")
            session.set_note(sha256, "Call back about the PMP renewal")
    return len(reviewed)


def window_start(path: Path, settings: Settings) -> tuple[float, MainWindow]:
    """Seconds from creating the window to its rows painted; the window, still open."""
    started = time.perf_counter()
    window = MainWindow(engine_loader=lambda: Engine(settings, user_settings=UserSettings()), session_path=path)
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.table().viewport().repaint()
    return time.perf_counter() - started, window


def wait_for_rescoring(window: MainWindow) -> float:
    """Seconds until the background re-scoring has replaced the rows shown."""
    started = time.perf_counter()
    done = QEventLoop()
    window.model().dataChanged.connect(done.quit)
    QTimer.singleShot(120_000, done.quit)
    done.exec()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=1000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings(as_of=date(2025, 6, 1))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "cvs"
        write_set(eval_corpus(REFERENCE_FILES, seed=4), folder)
        documents = [read_document(path) for path in sorted(folder.glob("*.pdf"))]
        session_path = Path(scratch) / "session.sqlite"
        fill_session(session_path, documents, args.candidates, settings)
        reviewed = add_reviews(session_path)

        started = time.perf_counter()
        with Session.open(session_path) as session:
            listed = len(session.candidates())
        reference = time.perf_counter() - started

        current, window = window_start(session_path, settings)
        shown = window.model().rowCount()
        window.close()
        later_day, window = window_start(session_path, dataclasses.replace(settings, as_of=date(2025, 6, 2)))
        rescoring = wait_for_rescoring(window)
        window.close()
    print(f"reopen and list {listed} candidates without a window (reference): {reference:.2f} s")
    print(f"window start to {shown} rows painted ({reviewed} with a decision and note): {current:.2f} s"
          f"  (x{current / reference:.2f} the reference)")  # fmt: skip
    print(f"the same on a later day: {later_day:.2f} s to rows painted, then {rescoring:.2f} s re-scoring"
          " in the background")  # fmt: skip
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
