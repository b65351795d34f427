"""What a reviewer reads at a glance: crowded points on the map, unreadable files, the chosen evidence, the
empty list while screening, a session open twice, and degrees as CVs name them."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTextBrowser
from pytestqt.qtbot import QtBot
from ui_factories import PMP_BOX, FakeScreening, make_candidate, make_error, pdf_files, span

from screener.models import Box, Degree, Evidence
from ui.candidate_model import Column
from ui.main_window import MainWindow
from ui.page_view import FOCUS_COLOUR, PageCanvas

NAME_BOX = Box(x0=72.0, top=72.0, x1=200.0, bottom=86.0)  # where the generated CV prints the name
PMP = Evidence("management", "certifications", "PMP certification (held)", 30.0, span("PMP"))
NAME = Evidence("technical", "skills", "Named on the CV", 5.0, span("Ada Lovelace", box=NAME_BOX))
DAMAGED = "the PDF is damaged and cannot be read (Failed to load document (PDFium: Data format error).)"


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def visible_dialog() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_candidates_with_the_same_scores_are_spread_and_each_can_be_picked(qtbot: QtBot, window: MainWindow) -> None:
    names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Peggy Smith"]
    window.model().append_candidates([make_candidate(name, management=50, technical=50) for name in names])
    shown(qtbot, window).views().setCurrentWidget(window.chart())
    chart = window.chart()
    qtbot.waitExposed(chart)
    places = [chart.point_position(row) for row in range(4)]
    assert all(place is not None for place in places)
    spots = [place for place in places if place is not None]
    assert min(
        (a - b).manhattanLength() for index, a in enumerate(spots) for b in spots[index + 1 :]
    ) >= 7  # about a dot's width apart: none hides another
    for row, place in enumerate(spots):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=place.toPoint())
        assert window.proxy().mapToSource(window.table().currentIndex()).row() == row
    # Pointing at the crowd lists who is there.
    crowd = chart.tooltip_at(QPointF(spots[0]))
    assert names[0] in crowd and crowd.count("management 50, technical 50") >= 2


def test_an_unreadable_file_says_why_in_plain_words(qtbot: QtBot, window: MainWindow) -> None:
    window.model().append_candidates([make_error("/cvs/broken.pdf", DAMAGED)])
    shown(qtbot, window).select_source_row(0)
    pane = window.detail()
    said = "This file could not be read: the PDF is damaged and cannot be read."
    assert said in [label.text() for label in pane.findChildren(QLabel)]
    profile = pane.findChild(QTextBrowser).toPlainText()
    assert "broken.pdf" in profile and "Certifications" not in profile and "None found" not in profile
    assert pane.page_view().canvas().placeholder() == said
    assert "PDFium" not in said


def ring_colour(canvas: PageCanvas, box: Box) -> QColor:
    """The colour just outside the top edge of a box's highlight, where the chosen one is ringed."""
    picture = canvas.grab().toImage()
    rect = canvas.box_rect(box)
    ratio = picture.devicePixelRatio()
    return picture.pixelColor(round(rect.center().x() * ratio), round((rect.top() - 3) * ratio))


def is_focus_colour(colour: QColor) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour.getRgb()[:3], FOCUS_COLOUR.getRgb()[:3], strict=True))


def test_the_chosen_evidence_box_stands_out_from_the_others(qtbot: QtBot, window: MainWindow, cv_pdf: Path) -> None:
    ada = make_candidate("Ada Lovelace", file=str(cv_pdf), evidence=[PMP, NAME])
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=10_000):
        window.model().append_candidates([ada])
        shown(qtbot, window).select_source_row(0)
    tree, canvas = window.detail().evidence_tree(), page_view.canvas()
    for chosen, branch, other in ((PMP_BOX, 0, NAME_BOX), (NAME_BOX, 1, PMP_BOX)):
        tree.setCurrentItem(tree.topLevelItem(branch).child(0))
        assert is_focus_colour(ring_colour(canvas, chosen))
        assert not is_focus_colour(ring_colour(canvas, other))


def test_the_empty_list_says_nothing_while_screening(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    table = window.table()
    assert "Drop CVs (PDF or Word)" in table.hint()
    screening.release = threading.Event()
    window.import_paths(pdf_files(tmp_path / "cvs", 2))
    qtbot.waitUntil(window.is_importing, timeout=5000)
    assert window.model().rowCount() == 0 and table.hint() == ""
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        screening.release.set()
    assert window.model().rowCount() == 2 and table.hint() == ""


def test_a_second_window_on_the_same_session_is_warned(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path
) -> None:
    session = window.session()
    assert session is not None
    second = MainWindow(engine_loader=screening.engine, session_path=session.path)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: visible_dialog() is not None, timeout=5000)
    dialog = visible_dialog()
    assert dialog is not None and "open in another CV Screener window" in dialog.text()
    dialog.close()
    second.close()
    window.close()  # the session is free again: the next window opens it without a word
    third = MainWindow(engine_loader=screening.engine, session_path=session.path)
    qtbot.addWidget(third)
    third.show()
    qtbot.wait(200)
    assert visible_dialog() is None and third.session() is not None


@pytest.mark.parametrize(
    ("level", "field", "shown_as"),
    [("mba", "MBA", "MBA"), ("bachelor", "History", "Bachelor's, History"), ("master", "", "Master's")],
)
def test_degrees_read_as_cvs_name_them(window: MainWindow, level: str, field: str, shown_as: str) -> None:
    degree = Degree(level, field, False, level == "mba", "completed", field, span(field))  # type: ignore[arg-type]
    candidate = replace(make_candidate("Ada Lovelace"), degrees=(degree,))
    window.model().append_candidates([candidate])
    assert window.model().index(0, Column.DEGREE).data() == shown_as
    window.select_source_row(0)
    assert shown_as in window.detail().findChild(QTextBrowser).toPlainText()
