"""The Qt bindings in use keep Python's reference counts intact (PySide6 6.12.0 on Python 3.11 does not)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    # Other code may hold a few more references meanwhile; a leak would drop the count by ~2000.
    assert sys.getrefcount(None) >= before - 50
