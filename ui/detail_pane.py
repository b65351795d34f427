"""The selected candidate: who they are, the reviewer's decision and note, the score breakdown and the CV page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screener.duplicates import is_same_person_warning
from screener.export import dated, degree_text
from screener.models import Axis, Candidate, Evidence
from screener.profiles import gates_summary

from .blind import BLIND_CONTACT, BlindReview
from .candidate_model import CandidateTableModel, Column
from .decisions import Review, Verdict
from .labels import ROLE_FIT_LABELS, gates_text, unreadable_text, years_text
from .page_view import AXIS_COLOURS, PageView
from .same_person import sentence

VERDICT_SHORTCUT_KEYS: dict[Verdict, str] = {"shortlist": "1", "maybe": "2", "reject": "3", "none": "0"}
_BUTTON_LABELS: dict[Verdict, str] = {"shortlist": "Shortlist", "maybe": "Maybe", "reject": "Reject", "none": "Clear"}
# The decision taken must stand out at a glance in light and dark palettes, not only by a bevel.
_CHECKED_STYLE = (
    "QPushButton:checked { background-color: palette(highlight); color: palette(highlighted-text);"
    " font-weight: bold; border: 1px solid palette(shadow); border-radius: 3px; padding: 4px 12px; }"
)
_AXIS_TITLES: dict[Axis, str] = {"management": "Management skill", "technical": "Technical depth"}
_EVIDENCE_ROLE = Qt.ItemDataRole.UserRole
# After an evidence label that rests on a word OCR read with low confidence.
OCR_UNSURE_MARK = "(OCR: check on the page)"


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)


def _evidence_item(evidence: Evidence, shown: Callable[[str], str]) -> QTreeWidgetItem:
    """One piece of evidence; `shown` hides in its words what blind review hides (a label may quote its line)."""
    label = shown(evidence.label) + (f" {OCR_UNSURE_MARK}" if evidence.ocr_unsure else "")
    item = QTreeWidgetItem([label, f"{evidence.points:+.0f}", str(evidence.span.page)])
    item.setData(0, _EVIDENCE_ROLE, evidence)
    tip = f"“{shown(evidence.span.text)}” ({evidence.span.section}, page {evidence.span.page})"
    if evidence.ocr_unsure:
        tip += "\nRead by OCR with low confidence: check it on the page."
    item.setToolTip(0, tip)
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def profile_html(candidate: Candidate, blind: BlindReview | None = None, same_person: str = "") -> str:
    """Contact, certifications with their status, degrees, years and jobs, as simple HTML that follows the palette.

    `same_person` names the other rows that seem to hold this person, as the list calls them; it stands for the
    engine's own warnings about them, which name files (hidden in blind review)."""
    contact = candidate.contact
    parts = [f"<p><b>{escape(same_person)}</b></p>"] if same_person else []
    parts.append("<h4>Contact</h4>")
    if blind is not None and blind.hides(candidate):
        parts.append(f"{escape(blind.name(candidate))}: {BLIND_CONTACT}")
    else:
        parts += [
            f"{escape(label)}: {escape(value)}<br>"
            for label, value in (("Email", contact.email), ("Phone", contact.phone))
            if value
        ]
        parts.append(f"File: {escape(candidate.file)}")
    if candidate.scores is None:  # nothing was read: no section to say "none found"
        return "".join(parts)
    parts.append("<h4>Certifications</h4>")
    parts.append(
        "<br>".join(
            f"{escape(c.name)} — <b>{c.status}</b> <i>({escape(c.matched_text)})</i>" for c in candidate.certifications
        )
        or "None found"
    )
    parts.append("<h4>Degrees</h4>")
    parts.append(
        "<br>".join(
            escape(degree_text(d)) + (" (in progress)" if d.status == "in_progress" else "") for d in candidate.degrees
        )
        or "None found"
    )
    parts.append("<h4>Experience</h4>")
    for label, years in (
        ("In total", candidate.years_experience),
        ("Managing", candidate.years_management),
        ("Technical", candidate.years_technical),
    ):
        if years is not None:
            parts.append(f"{label}: {years_text(years)} years<br>")
    parts += [
        f"{escape(job.title)}, {escape(job.employer)} ({job.start:%b %Y} – {job.end:%b %Y})<br>"
        for job in candidate.jobs
    ]
    notes = [w for w in candidate.warnings if not is_same_person_warning(w)]
    if notes:
        warnings = [blind.text(candidate, w) if blind else w for w in notes]
        parts.append("<h4>Notes from reading the file</h4>" + "<br>".join(escape(w) for w in warnings))
    return "".join(parts)


