"""Starts the desktop app: `run_gui(paths, session)` opens the window on a session and screens the given files."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from .errors import install_excepthooks
from .last_session import last_session_path, remember_session
from .main_window import MainWindow

# How often Python gets to run while Qt waits for events: a Ctrl+C in the terminal is only seen then.
_INTERRUPT_CHECK_MS = 200


def quit_on_interrupt(app: QCoreApplication) -> QTimer:
    """Ctrl+C in the terminal closes the windows as the Quit command does (sessions closed, layout saved).

    Python runs its signal handlers between bytecodes, never while Qt's event loop waits in C++; the timer
    gives it that moment.
    """
    signal.signal(signal.SIGINT, lambda number, frame: _close_and_quit())
    timer = QTimer(app, interval=_INTERRUPT_CHECK_MS)
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer


def _close_and_quit() -> None:
    QApplication.closeAllWindows()
    # Also when the signal came before the event loop started: closing windows then would not end it.
    QTimer.singleShot(0, QCoreApplication.quit)


def run_gui(paths: Sequence[Path] = (), session_path: Path | None = None, qt_options: Sequence[str] = ()) -> int:
    """Open the main window on a session (default: the last one open), screen `paths` (CV files or folders)
    straight away, and run until it closes. `qt_options` go to Qt (-style fusion, -platform offscreen, ...)."""
    # Warnings only, as the command line: the terminal a reviewer started the app from is not a log.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its font warnings mean nothing to a reviewer
    app = QApplication.instance() or QApplication([*sys.argv[:1], *qt_options])
    QApplication.setApplicationName("CV Screener")
    QApplication.setOrganizationName("CV Screener")
    install_excepthooks()
    quit_on_interrupt(app)
    window = MainWindow()
    window.session_opened.connect(remember_session)
    window.show()
    window.open_session(session_path or last_session_path())
    if paths:
        QTimer.singleShot(0, partial(window.import_paths, list(paths)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(run_gui([Path(arg) for arg in sys.argv[1:]]))
