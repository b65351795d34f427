"""Presses Ctrl+E in the filter box of a window on a real X11 server; exits 0 when the export was asked for.

Run as a script by test_shortcuts.py under Xvfb: only an X11 desktop's key bindings give Ctrl+E to a text box
(end of line), and the test process itself runs on the offscreen platform.
Usage: QT_QPA_PLATFORM=xcb python export_key_on_x11.py SESSION
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_factories import FakeScreening

from ui.main_window import MainWindow


def main(session: Path) -> int:
    app = QApplication([])
    window = MainWindow(engine_loader=FakeScreening().engine, session_path=session)
    asked: list[bool] = []
    window.export_action.triggered.connect(lambda: asked.append(True))
    window.show()
    window.activateWindow()  # Xvfb runs no window manager to do it
    if not QTest.qWaitForWindowActive(window):
        print("the window never became active", file=sys.stderr)
        return 2
    text_box = window.filter_bar().text_box()
    text_box.setFocus()
    QTest.keyClicks(text_box, "Ada")
    QTest.keyClick(text_box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    app.closeAllWindows()
    return 0 if asked else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
