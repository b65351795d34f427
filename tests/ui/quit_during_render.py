"""Quits the app while a CV page renders, `rounds` times, then exits the process during one more render.

Run as a script by test_page_render_quit.py: a crash kills the process, so it must not be the test's own.
Usage: python quit_during_render.py PDF ROUNDS
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui_factories import make_candidate

from ui.page_view import PageView


def start_render(pdf: str) -> PageView:
    view = PageView()
    view.resize(400, 600)
    view.show()
    view.show_candidate(make_candidate(file=pdf))  # the render starts at once
    return view


def main(pdf: str, rounds: int) -> None:
    app = QApplication([])
    for _ in range(rounds):
        view = start_render(pdf)
        QTimer.singleShot(0, app.quit)
        app.exec()
        view.deleteLater()
    start_render(pdf)  # and leave Python while it runs


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
