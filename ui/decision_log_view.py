"""Review › Decision log…: the session's log, read-only, filtered by candidate and exported as CSV or XLSX."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screener.decision_log import LOG_COLUMNS, LogAction, LogEntry, log_rows
from screener.errors import ScreenerError, SessionError
from screener.export import BLIND_COLUMN, write_table
from screener.settings_changes import settings_change
from screener.store import Session
from screener.user_settings import UserSettings

from . import messages
from .blind import BlindReview
from .errors import show_exception

_EVERYONE = ""  # the filter's value for every entry


class DecisionLogDialog(QDialog):
    """Shows what was done in the session, by whom and when; nothing here changes the log."""

    def __init__(self, session: Session, parent: QWidget | None = None, blind: BlindReview | None = None) -> None:
        """With blind review on, candidates not revealed are named by number, here and in what is exported."""
        super().__init__(parent)
        self._blind = blind if blind is not None and blind.is_on() else None
        self.setWindowTitle(f"Decision log — {session.path.name}" + (" (blind review)" if self._blind else ""))
        self._entries = [self._named(entry) for entry in session.decision_log()]
        self._columns = (
            tuple(BLIND_COLUMN if c.key == "candidate" else c for c in LOG_COLUMNS) if self._blind else LOG_COLUMNS
        )
        self._shown: list[LogEntry] = []
        self._filter = QComboBox()
        self._filter.addItem("All candidates and the session", _EVERYONE)
        for sha256, label in _candidates(self._entries).items():
            self._filter.addItem(label, sha256)
        self._filter.currentIndexChanged.connect(self._show_entries)
        self._table = QTableWidget(0, len(self._columns))
        self._table.setHorizontalHeaderLabels([c.header for c in self._columns])
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.verticalHeader().hide()
        export = QPushButton("&Export…")
        export.clicked.connect(self._choose_export_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        top = QHBoxLayout()
        caption = QLabel("&Candidate:")
        caption.setBuddy(self._filter)
        top.addWidget(caption)
        top.addWidget(self._filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._table)
        layout.addWidget(buttons)
        self.resize(960, 480)
        self._show_entries()

    def table(self) -> QTableWidget:
        return self._table

    def filter_box(self) -> QComboBox:
        return self._filter

    def _show_entries(self) -> None:
        chosen = self._filter.currentData()
        self._shown = [e for e in self._entries if chosen == _EVERYONE or e.sha256 == chosen]
        self._table.setRowCount(len(self._shown))
        for row, values in enumerate(log_rows(self._shown)):
            for column, spec in enumerate(self._columns):
                self._table.setItem(row, column, QTableWidgetItem(str(values[spec.key])))
        self._table.resizeColumnsToContents()

    def export_to(self, path: Path) -> None:
        """Write the entries shown as CSV or XLSX, as the file name asks."""
        title = "Decision log (blind review)" if self._blind else "Decision log"
        write_table(path, log_rows(self._shown), self._columns, title)
        messages.notify(f"Exported {len(self._shown)} log entries to {path}.")

    def _named(self, entry: LogEntry) -> LogEntry:
        if self._blind is None:
            return entry
        return replace(entry, candidate=self._blind.key_name(entry.sha256, entry.candidate))

    def _choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export Decision Log", "decision-log.xlsx", "Excel workbook (*.xlsx);;CSV (*.csv)"
        )
        if not name:
            return
        try:
            self.export_to(Path(name))
        except (OSError, ScreenerError) as exc:
            show_exception(self, exc)


def log_settings_change(
    session: Session | None, action: LogAction, before: UserSettings | None, after: UserSettings
) -> None:
    """Log a change of weights, catalogue or profiles; a log that cannot be written is said, not fatal."""
    change = settings_change(before or UserSettings(), after)
    if session is None or not change:
        return
    try:
        session.log_event(action, change)
    except SessionError as exc:
        messages.notify(f"The change was made but not logged: {exc}")


def _candidates(entries: list[LogEntry]) -> dict[str, str]:
    """Each candidate the log names, by content, under the name it was last logged with."""
    return {e.sha256: e.candidate for e in entries if e.sha256}
