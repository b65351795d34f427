"""Fixtures for the desktop app's tests: a window over a fake engine, and a generated CV PDF."""

from __future__ import annotations

import os

# Before any Qt import: the tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from fpdf import FPDF
from pytestqt.qtbot import QtBot
from ui_factories import PMP_BOX, FakeScreening

from ui.main_window import MainWindow
from ui.pdfium_thread import pdfium_pool

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says it cannot pass size hints to a window manager it does not have, nor raise
    # a popup (a combo box's list) or give it the keyboard.
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
                )
            )


@pytest.fixture(autouse=True)
def _pdfium_thread_idle_after_each_test() -> Iterator[None]:
    """A page render a test started runs to its end before the next test: left running, it would call what the
    next test replaces (a CV reader counted by a test) on the shared PDFium thread."""
    yield
    pdfium_pool().waitForDone()


@pytest.fixture
def screening() -> FakeScreening:
    return FakeScreening()


@pytest.fixture
def window(qtbot: QtBot, screening: FakeScreening, tmp_path: Path) -> Iterator[MainWindow]:
    main_window = MainWindow(engine_loader=screening.engine, session_path=tmp_path / "session.sqlite")
    qtbot.addWidget(main_window)
    yield main_window
    if main_window.is_importing():
        with qtbot.waitSignal(main_window.import_finished, timeout=10_000):
            main_window.cancel_import()


@pytest.fixture
def cv_pdf(tmp_path: Path) -> Path:
    """A one-page CV whose PMP line sits exactly at PMP_BOX."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.set_xy(PMP_BOX.x0, 72)
    pdf.cell(text="Ada Lovelace")
    pdf.set_xy(PMP_BOX.x0, PMP_BOX.top)
    pdf.cell(w=PMP_BOX.x1 - PMP_BOX.x0, h=PMP_BOX.bottom - PMP_BOX.top, text="PMP, Project Management Professional")
    path = tmp_path / "ada_lovelace.pdf"
    pdf.output(str(path))
    return path