class DetailPane(QWidget):
    """Edits notes through the model, so the table, filters and export see them at once; decisions go through
    the window (`verdict_chosen`), which applies them to every selected row."""

    verdict_chosen = Signal(str)  # a Verdict
    note_edited = Signal(int, str)  # source row, the note as typed: the window saves it, undoably

    def __init__(self, model: CandidateTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._blind: BlindReview | None = None
        self._shown = QPersistentModelIndex()  # follows the candidate when the list is sorted
        self._several: list[QPersistentModelIndex] = []  # the rows selected, when more than one is
        self._title = QLabel()
        title_font = self._title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._title.setObjectName("Candidate name")
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._verdict_buttons = {verdict: self._verdict_button(verdict) for verdict in VERDICT_SHORTCUT_KEYS}
        self._note = QPlainTextEdit()
        self._note.setPlaceholderText("Note for this candidate (saved as you type)")
        self._note.setMaximumHeight(self._note.fontMetrics().lineSpacing() * 3 + 12)
        self._note.setTabChangesFocus(True)
        self._note.textChanged.connect(self._save_note)
        self._evidence = QTreeWidget()
        self._evidence.setHeaderLabels(["Evidence", "Points", "Page"])
        self._evidence.setUniformRowHeights(True)
        columns = self._evidence.header()
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._evidence.currentItemChanged.connect(self._evidence_chosen)
        self._profile = QTextBrowser()
        self._profile.setOpenLinks(False)
        self._page_view = PageView()
        self._tabs = QTabWidget()
        self._tabs.addTab(self._evidence, "Score breakdown")
        self._tabs.addTab(self._profile, "Profile")
        self._layout()
        model.dataChanged.connect(self._model_changed)
        self.show_row(-1)

    def _verdict_button(self, verdict: Verdict) -> QPushButton:
        button = QPushButton(_BUTTON_LABELS[verdict])
        button.setCheckable(verdict != "none")  # "Clear" takes the decision away; it is never the one taken
        action = "Clear the decision" if verdict == "none" else _BUTTON_LABELS[verdict]
        button.setToolTip(f"{action} (key {VERDICT_SHORTCUT_KEYS[verdict]} in the list)")
        button.setStyleSheet(_CHECKED_STYLE)
        button.clicked.connect(partial(self._verdict_clicked, verdict))
        return button

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in self._verdict_buttons.values():
            buttons.addWidget(button)
        buttons.addStretch()
        header = QWidget()
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addWidget(self._title)
        header_layout.addWidget(self._summary)
        header_layout.addLayout(buttons)
        header_layout.addWidget(self._note)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._tabs)
        splitter.addWidget(self._page_view)
        # The page is where a reviewer checks the evidence: two thirds of the height, kept when resized.
        splitter.setSizes([1000, 2000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)

    # What is shown ----------------------------------------------------------------------------------

    def page_view(self) -> PageView:
        return self._page_view

    def set_blind(self, blind: BlindReview) -> None:
        """Show candidates as blind review says; the window shows the row again when it changes."""
        self._blind = blind
        self._page_view.set_blind(blind)

    def title(self) -> QLabel:
        return self._title

    def summary(self) -> QLabel:
        return self._summary

    def profile(self) -> QTextBrowser:
        return self._profile

    def evidence_tree(self) -> QTreeWidget:
        return self._evidence

    def note_editor(self) -> QPlainTextEdit:
        return self._note

    def verdict_button(self, verdict: Verdict) -> QPushButton:
        return self._verdict_buttons[verdict]

    def current_row(self) -> int:
        """The source-model row of the candidate shown, or -1 (none, or several selected)."""
        return self._shown.row()

    def shown_rows(self) -> list[int]:
        """The source-model rows a decision button applies to."""
        if self._several:
            return [index.row() for index in self._several if index.isValid()]
        return [self.current_row()] if self.current_row() >= 0 else []

    def show_rows(self, source_rows: Sequence[int]) -> None:
        """One candidate in full; for several, how many are selected, with decision buttons for all of them."""
        if len(source_rows) < 2:
            row = source_rows[0] if source_rows else -1
            if self._several or row != self.current_row():  # selection and current row change together
                self.show_row(row)
            return
        self.show_row(-1)
        self._several = [QPersistentModelIndex(self._model.index(row, 0)) for row in source_rows]
        self._title.setText(f"{len(source_rows)} selected")
        self._summary.setText(f"A decision applies to all {len(source_rows)}; each keeps its own note.")
        for button in self._verdict_buttons.values():
            button.setEnabled(True)
        self._show_review()

    def show_row(self, source_row: int) -> None:
        """Show a candidate by source-model row; -1 clears the pane."""
        self._several = []
        self._shown = QPersistentModelIndex(self._model.index(source_row, 0))
        candidate = self._model.candidate(source_row) if source_row >= 0 else None
        for widget in (*self._verdict_buttons.values(), self._note):
            widget.setEnabled(candidate is not None)
        self._title.setText(self._model.name(source_row) if candidate else "No candidate selected")
        self._show_texts(candidate)
        self._fill_evidence(candidate)
        self._show_review()
        self._page_view.show_candidate(candidate)

    def _show_texts(self, candidate: Candidate | None) -> None:
        """The summary and the Profile tab, each naming the rows that seem to hold the same person."""
        same_person = sentence(self._model.possible_duplicates(self.current_row())) if candidate else ""
        self._summary.setText("\n".join(text for text in (self._summary_text(candidate), same_person) if text))
        self._summary.setToolTip(self._shown_text(candidate, gates_text(candidate)) if candidate is not None else "")
        self._profile.setHtml(profile_html(candidate, self._blind, same_person) if candidate else "")

    def _summary_text(self, candidate: Candidate | None) -> str:
        if candidate is None:
            return "Choose a row in the list or a point on the score map."
        if candidate.scores is None:
            return unreadable_text(candidate)
        scores = candidate.scores
        years = f", {years_text(candidate.years_experience)} years of experience" if candidate.years_experience else ""
        if years and (note := dated(candidate)):
            years += f" ({note})"
        summary = (
            f"{ROLE_FIT_LABELS[scores.role_fit]}: management {scores.management:.0f}, "
            f"technical {scores.technical:.0f}{years}"
        )
        fit = candidate.profile_fit
        if fit is None or not fit.gates:
            return summary
        # One line here; every gate with its evidence is in the tooltip, so the page keeps its height.
        return f"{summary}\nMust-haves for {fit.profile}: {gates_summary(fit.gates)}"

    def _fill_evidence(self, candidate: Candidate | None) -> None:
        self._evidence.clear()
        if candidate is None or candidate.scores is None:
            return
        scores = candidate.scores
        axis_totals: tuple[tuple[Axis, float], ...] = (
            ("management", scores.management),
            ("technical", scores.technical),
        )
        shown = partial(self._shown_text, candidate)
        for axis, total in axis_totals:
            items = [_evidence_item(e, shown) for e in scores.evidence if e.axis == axis]
            branch = QTreeWidgetItem([_AXIS_TITLES[axis], f"{total:.0f}", ""])
            branch.setIcon(0, _swatch(AXIS_COLOURS[axis]))
            branch.addChildren(items)
            self._evidence.addTopLevelItem(branch)
            branch.setExpanded(True)

    def _shown_text(self, candidate: Candidate, text: str) -> str:
        return self._blind.text(candidate, text) if self._blind is not None else text

    def _evidence_chosen(self, item: QTreeWidgetItem | None) -> None:
        evidence = item.data(0, _EVIDENCE_ROLE) if item is not None else None
        if isinstance(evidence, Evidence):
            self._page_view.show_evidence(evidence)

    # Reviews ----------------------------------------------------------------------------------------

    def _verdict_clicked(self, verdict: Verdict) -> None:
        self.verdict_chosen.emit(verdict)
        self._show_review()  # a click toggles the button; what the rows hold decides which one shows checked

    def _show_review(self) -> None:
        verdicts = {self._model.review(row).verdict for row in self.shown_rows()}
        taken = verdicts.pop() if len(verdicts) == 1 else "none"  # several rows decided differently: none
        for verdict, button in self._verdict_buttons.items():
            button.setChecked(verdict == taken and verdict != "none")
        row = self.current_row()
        review = self._model.review(row) if row >= 0 else Review()
        if self._note.toPlainText() != review.note:
            self._note.blockSignals(True)  # showing a saved note is not an edit
            self._note.setPlainText(review.note)
            self._note.blockSignals(False)

    def _save_note(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.note_edited.emit(row, self._note.toPlainText())

    def _model_changed(
        self, top_left: QModelIndex | QPersistentModelIndex, bottom_right: QModelIndex | QPersistentModelIndex
    ) -> None:
        shown = any(top_left.row() <= row <= bottom_right.row() for row in self.shown_rows())
        if shown and top_left.column() <= Column.DECISION <= bottom_right.column():
            self._show_review()
        if shown and top_left.column() <= Column.STATUS <= bottom_right.column() and not self._several:
            self._show_texts(self._model.candidate(self.current_row()))  # another file of this person arrived
