"""Screenshot of the window screening the bundled samples, for the README: run under Xvfb.

    Xvfb :97 -screen 0 1024x640x24 &
    DISPLAY=:97 python docs/take_screenshot.py docs/app-1024x640-light.png [--dark] [--blind]

Settings and the session go to a temporary folder: the user's own are never read or changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QPalette

_SETTLE_MS = 2500  # after the import: the page render and the status bar's summary
_SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def dark_palette() -> QPalette:
    """A dark palette as desktops set one: Xvfb has no desktop whose colour scheme Qt could follow."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, rgb in (
        (roles.Window, (45, 45, 48)),
        (roles.WindowText, (225, 225, 225)),
        (roles.Base, (30, 30, 32)),
        (roles.AlternateBase, (40, 40, 44)),
        (roles.Text, (225, 225, 225)),
        (roles.PlaceholderText, (140, 140, 140)),
        (roles.Button, (55, 55, 60)),
        (roles.ButtonText, (225, 225, 225)),
        (roles.Highlight, (42, 110, 190)),
        (roles.HighlightedText, (255, 255, 255)),
        (roles.ToolTipBase, (55, 55, 60)),
        (roles.ToolTipText, (225, 225, 225)),
        (roles.Light, (80, 80, 86)),
        (roles.Midlight, (70, 70, 75)),
        (roles.Mid, (90, 90, 96)),
        (roles.Dark, (25, 25, 27)),
        (roles.Shadow, (10, 10, 10)),
        (roles.Link, (110, 170, 255)),
    ):
        palette.setColor(role, QColor(*rgb))
    return palette


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png", type=Path)
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    parser.add_argument("--blind", action="store_true", help="in blind review (View › Blind Review)")
    arguments = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="cv-screener-shot-"))
    os.environ.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0], "-style", "fusion"])
    if arguments.dark:
        app.setPalette(dark_palette())
    window = MainWindow(session_path=home / "screenshot.sqlite")
    window.setGeometry(app.primaryScreen().availableGeometry())  # Xvfb has no window manager to maximise it
    window.show()

    def show_the_best() -> None:
        """The top of the ranking, with its first evidence chosen and ringed on the page."""
        window.blind_review().set_on(arguments.blind)
        window.select_source_row(window.proxy().source_row(0))
        evidence = window.detail().evidence_tree()
        if not arguments.blind:  # in blind review the top of the page, where the covers are, stays in view
            evidence.setCurrentItem(evidence.topLevelItem(0).child(0))
        QTimer.singleShot(_SETTLE_MS, shoot)

    def shoot() -> None:
        app.primaryScreen().grabWindow(0).save(str(arguments.png))
        window.close()

    window.import_finished.connect(show_the_best)
    QTimer.singleShot(500, lambda: window.import_paths([_SAMPLES]))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
