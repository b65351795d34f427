"""Keys that work wherever the focus is: Ctrl+E exports from the filter box, Escape clears the filter; Ctrl+C
in the terminal closes the app cleanly; Qt's own command-line options reach Qt."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_factories import make_candidate

import ui.app
from ui import launcher
from ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


@pytest.fixture
def active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.model().append_candidates([make_candidate(name) for name in ("Ada Lovelace", "Alan Turing")])
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    return window


def filter_by(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClicks(window.filter_bar().text_box(), text)
    qtbot.waitUntil(lambda: window.proxy().rowCount() == 1)


@pytest.mark.parametrize("focus", ["filter box", "list"])
def test_escape_clears_the_text_filter(qtbot: QtBot, active: MainWindow, focus: str) -> None:
    filter_by(qtbot, active, "Ada")
    target = active.filter_bar().text_box() if focus == "filter box" else active.table()
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    assert active.filter_bar().text_box().text() == ""
    assert active.proxy().rowCount() == 2


def test_escape_in_the_filter_box_during_an_import_clears_the_filter_and_goes_on_importing(
    qtbot: QtBot, active: MainWindow
) -> None:
    filter_by(qtbot, active, "Ada")
    active.cancel_action.setEnabled(True)  # as during an import, when Escape in the list cancels it
    cancelled: list[bool] = []
    active.cancel_action.triggered.connect(lambda: cancelled.append(True))
    box = active.filter_bar().text_box()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and active.proxy().rowCount() == 2
    assert cancelled == []
    qtbot.keyClick(active.table(), Qt.Key.Key_Escape)  # from the list, Escape still cancels
    assert cancelled == [True]


def test_the_keyboard_alone_goes_from_the_list_to_the_note_and_back(qtbot: QtBot, active: MainWindow) -> None:
    active.select_source_row(0)
    table = active.table()
    table.setFocus()
    selected = table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and table.currentIndex().row() == selected  # Tab leaves the list
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    note = active.detail().note_editor()
    assert note.hasFocus()
    qtbot.keyClicks(note, "call back")
    qtbot.keyClick(note, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert table.hasFocus()
    assert active.model().review(0).note == "call back"


def test_qt_options_on_the_command_line_go_to_qt_and_the_rest_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[object, ...]] = []
    monkeypatch.setattr(ui.app, "run_gui", lambda *args: started.append(args) or 0)
    assert launcher.main(["-style", "fusion", "gui", "--session", "week.sqlite", "-reverse", "cv.pdf"]) == 0
    paths, session, qt_options = started[0]
    assert (paths, session) == ([Path("cv.pdf")], Path("week.sqlite"))
    assert qt_options == ["-style", "fusion", "-reverse"]


def test_ctrl_c_in_the_terminal_closes_the_app_cleanly(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("QT_QPA_PLATFORM", None)  # the platform comes as Qt's own option, as a user would give it
    session = tmp_path / "week.sqlite"
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from ui.launcher import main; sys.exit(main(sys.argv[1:]))",
            "-platform",
            "offscreen",
            "gui",
            "--session",
            str(session),
        ],
        env=environment,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        layout = tmp_path / "config" / "cv-screener" / "window.ini"
        waited = 0
        while not session.exists() and app.poll() is None and waited < 600:  # the window opened its session
            time.sleep(0.1)
            waited += 1
        app.send_signal(signal.SIGINT)
        _, errors = app.communicate(timeout=120)
    finally:
        app.kill()
    assert app.returncode == 0, errors
    # Python's own KeyboardInterrupt, raised in whatever Python code Qt happened to call, would quit too, but
    # with an error in the middle of a repaint or a save.
    assert not [line for line in errors.splitlines() if "Error" in line or "Traceback" in line]
    assert layout.exists()  # closed as Quit closes: the layout was saved on the way out


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb for an X11 desktop's key bindings")
def test_ctrl_e_exports_from_the_filter_box_on_an_x11_desktop(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": os.pathsep.join((str(ROOT), str(HERE)))}
    script = [sys.executable, str(HERE / "export_key_on_x11.py"), str(tmp_path / "session.sqlite")]
    run = subprocess.run(["xvfb-run", "-a", *script], env=environment, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
