"""The detail pane shows a candidate's evidence on their CV page; the score map and the list stay in sync."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from ui_factories import PMP_BOX, FakeScreening, cert, make_candidate, span
from ui_mouse import click_header

from screener.catalogue import load_catalogue
from screener.models import Evidence
from screener.settings import Settings
from ui.candidate_model import Column
from ui.candidate_proxy import CandidateFilter
from ui.main_window import MainWindow

PMP_EVIDENCE = Evidence("management", "certifications", "PMP certification (held)", 30.0, span("PMP, Project ..."))
MSC_EVIDENCE = Evidence("technical", "degrees", "Master's in Computer Science", 20.0, span("MSc", box=PMP_BOX))


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow, cv_pdf: Path) -> MainWindow:
    window.model().append_candidates(
        [
            make_candidate(
                "Ada Lovelace",
                management=72,
                technical=64,
                file=str(cv_pdf),
                certifications=[cert("PMP")],
                evidence=[PMP_EVIDENCE, MSC_EVIDENCE],
            ),
            make_candidate("Alan Turing", management=10, technical=90, role_fit="technical"),
            make_candidate("Peggy Smith", management=80, technical=15, role_fit="pm"),
        ]
    )
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def row_of(window: MainWindow, name: str) -> int:
    """The source row of a candidate: rows move when the list is sorted."""
    model = window.model()
    return next(row for row in range(model.rowCount()) if model.candidate(row).contact.name == name)


def darkest(image: QImage, area: QRect) -> int:
    """The lowest lightness of the pixels in `area` (0 black, 255 white); the image may be high-DPI."""
    ratio = image.devicePixelRatio()
    return min(
        image.pixelColor(round(x * ratio), round(y * ratio)).lightness()
        for x in range(area.left(), area.right(), 2)
        for y in range(area.top(), area.bottom())
    )


def evidence_items(window: MainWindow) -> dict[str, str]:
    tree = window.detail().evidence_tree()
    items = {}
    for top in range(tree.topLevelItemCount()):
        branch = tree.topLevelItem(top)
        for child in range(branch.childCount()):
            items[branch.child(child).text(0)] = branch.child(child).text(1)
    return items


def test_detail_pane_shows_the_evidence_behind_the_scores(qtbot: QtBot, shown: MainWindow) -> None:
    with qtbot.waitSignal(shown.detail().page_view().page_rendered, timeout=5000):
        shown.select_source_row(0)
    assert evidence_items(shown) == {"PMP certification (held)": "+30", "Master's in Computer Science": "+20"}
    tree = shown.detail().evidence_tree()
    assert [tree.topLevelItem(i).text(1) for i in range(2)] == ["72", "64"]


def test_choosing_evidence_highlights_its_box_on_the_page(qtbot: QtBot, shown: MainWindow) -> None:
    page_view = shown.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=5000):
        shown.select_source_row(0)
    tree = shown.detail().evidence_tree()
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    canvas = page_view.canvas()
    assert canvas.focused() == PMP_EVIDENCE
    scale = canvas.width() / 595.28  # A4 width in points
    highlight = canvas.box_rect(PMP_BOX)
    assert highlight.left() == pytest.approx(PMP_BOX.x0 * scale, rel=0.01)
    assert highlight.top() == pytest.approx(PMP_BOX.top * scale, rel=0.01)
    # The box sits on the printed line: dark text pixels inside it, only white paper in the margin above.
    picture = canvas.grab().toImage()
    assert darkest(picture, highlight.toRect()) < 100
    assert darkest(picture, highlight.toRect().translated(0, -round(60 * scale))) > 200


def test_a_closed_window_draws_no_page_again(qtbot: QtBot, shown: MainWindow) -> None:
    page_view = shown.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=5000):
        shown.select_source_row(0)
    shown.resize(shown.width() - 100, shown.height())  # a new width: the page is drawn again after a pause
    shown.close()
    with qtbot.assertNotEmitted(page_view.page_rendered, wait=500):
        pass


def test_a_missing_file_is_said_on_the_page_not_a_crash(qtbot: QtBot, shown: MainWindow) -> None:
    shown.statusBar().showMessage("Screened 3 CVs")
    shown.select_source_row(row_of(shown, "Alan Turing"))  # /cvs/alan_turing.pdf does not exist
    canvas = shown.detail().page_view().canvas()
    qtbot.waitUntil(lambda: "alan_turing.pdf" in canvas.placeholder(), timeout=5000)
    assert shown.statusBar().currentMessage() == "Screened 3 CVs"  # the import's summary stays


def test_decisions_from_the_pane_and_from_shortcuts_reach_the_list(qtbot: QtBot, shown: MainWindow) -> None:
    shown.activateWindow()
    qtbot.waitActive(shown)
    alan = row_of(shown, "Alan Turing")
    shown.select_source_row(alan)
    shown.table().setFocus()
    qtbot.keyClick(shown.table(), Qt.Key.Key_1)
    assert shown.model().index(alan, Column.DECISION).data() == "Shortlist"
    qtbot.keyClick(shown.table(), Qt.Key.Key_3)
    assert shown.model().index(alan, Column.DECISION).data() == "Reject"
    qtbot.keyClicks(shown.detail().note_editor(), "Ask about the Bletchley project")
    assert shown.model().review(alan).note == "Ask about the Bletchley project"
    qtbot.mouseClick(shown.detail().verdict_button("maybe"), Qt.MouseButton.LeftButton)
    assert shown.model().review(alan).verdict == "maybe"
    assert shown.model().review(alan).note == "Ask about the Bletchley project"


def test_clicking_a_point_on_the_map_selects_its_row(qtbot: QtBot, shown: MainWindow) -> None:
    shown.views().setCurrentWidget(shown.chart())
    chart = shown.chart()
    qtbot.waitExposed(chart)
    where = chart.point_position(2)
    assert where is not None
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=where.toPoint())
    current = shown.proxy().mapToSource(shown.table().currentIndex())
    assert current.row() == 2
    assert shown.detail().current_row() == 2
    assert chart.selected_row() == 2


def test_the_map_follows_the_list_and_its_filters(shown: MainWindow) -> None:
    alan, peggy = row_of(shown, "Alan Turing"), row_of(shown, "Peggy Smith")
    shown.select_source_row(alan)
    assert shown.chart().selected_row() == alan
    shown.proxy().set_filter(CandidateFilter(role_fit="pm"))
    assert shown.chart().point_position(alan) is None
    assert shown.chart().point_position(peggy) is not None


def test_the_pane_and_the_map_keep_their_candidate_when_the_list_is_sorted(qtbot: QtBot, shown: MainWindow) -> None:
    shown.activateWindow()
    qtbot.waitActive(shown)  # the decision shortcut reaches the active window only
    shown.select_source_row(row_of(shown, "Alan Turing"))
    names_before = [shown.proxy().index(row, Column.NAME).data() for row in range(3)]
    click_header(qtbot, shown.table(), Column.NAME)
    assert [shown.proxy().index(row, Column.NAME).data() for row in range(3)] != names_before
    alan = row_of(shown, "Alan Turing")
    assert shown.detail().current_row() == alan
    assert shown.chart().selected_row() == alan
    assert shown.proxy().mapToSource(shown.table().currentIndex()).row() == alan
    qtbot.keyClick(shown.table(), Qt.Key.Key_1)
    assert shown.model().review(alan).verdict == "shortlist"


def test_the_map_draws_the_catalogues_thresholds(qtbot: QtBot, screening: FakeScreening) -> None:
    catalogue = load_catalogue()
    thresholds = {"management": 30.0, "technical": 65.0}
    strict = replace(catalogue, scoring=replace(catalogue.scoring, thresholds=thresholds))
    engine = replace(screening.engine(), settings=Settings(catalogue=strict))
    window = MainWindow(engine_loader=lambda: engine)
    qtbot.addWidget(window)
    # A candidate exactly on both thresholds marks where the dashed lines must cross.
    window.model().append_candidates([make_candidate("Ada Lovelace", management=30, technical=65)])
    chart = window.chart()
    chart.resize(500, 400)
    crossing = chart.point_position(0)
    assert crossing is not None
    picture = chart.grab().toImage()
    above_the_dot = QRect(round(crossing.x()) - 1, 20, 3, round(crossing.y()) - 40)
    assert darkest(picture, above_the_dot) < 100, "a dark dashed line runs up from the crossing"
