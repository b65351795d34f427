"""The window fits a 1024×640 screen (or 2048×1280 at 2× scaling) with nothing cut off; the detail pane moves
below the list or hides, columns hide from the header's menu, and the layout and sort survive a restart.

The offscreen platform's screen is 800×600, so a restored window size is clamped to it: the size itself is
checked under Xvfb, not here."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_factories import FakeScreening, make_candidate

from screener.user_settings import UserSettings
from ui.candidate_model import HEADERS, SCORE_COLUMNS, Column
from ui.main_window import MainWindow

SMALL_SCREEN = (1024, 640)


def open_window(
    qtbot: QtBot, screening: FakeScreening, session: Path, size: tuple[int, int] | None = None
) -> MainWindow:
    window = MainWindow(engine_loader=screening.engine, session_path=session)
    qtbot.addWidget(window)
    window.model().append_candidates([make_candidate(name) for name in ("Ada Lovelace", "Alan Turing")])
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def rect_in_window(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def what_a_reviewer_uses(window: MainWindow) -> list[QWidget]:
    detail, filters = window.detail(), window.filter_bar()
    buttons = [detail.verdict_button(verdict) for verdict in ("shortlist", "maybe", "reject", "none")]
    return [*buttons, detail.note_editor(), detail.page_view(), window.table(), *filters.findChildren(QWidget)]


@pytest.fixture
def session(tmp_path: Path) -> Path:
    return tmp_path / "session.sqlite"


def test_at_1024_by_640_every_control_is_whole_and_inside_the_window(
    qtbot: QtBot, screening: FakeScreening, session: Path
) -> None:
    window = open_window(qtbot, screening, session, SMALL_SCREEN)
    assert window.minimumSizeHint().width() <= SMALL_SCREEN[0]
    assert window.minimumSizeHint().height() <= SMALL_SCREEN[1]
    assert (window.width(), window.height()) == SMALL_SCREEN  # not pushed wider than the screen
    for widget in what_a_reviewer_uses(window):
        if widget.isVisible() and widget.isWindow() is False and widget.minimumSizeHint().isValid():
            assert window.rect().contains(rect_in_window(window, widget)), widget.objectName() or widget
            assert widget.width() >= widget.minimumSizeHint().width(), widget.objectName() or widget


def test_at_1024_by_640_both_scores_are_in_sight_and_no_header_is_cut(
    qtbot: QtBot, screening: FakeScreening, session: Path
) -> None:
    engine = dataclasses.replace(screening.engine(), user_settings=UserSettings())  # a profile ranks the list
    window = MainWindow(engine_loader=lambda: engine, session_path=session)
    qtbot.addWidget(window)
    window.model().append_candidates([make_candidate(f"Candidate {index}") for index in range(60)])  # scrolls
    window.resize(*SMALL_SCREEN)
    window.show()
    qtbot.waitExposed(window)
    table = window.table()
    header = table.horizontalHeader()
    assert table.verticalScrollBar().isVisible() and not header.isSectionHidden(Column.GATES)
    for column in SCORE_COLUMNS:
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width()
    stretched = header.logicalIndex(header.count() - 1)
    for column in Column:
        if column != stretched and not header.isSectionHidden(column):
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), HEADERS[column]


def test_the_detail_pane_moves_below_the_list_or_hides(qtbot: QtBot, screening: FakeScreening, session: Path) -> None:
    window = open_window(qtbot, screening, session, SMALL_SCREEN)
    arrangement = window.arrangement()
    arrangement.detail_below_action.trigger()
    table, detail = rect_in_window(window, window.table()), rect_in_window(window, window.detail())
    assert detail.top() > table.bottom()
    assert table.width() > SMALL_SCREEN[0] * 0.9  # the list has the full width
    assert window.minimumSizeHint().height() <= SMALL_SCREEN[1] - 40  # room for the title bar and a panel
    arrangement.show_detail_action.trigger()
    assert not window.detail().isVisible()
    assert window.minimumSizeHint().width() < SMALL_SCREEN[0] * 0.6


def test_a_column_is_hidden_from_the_headers_menu_but_never_the_name(
    qtbot: QtBot, screening: FakeScreening, session: Path
) -> None:
    window = open_window(qtbot, screening, session, SMALL_SCREEN)
    menu = window.arrangement().column_menu()
    offered = {action.text(): action for action in menu.actions()}
    assert HEADERS[Column.NAME] not in offered
    offered[HEADERS[Column.FILE]].trigger()
    assert window.table().horizontalHeader().isSectionHidden(Column.FILE)


def test_size_panes_columns_and_sort_come_back_after_a_restart(
    qtbot: QtBot, screening: FakeScreening, session: Path
) -> None:
    window = open_window(qtbot, screening, session, (1200, 700))
    header = window.table().horizontalHeader()
    window.arrangement().column_menu().actions()[-1].trigger()  # hide the last column offered
    hidden = [column for column in Column if header.isSectionHidden(column)]
    header.moveSection(header.visualIndex(Column.YEARS), 1)
    header.resizeSection(Column.NAME, 222)
    window.table().sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    window.arrangement().detail_below_action.trigger()
    window.close()

    again = open_window(qtbot, screening, session)
    header = again.table().horizontalHeader()
    assert hidden and [column for column in Column if header.isSectionHidden(column)] == hidden
    assert header.logicalIndex(1) == Column.YEARS
    assert header.sectionSize(Column.NAME) == 222
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (Column.NAME, Qt.SortOrder.AscendingOrder)
    assert again.arrangement().detail_below_action.isChecked()
    assert rect_in_window(again, again.detail()).top() > rect_in_window(again, again.table()).bottom()
