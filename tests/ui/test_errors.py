"""One error path: engine errors in their own words, surprises with details, cancellation silent."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from screener.errors import Cancelled, UnreadablePdfError
from ui.errors import install_excepthooks, show_exception


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def open_dialog(parent: QWidget) -> QMessageBox | None:
    return parent.findChild(QMessageBox)


def close(dialog: QMessageBox) -> None:
    dialog.done(0)


def test_cancelling_is_silent(parent: QWidget) -> None:
    show_exception(parent, Cancelled("stopped"))
    assert open_dialog(parent) is None


def test_engine_errors_are_shown_in_their_own_words(parent: QWidget) -> None:
    show_exception(parent, UnreadablePdfError("cv.pdf is encrypted"))
    dialog = open_dialog(parent)
    assert dialog is not None and dialog.text() == "cv.pdf is encrypted" and not dialog.detailedText()
    close(dialog)


def test_surprises_apologise_and_carry_details(parent: QWidget) -> None:
    show_exception(parent, KeyError("sha256"))
    dialog = open_dialog(parent)
    assert dialog is not None
    assert "keeps running" in dialog.text()
    assert "KeyError" in dialog.detailedText()
    close(dialog)


def test_an_error_after_a_window_closed_under_its_dialog_is_shown(qtbot: QtBot) -> None:
    closing = QWidget()
    show_exception(closing, UnreadablePdfError("first.pdf is encrypted"))
    assert open_dialog(closing) is not None
    with qtbot.waitSignal(closing.destroyed):
        closing.deleteLater()  # the window goes, and its dialog with it, never finished
    other = QWidget()
    qtbot.addWidget(other)
    show_exception(other, UnreadablePdfError("second.pdf is encrypted"))
    dialog = open_dialog(other)
    assert dialog is not None and dialog.text() == "second.pdf is encrypted"
    close(dialog)


@pytest.fixture
def hooks() -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    install_excepthooks()
    yield
    sys.excepthook, threading.excepthook = saved


def visible_dialog() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_an_exception_in_a_worker_thread_reaches_a_dialog(qtbot: QtBot, hooks: None) -> None:
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: visible_dialog() is not None, timeout=5000)
    dialog = visible_dialog()
    assert dialog is not None and "ZeroDivisionError" in dialog.detailedText()
    close(dialog)
