"""Edits one role profile: its name, the opening it ranks for, its must-haves and its nice-to-haves.

A must-have row ticked "or" joins the row above it into one gate met by either ("A or B"). The editor
builds the profile's JSON shape and validates it with the engine, so a message names the row and field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from screener.profiles import KIND_FIELD, REQUIREMENT_KINDS, Requirement, RoleProfile, parse_profile

_ROW_KINDS = [kind for kind in REQUIREMENT_KINDS if kind != "any_of"]
_ROLE_LABELS = {"tpm": "Technical project manager", "pm": "Project manager"}
ERROR_STYLE = "color: #b00020;"


def _value_text(requirement: Requirement) -> str:
    field_name = KIND_FIELD[requirement.kind]
    if field_name is None:
        return ""
    return f"{requirement.years:g}" if field_name == "years" else str(getattr(requirement, field_name))


def _typed_value(text: str) -> float | str:
    """Years are numbers; anything that does not read as one is passed on for the engine to name."""
    try:
        return float(text)
    except ValueError:
        return text


class RequirementTable(QTableWidget):
    """Rows of requirements: an "or" tick, a kind, a value and, for nice-to-haves, a weight."""

    OR, KIND, VALUE, WEIGHT = range(4)

    def __init__(self, nice_to_haves: bool, parent: QWidget | None = None) -> None:
        self._nice = nice_to_haves
        headers = ["Or", "Kind", "Value", "Weight"] if nice_to_haves else ["Or", "Kind", "Value"]
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def add_requirement(self, requirement: Requirement, joins_above: bool = False, weight: float = 0.0) -> None:
        row = self.rowCount()
        self.insertRow(row)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        tick.setCheckState(Qt.CheckState.Checked if joins_above else Qt.CheckState.Unchecked)
        tick.setToolTip("Met together with the row above: either one is enough")
        self.setItem(row, self.OR, tick)
        kind = QComboBox()
        kind.addItems(_ROW_KINDS)
        kind.setCurrentText(requirement.kind)
        self.setCellWidget(row, self.KIND, kind)
        self.setItem(row, self.VALUE, QTableWidgetItem(_value_text(requirement)))
        if self._nice:
            self.setItem(row, self.WEIGHT, QTableWidgetItem("" if joins_above else f"{weight:g}"))

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

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item else ""

    def _row_data(self, row: int) -> dict[str, Any]:
        kind = self.kind_box(row).currentText()
        entry: dict[str, Any] = {"kind": kind}
        field_name = KIND_FIELD[kind]  # type: ignore[index]
        text = self._text(row, self.VALUE)
        if field_name is not None:
            entry[field_name] = _typed_value(text) if field_name == "years" else text
        return entry

    def _joins_above(self, row: int) -> bool:
        tick = self.item(row, self.OR)
        return row > 0 and tick is not None and tick.checkState() == Qt.CheckState.Checked

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
                entry["weight"] = _typed_value(self._text(first_row, self.WEIGHT))
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
        self.must_haves = RequirementTable(nice_to_haves=False)
        self.must_haves.set_requirements(profile.must_haves)
        self.nice_to_haves = RequirementTable(nice_to_haves=True)
        self.nice_to_haves.set_requirements(profile.nice_to_haves)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self._layout()

    def _table_with_buttons(self, table: RequirementTable, title: str, hint: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b> — {hint}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(table)
        buttons = QHBoxLayout()
        add = QPushButton("Add")
        add.clicked.connect(lambda: table.add_requirement(Requirement("held_pm_certification", weight=5.0)))
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
        values = QLabel(
            "Values: a certification id (pmp, ccna, …) for held_certification; a degree level (associate, "
            "bachelor, master, mba, phd) for the degree kinds; years for the years kinds; a word or phrase for keyword."
        )
        values.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            self._table_with_buttons(self.must_haves, "Must-haves", "gates: pass, fail or unknown; never points")
        )
        layout.addWidget(
            self._table_with_buttons(self.nice_to_haves, "Nice-to-haves", "each one met adds its weight to the ranking")
        )
        layout.addWidget(values)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def edited_profile(self) -> RoleProfile:
        """The profile as edited; raises ProfileError naming the entry and field when it is not valid."""
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
