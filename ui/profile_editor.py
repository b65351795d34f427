"""Edits one role profile: its name, the opening it ranks for, its must-haves and its nice-to-haves.

Each row reads as a sentence ("At least [3] years in technical roles") with a drop-down or a spin box for
its value. A must-have row ticked "or" joins the row above it into one gate met by either ("A or B"). The
editor builds the profile's JSON shape and validates it with the engine.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screener.errors import ScreenerError
from screener.models import DegreeLevel
from screener.profiles import KIND_FIELD, ProfileError, Requirement, RequirementKind, RoleProfile, parse_profile

# Each kind as the start of a sentence its value completes.
KIND_SENTENCES: dict[RequirementKind, str] = {
    "held_pm_certification": "Holds a project-management certification",
    "held_certification": "Holds the certification …",
    "degree_min_level": "Degree of at least …",
    "technical_degree_min_level": "Technical degree of at least …",
    "years_total_min": "At least … years of experience",
    "years_management_min": "At least … years managing",
    "years_technical_min": "At least … years in technical roles",
    "keyword": "Mentions …",
}
# Lowest first, as a reader expects a scale.
LEVEL_LABELS: dict[DegreeLevel, str] = {
    "other": "any degree",
    "associate": "associate's",
    "bachelor": "bachelor's",
    "master": "master's",
    "mba": "MBA",
    "phd": "PhD",
}
# What a row says when its text value is missing.
_MISSING_TEXT = {"certification": "type a certification id (pmp, ccna, …)", "keyword": "type the words to look for"}
_ROLE_LABELS = {"tpm": "Technical project manager", "pm": "Project manager"}
_NEW_ROW = Requirement("held_pm_certification", weight=5.0)
_NEW_YEARS = 3.0
ERROR_STYLE = "color: #b00020;"


def _spin_box(maximum: float, value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setDecimals(1)
    spin.setValue(value)
    return spin


def _value_widget(requirement: Requirement, fresh: bool) -> QWidget:
    """A spin box for years, a drop-down for a degree level, a line for a certification or keyword.

    A `fresh` row (its kind just chosen) starts with no level, so the user picks one rather than keeps ours.
    """
    field_name = KIND_FIELD[requirement.kind]
    if field_name == "years":
        return _spin_box(60.0, _NEW_YEARS if fresh else requirement.years)
    if field_name == "level":
        levels = QComboBox()
        levels.setPlaceholderText("choose a level")
        for level, label in LEVEL_LABELS.items():
            levels.addItem(label, level)
        levels.setCurrentIndex(-1 if fresh else levels.findData(requirement.level))
        return levels
    if field_name in _MISSING_TEXT:
        return QLineEdit("" if fresh else str(getattr(requirement, field_name)))
    return QLabel()  # the kind says it all


class RequirementTable(QTableWidget):
    """Rows of requirements: an "or" tick, the sentence, its value and, for nice-to-haves, a weight."""

    OR, KIND, VALUE, WEIGHT = range(4)

    def __init__(self, title: str, nice_to_haves: bool, parent: QWidget | None = None) -> None:
        self.title = title
        self._nice = nice_to_haves
        headers = ["Or", "Requirement", "Value", "Weight"] if nice_to_haves else ["Or", "Requirement", "Value"]
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def add_requirement(self, requirement: Requirement, joins_above: bool = False, weight: float = 0.0) -> int:
        row = self.rowCount()
        self.insertRow(row)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        tick.setCheckState(Qt.CheckState.Checked if joins_above else Qt.CheckState.Unchecked)
        tick.setToolTip("Met together with the row above: either one is enough")
        self.setItem(row, self.OR, tick)
        kind = QComboBox()
        for key, sentence in KIND_SENTENCES.items():
            kind.addItem(sentence, key)
        kind.setCurrentIndex(kind.findData(requirement.kind))
        kind.currentIndexChanged.connect(lambda: self._kind_changed(kind))
        self.setCellWidget(row, self.KIND, kind)
        self.setCellWidget(row, self.VALUE, _value_widget(requirement, fresh=False))
        if self._nice:
            self.setCellWidget(row, self.WEIGHT, _spin_box(100.0, weight))
        return row

    def add_new(self) -> None:
        """A new row, selected and scrolled into view so the user sees where it went."""
        row = self.add_requirement(_NEW_ROW, weight=_NEW_ROW.weight)
        self.selectRow(row)
        self.scrollTo(self.model().index(row, self.KIND))
        self.cellWidget(row, self.KIND).setFocus()

    def _kind_changed(self, kind: QComboBox) -> None:
        row = next(r for r in range(self.rowCount()) if self.cellWidget(r, self.KIND) is kind)
        self.setCellWidget(row, self.VALUE, _value_widget(Requirement(kind.currentData()), fresh=True))

    def set_requirements(self, requirements: tuple[Requirement, ...]) -> None:
        self.setRowCount(0)
        for requirement in requirements:
            options = requirement.any_of if requirement.kind == "any_of" else (requirement,)
            for index, option in enumerate(options):
                self.add_requirement(option, joins_above=index > 0, weight=requirement.weight)

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def kind_box(self, row: int) -> QComboBox:
        box = self.cellWidget(row, self.KIND)
        assert isinstance(box, QComboBox)
        return box

    def set_kind(self, row: int, kind: RequirementKind) -> None:
        self.kind_box(row).setCurrentIndex(self.kind_box(row).findData(kind))

    def value_widget(self, row: int) -> QWidget:
        return self.cellWidget(row, self.VALUE)

    def _problem(self, row: int, what: str) -> ProfileError:
        self.selectRow(row)
        return ProfileError(f"Row {row + 1}: {what} ({self.title.lower()})")

    def _row_data(self, row: int) -> dict[str, Any]:
        """The row in the profile's JSON shape; raises ProfileError naming the row when its value is missing."""
        kind: RequirementKind = self.kind_box(row).currentData()
        entry: dict[str, Any] = {"kind": kind}
        field_name = KIND_FIELD[kind]
        value = self.value_widget(row)
        if isinstance(value, QDoubleSpinBox) and field_name is not None:
            entry[field_name] = value.value()
        elif isinstance(value, QComboBox) and field_name is not None:
            if value.currentIndex() < 0:
                raise self._problem(row, "choose a degree level")
            entry[field_name] = value.currentData()
        elif isinstance(value, QLineEdit) and field_name is not None:
            if not value.text().strip():
                raise self._problem(row, _MISSING_TEXT[field_name])
            entry[field_name] = value.text().strip()
        return entry

    def _joins_above(self, row: int) -> bool:
        tick = self.item(row, self.OR)
        return row > 0 and tick is not None and tick.checkState() == Qt.CheckState.Checked

    def _weight(self, row: int) -> float:
        spin = self.cellWidget(row, self.WEIGHT)
        assert isinstance(spin, QDoubleSpinBox)
        return spin.value()

    def entries(self) -> list[dict[str, Any]]:
        """The rows in the profile's JSON shape; rows ticked "or" join the row above in one requirement."""
        groups: list[tuple[int, list[dict[str, Any]]]] = []
        for row in range(self.rowCount()):
            if self._joins_above(row):
                groups[-1][1].append(self._row_data(row))
            else:
                groups.append((row, [self._row_data(row)]))
        entries = []
        for first_row, group in groups:
            entry: dict[str, Any] = group[0] if len(group) == 1 else {"kind": "any_of", "any_of": group}
            if self._nice:
                entry["weight"] = self._weight(first_row)  # an "or" group weighs what its first row says
            entries.append(entry)
        return entries


