"""Where to click: table cells, header sections, combo-box items and toolbar buttons, for tests that drive
the window with the mouse the way a reviewer would."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QTableView, QToolBar
from pytestqt.qtbot import QtBot


def header_centre(table: QTableView, column: int) -> QPoint:
    """The middle of a column's header section, in the header viewport's coordinates."""
    header = table.horizontalHeader()
    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    table.scrollTo(table.model().index(0, column))
    qtbot.mouseClick(table.horizontalHeader().viewport(), Qt.MouseButton.LeftButton, pos=header_centre(table, column))


def click_cell(qtbot: QtBot, table: QTableView, row: int, column: int) -> None:
    """Click a cell by view row, scrolling it into view first as a reviewer would."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def choose_in_combo(qtbot: QtBot, combo: QComboBox, data: Any) -> None:
    """Open the combo box's list with a click and click the item holding `data`."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    # A combo box ignores a release that follows its opening too closely (it could be the same click).
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    item = popup.model().index(combo.findData(data), 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(item).center())
    qtbot.waitUntil(lambda: not popup.isVisible())


def click_toolbar_button(qtbot: QtBot, window: QMainWindow, action: QAction) -> None:
    toolbar = next(bar for bar in window.findChildren(QToolBar) if action in bar.actions())
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)
