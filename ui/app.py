"""Starts the desktop app: `run_gui(paths, session)` opens the window on a session and screens the given files."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .errors import install_excepthooks
from .last_session import last_session_path, remember_session
from .main_window import MainWindow


def run_gui(paths: Sequence[Path] = (), session_path: Path | None = None) -> int:
    """Open the main window on a session (default: the last one open), screen `paths` (PDF files or folders)
    straight away, and run until it closes."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its font warnings mean nothing to a reviewer
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName("CV Screener")
    QApplication.setOrganizationName("CV Screener")
    install_excepthooks()
    window = MainWindow()
    window.session_opened.connect(remember_session)
    window.show()
    window.open_session(session_path or last_session_path())
    if paths:
        QTimer.singleShot(0, partial(window.import_paths, list(paths)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(run_gui([Path(arg) for arg in sys.argv[1:]]))
