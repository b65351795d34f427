"""The export dialog and its rows: the candidates shown (or all), in the list's order, with reviews."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from screener.blind import scrub
from screener.decision_log import candidate_label
from screener.export import ReportRow, blind_report_row, report_rows
from screener.models import Candidate

from .blind import BlindReview
from .candidate_proxy import CandidateProxyModel
from .decisions import VERDICT_LABELS

# The suffix of each format and the file dialog filter that goes with it; the first is proposed.
EXPORT_FORMATS = {
    ".xlsx": "Excel workbook (*.xlsx)",
    ".csv": "CSV, for any spreadsheet (*.csv)",
    ".json": "JSON, for other programs (*.json)",
}
_PROPOSED_STEM = "candidates"


def view_rows(proxy: CandidateProxyModel, everyone: bool = False, blind: BlindReview | None = None) -> list[ReportRow]:
    """The rows with each reviewer's decision and note, in the order the list shows them.

    `everyone` takes the rows the filter hides too; sorting happens in the source model, so its order is the
    list's order. With blind review on, every row is blind (revealed candidates too): numbered, no identity.
    """
    model = proxy.candidate_model()
    source_rows: Sequence[int] = (
        range(model.rowCount()) if everyone else [proxy.source_row(row) for row in range(proxy.rowCount())]
    )
    reviews = [model.review(row) for row in source_rows]
    candidates = [model.candidate(row) for row in source_rows]
    rows = report_rows(
        (candidate, VERDICT_LABELS[review.verdict], review.note)
        for candidate, review in zip(candidates, reviews, strict=True)
    )
    # The other rows of the same person are named as the file names them: by number in a blind list.
    name: Callable[[Candidate], str] = candidate_label
    if blind is not None and blind.is_on():
        rows = [
            blind_report_row(row, blind.blind_label(candidate), scrub(candidate.error or "", candidate))
            for row, candidate in zip(rows, candidates, strict=True)
        ]
        name = blind.blind_label
    for row, source_row in zip(rows, source_rows, strict=True):
        row["error"] = "; ".join(str(p) for p in (row["error"], model.possible_duplicates(source_row, name)) if p)
    return rows


def candidates_text(count: int) -> str:
    return f"{count} candidate{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    everyone: bool  # the rows the filter hides too
    include_contact: bool


class ExportDialog(QDialog):
    """Which candidates, which format, which file and whether contact details go with them."""

    def __init__(
        self, shown: int, total: int, folder: Path, parent: QWidget | None = None, blind: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the list")
        filtered = shown != total
        self.shown_button = QRadioButton(
            f"{shown} of {candidates_text(total)} (the filtered list)" if filtered else f"All {candidates_text(total)}"
        )
        self.shown_button.setChecked(True)
        self.all_button = QRadioButton(f"All {candidates_text(total)}")
        self.all_button.setVisible(filtered)
        self.format_box = QComboBox()
        for suffix, label in EXPORT_FORMATS.items():
            self.format_box.addItem(label.replace("*", ""), suffix)
        self.path_edit = QLineEdit(str(folder / f"{_PROPOSED_STEM}{self.suffix()}"))
        self.contact_box = QCheckBox("Include contact details (email, phone)")
        self.contact_box.setChecked(not blind)
        # In blind review there is no choice to offer, only what the file leaves out (it numbers the candidates).
        self.contact_box.setVisible(not blind)
        self.blind_note = QLabel("Blind review: names, contact details and file names are left out.")
        self.blind_note.setVisible(blind)
        self._confirmed: Path | None = None  # a file the save dialog already asked to replace
        self.format_box.currentIndexChanged.connect(self._follow_format)
        self._layout()

    def _layout(self) -> None:
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        scope = QVBoxLayout()
        scope.addWidget(self.shown_button)
        scope.addWidget(self.all_button)
        form = QFormLayout()
        form.addRow("Candidates", scope)
        form.addRow("Format", self.format_box)
        form.addRow("File", file_row)
        form.addRow("", self.contact_box)
        form.addRow("", self.blind_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def suffix(self) -> str:
        return str(self.format_box.currentData())

    def path(self) -> Path:
        """The file named, ending in the chosen format's suffix."""
        path = Path(self.path_edit.text().strip() or _PROPOSED_STEM)
        return path if path.suffix.lower() == self.suffix() else path.with_name(path.stem + self.suffix())

    def _follow_format(self) -> None:
        # The proposed name keeps up with the format, so "candidates.xlsx" never ends up holding CSV.
        path = Path(self.path_edit.text().strip() or _PROPOSED_STEM)
        stem = path.stem if path.suffix.lower() in EXPORT_FORMATS else path.name
        self.path_edit.setText(str(path.with_name(stem + self.suffix())))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the list", str(self.path()), EXPORT_FORMATS[self.suffix()])
        if name:
            self.path_edit.setText(name)
            self._confirmed = self.path()

    def choose(self, choice: ExportChoice) -> None:
        """Set the dialog as `choice` was made: the same candidates, format, file and contact details."""
        self.format_box.setCurrentIndex(max(self.format_box.findData(choice.path.suffix.lower()), 0))
        self.path_edit.setText(str(choice.path))
        self.all_button.setChecked(choice.everyone and self.all_button.isVisibleTo(self))
        if self.contact_box.isVisibleTo(self):
            self.contact_box.setChecked(choice.include_contact)

    def choice(self) -> ExportChoice:
        return ExportChoice(self.path(), self.all_button.isChecked(), self.contact_box.isChecked())

    def accept(self) -> None:
        path = self.path()
        if path.exists() and path != self._confirmed:
            answer = QMessageBox.question(self, "Export the list", f"{path.name} already exists. Replace it?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()
