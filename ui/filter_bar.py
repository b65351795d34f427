"""The row of filters above the list: free text, quick filters a reviewer reaches for most, the profile ranking it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from .candidate_proxy import CandidateFilter
from .decisions import VERDICT_LABELS
from .labels import ROLE_FIT_LABELS

_TEXT_DELAY_MS = 150  # filter once typing pauses, not on every key, so 10,000 rows never stutter


class FilterBar(QWidget):
    filter_changed = Signal(object)  # CandidateFilter
    profile_chosen = Signal(str)  # the name of the profile to rank by; "" ranks by role fit alone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = QLineEdit()
        self._text.setPlaceholderText("Filter by name, email, certification, degree or file (Ctrl+F)")
        self._text.setClearButtonEnabled(True)
        self._text.installEventFilter(self)
        self._role_fit = QComboBox()
        self._role_fit.addItem("Any role fit", None)
        for role_fit, label in ROLE_FIT_LABELS.items():
            self._role_fit.addItem(label, role_fit)
        self._pm_certified = QCheckBox("PM certification")
        self._pm_certified.setToolTip("Only candidates holding a project-management or agile certification")
        self._min_management = self._score_box("Management at least")
        self._min_technical = self._score_box("Technical at least")
        self._verdict = QComboBox()
        self._verdict.addItem("Any decision", None)
        for verdict, label in VERDICT_LABELS.items():
            self._verdict.addItem(label or "Undecided", verdict)
        self._profile = QComboBox()
        self._profile.setToolTip("The role profile whose must-haves and nice-to-haves rank the list")
        self._profile.currentIndexChanged.connect(lambda: self.profile_chosen.emit(self._profile.currentData()))
        self._typing = QTimer(self, singleShot=True, interval=_TEXT_DELAY_MS)
        self._typing.timeout.connect(self._emit)
        self._text.textChanged.connect(self._typing.start)
        for combo in (self._role_fit, self._verdict):
            combo.currentIndexChanged.connect(self._emit)
        self._pm_certified.toggled.connect(self._emit)
        for spin in (self._min_management, self._min_technical):
            spin.valueChanged.connect(self._emit)
        self._name_for_tools()
        self._layout()

    def _name_for_tools(self) -> None:
        """Names that screen readers announce and tests find the filters by."""
        for widget, name in (
            (self._text, "Filter text"),
            (self._role_fit, "Role fit"),
            (self._pm_certified, "PM certification"),
            (self._verdict, "Decision"),
            (self._min_management, "Management at least"),
            (self._min_technical, "Technical at least"),
            (self._profile, "Rank by profile"),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(name)

    def _score_box(self, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setSingleStep(5)
        spin.setToolTip(tip)
        return spin

    def _layout(self) -> None:
        # Two rows, each narrow enough for a 1024-pixel window with the detail pane beside the list: the
        # minimum scores beside the text box (which takes what room is left), the choices below it.
        first = QHBoxLayout()
        first.addWidget(self._text, 1)
        first.addWidget(QLabel("Management ≥"))
        first.addWidget(self._min_management)
        first.addWidget(QLabel("Technical ≥"))
        first.addWidget(self._min_technical)
        quick = QHBoxLayout()
        quick.addWidget(self._role_fit)
        quick.addWidget(self._pm_certified)
        quick.addSpacing(8)
        quick.addWidget(self._verdict)
        quick.addStretch()
        quick.addWidget(QLabel("Rank by"))
        quick.addWidget(self._profile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(quick)

    def set_profiles(self, names: Sequence[str], active: str) -> None:
        """Offer these profiles, showing the one the list is ranked by; no signal, as nothing was chosen."""
        with QSignalBlocker(self._profile):
            self._profile.clear()
            self._profile.addItem("No profile (role fit)", "")
            for name in names:
                self._profile.addItem(name, name)
            self._profile.setCurrentIndex(max(self._profile.findData(active), 0))

    def focus_text(self) -> None:
        self._text.setFocus()
        self._text.selectAll()

    def text_box(self) -> QLineEdit:
        return self._text

    def clear_text(self) -> None:
        """Show every candidate again as far as the text goes; the quick filters stay as chosen."""
        self._text.clear()
        self._emit()  # at once: the reviewer asked for it, not typing that may go on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape typed in the text box clears it, before a window-wide Escape (Cancel Import) can take the key:
        someone typing a filter during an import means the filter, not the import."""
        escape = event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and (
            isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        )
        if watched is not self._text or not escape or not self._text.text():
            return super().eventFilter(watched, event)
        event.accept()  # a ShortcutOverride accepted sends the key to the box instead of to any shortcut
        if event.type() == QEvent.Type.KeyPress:
            self.clear_text()
        return True

    def current_filter(self) -> CandidateFilter:
        return CandidateFilter(
            text=self._text.text().strip(),
            role_fit=self._role_fit.currentData(),
            pm_certified=self._pm_certified.isChecked(),
            min_management=float(self._min_management.value()),
            min_technical=float(self._min_technical.value()),
            verdict=self._verdict.currentData(),
        )

    def _emit(self) -> None:
        self._typing.stop()
        self.filter_changed.emit(self.current_filter())
