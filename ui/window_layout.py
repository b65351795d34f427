"""How the window is laid out, and remembered between runs: the detail pane beside or below the list (or
hidden), the list's columns (shown, order, widths) and sort, the window's size and the splitter's position."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QMainWindow, QMenu, QScrollArea, QSplitter, QTableView, QWidget

from .candidate_model import HEADERS, Column

# Bump when a saved layout would restore wrongly (columns added or renumbered): the old one is then ignored.
_LAYOUT_VERSION = 1
_ALWAYS_SHOWN = frozenset((Column.NAME,))  # a row must say who it is


def window_settings() -> QSettings:
    """The layout file beside the app's other settings (an explicit path: Qt's own location is read once per
    process, where platformdirs follows the environment, so tests keep to their own folder)."""
    path = Path(platformdirs.user_config_dir("cv-screener", appauthor=False)) / "window.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def scrollable(pane: QWidget) -> QScrollArea:
    """The pane in a scroll area: on a short screen with the pane below the list, or at 2× scaling, it scrolls
    where its minimum height would otherwise push the window past the screen's edge."""
    area = QScrollArea()
    area.setWidget(pane)
    area.setWidgetResizable(True)  # the pane fills the area whenever there is room for it
    area.setFrameShape(QFrame.Shape.NoFrame)
    # Never narrower than the pane: its buttons and page stay whole; only its height gives way.
    area.setMinimumWidth(pane.minimumSizeHint().width())
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class WindowLayout(QObject):
    """The View menu's layout toggles, the list header's column menu, and saving and restoring all of it."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, table: QTableView) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._table = table
        self.detail_below_action = self._toggle("Detail &Below the List", "Ctrl+Shift+B", self._place_detail)
        self.detail_below_action.setStatusTip("Give the list the full width: for small or scaled screens")
        self.show_detail_action = self._toggle("Show &Detail Pane", "Ctrl+Shift+D", self._show_detail)
        self.show_detail_action.setChecked(True)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)  # columns are dragged into the order a reviewer reads them
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._offer_columns)

    def _toggle(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(key))
        action.toggled.connect(slot)
        self._window.addAction(action)
        return action

    def _place_detail(self, below: bool) -> None:
        self._splitter.setOrientation(Qt.Orientation.Vertical if below else Qt.Orientation.Horizontal)

    def _show_detail(self, shown: bool) -> None:
        detail = self._splitter.widget(1)
        if detail is not None:
            detail.setVisible(shown)

    # Columns ----------------------------------------------------------------------------------------

    def column_menu(self) -> QMenu:
        """A tick for each column the reviewer may hide; Name always stays."""
        menu = QMenu(self._table)
        header = self._table.horizontalHeader()
        for visual in range(header.count()):
            column = Column(header.logicalIndex(visual))
            if column in _ALWAYS_SHOWN:
                continue
            action = menu.addAction(HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, column=column: header.setSectionHidden(column, not shown))
        return menu

    def _offer_columns(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self._table.horizontalHeader().mapToGlobal(position))

    # Remembering ------------------------------------------------------------------------------------

    def save(self, settings: QSettings) -> None:
        settings.setValue("layout/version", _LAYOUT_VERSION)
        settings.setValue("layout/geometry", self._window.saveGeometry())
        settings.setValue("layout/window", self._window.saveState(_LAYOUT_VERSION))
        settings.setValue("layout/splitter", self._splitter.saveState())
        settings.setValue("layout/columns", self._table.horizontalHeader().saveState())
        settings.setValue("layout/detail-below", self.detail_below_action.isChecked())
        settings.setValue("layout/detail-shown", self.show_detail_action.isChecked())
        settings.sync()

    def restore(self, settings: QSettings) -> bool:
        """Put back the layout of the last run; False (and the defaults kept) when there is none to use."""
        if str(settings.value("layout/version")) != str(_LAYOUT_VERSION):  # text when read from the file
            return False
        self.detail_below_action.setChecked(_flag(settings.value("layout/detail-below")))
        self.show_detail_action.setChecked(_flag(settings.value("layout/detail-shown", "true")))
        self._window.restoreGeometry(_bytes(settings.value("layout/geometry")))
        self._window.restoreState(_bytes(settings.value("layout/window")), _LAYOUT_VERSION)
        self._splitter.restoreState(_bytes(settings.value("layout/splitter")))
        header = self._table.horizontalHeader()
        if header.restoreState(_bytes(settings.value("layout/columns"))):
            # The header shows the sort it had; the rows follow only when asked to sort.
            self._table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return True


def _flag(value: object) -> bool:
    return str(value).lower() == "true"  # an INI file gives booleans back as text


def _bytes(value: object) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray()