class ProfileEditor(QDialog):
    """OK keeps the dialog open with the problem named until the profile validates."""

    def __init__(self, profile: RoleProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit profile – {profile.name}")
        self._profile = profile
        self.name_edit = QLineEdit(profile.name)
        self.role_box = QComboBox()
        for role, label in _ROLE_LABELS.items():
            self.role_box.addItem(label, role)
        self.role_box.setCurrentIndex(self.role_box.findData(profile.role))
        self.must_haves = RequirementTable("Must-haves", nice_to_haves=False)
        self.must_haves.set_requirements(profile.must_haves)
        self.nice_to_haves = RequirementTable("Nice-to-haves", nice_to_haves=True)
        self.nice_to_haves.set_requirements(profile.nice_to_haves)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self._layout()

    def _table_with_buttons(self, table: RequirementTable, hint: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{table.title}</b> — {hint}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(table)
        buttons = QHBoxLayout()
        add = QPushButton("Add")
        add.setObjectName(f"Add to {table.title.lower()}")
        add.clicked.connect(table.add_new)
        remove = QPushButton("Remove")
        remove.clicked.connect(table.remove_selected)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout.addLayout(buttons)
        return box

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Ranks for", self.role_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._table_with_buttons(self.must_haves, "gates: met, not met or unknown; never points"))
        layout.addWidget(self._table_with_buttons(self.nice_to_haves, "each one met adds its weight to the ranking"))
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(680, 560)

    def edited_profile(self) -> RoleProfile:
        """The profile as edited; raises ProfileError saying what to fix, and where, when it is not valid."""
        if not self.name_edit.text().strip():
            raise ProfileError("Give the profile a name.")
        data = {
            "schema_version": self._profile.schema_version,
            "name": self.name_edit.text(),
            "role": self.role_box.currentData(),
            "must_haves": self.must_haves.entries(),
            "nice_to_haves": self.nice_to_haves.entries(),
        }
        return parse_profile(data, "this profile")

    def accept(self) -> None:
        try:
            self._profile = self.edited_profile()
        except ScreenerError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()

    def profile(self) -> RoleProfile:
        return self._profile
