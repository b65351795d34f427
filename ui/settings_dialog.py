"""The Settings dialog: certifications, keyword lists, thresholds and points, and the role profiles.

OK validates everything with the engine and saves it; a problem is shown in the dialog, naming the entry
and field, and nothing is saved until it is fixed. Cancel discards every change.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screener.catalogue import Catalogue, catalogue_to_dict, load_catalogue, parse_catalogue
from screener.errors import ScreenerError
from screener.profiles import RoleProfile, default_profiles, load_profile, save_profile
from screener.user_settings import UserSettings, parse_user_settings, save_user_settings, user_settings_to_dict

from .errors import show_exception
from .profile_editor import ERROR_STYLE, ProfileEditor

_CERT_HEADERS = ("ID", "Name", "Category", "Weight", "Acronyms", "Phrases")
_KEYWORD_HEADERS = ("Axis", "Topic", "Terms")
_SEPARATOR = ", "
_ACTIVE_SUFFIX = "  (ranks the list)"
# The points a reviewer may weigh differently, by their key in the catalogue's scoring.points.
_POINTS = {
    "management_year": "Points per year running projects",
    "people_management_year": "Points per year managing people or operations",
    "recent_project_role": "Points for a recent project role",
    "project_line": "Points per line of project work",
    "technical_year": "Points per year in technical roles",
}


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _number_or_text(text: str) -> float | str:
    """A number when it reads as one; otherwise the text, which the catalogue check then names."""
    try:
        return float(text)
    except ValueError:
        return text


def _table(headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item else ""


def _spin(value: float, maximum: float, step: float = 1.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setSingleStep(step)
    spin.setDecimals(1)
    spin.setValue(value)
    return spin


def _retention_spin(days: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 36500)
    spin.setSuffix(" days ago")
    spin.setSpecialValueText("Off: keep candidates")
    spin.setValue(days or 0)
    return spin


class SettingsDialog(QDialog):
    """Edits a copy of the user's settings; `settings_saved` carries them once they validated and were saved."""

    settings_saved = Signal(object)  # UserSettings

    def __init__(self, settings: UserSettings, parent: QWidget | None = None, save_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._save_path = save_path
        self._settings = settings  # what the dialog does not show is kept as it was
        self._base = settings.effective_catalogue()
        self._profiles = list(settings.profiles)
        self._active = settings.active_profile
        self.certifications = _table(_CERT_HEADERS)
        self.keywords = _table(_KEYWORD_HEADERS)
        self.technical_skills = QLineEdit()
        self.thresholds = {axis: _spin(0, 100) for axis in ("management", "technical")}
        self.points = {key: _spin(0, 30, 0.5) for key in _POINTS}
        self.profile_list = QListWidget()
        self.retention = _retention_spin(settings.retention_days)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.tabs = QTabWidget()
        self._fill_catalogue(self._base)
        self._fill_profiles()
        self._layout()

    # Filling the widgets ---------------------------------------------------------------------------

    def _fill_catalogue(self, catalogue: Catalogue) -> None:
        self._base = catalogue
        self.certifications.setRowCount(0)
        for cert in catalogue.certifications:
            texts = (
                cert.id,
                cert.name,
                cert.category,
                f"{cert.weight:g}",
                _SEPARATOR.join(cert.acronyms),
                _SEPARATOR.join(cert.phrases),
            )
            self._add_row(self.certifications, texts)
        self.keywords.setRowCount(0)
        for axis, topics in (
            ("management", catalogue.management_keywords),
            ("technical", catalogue.technical_keywords),
        ):
            for topic, terms in topics.items():
                self._add_row(self.keywords, (axis, topic, _SEPARATOR.join(terms)))
        self.technical_skills.setText(_SEPARATOR.join(catalogue.technical_skills))
        for axis, spin in self.thresholds.items():
            spin.setValue(float(catalogue.scoring.thresholds[axis]))
        for key, spin in self.points.items():
            spin.setValue(float(catalogue.scoring.points.get(key, 0.0)))

    @staticmethod
    def _add_row(table: QTableWidget, texts: tuple[str, ...]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))

    def _fill_profiles(self) -> None:
        current = self.profile_list.currentRow()
        self.profile_list.clear()
        for profile in self._profiles:
            active = profile.name == self._active
            item = QListWidgetItem(profile.name + (_ACTIVE_SUFFIX if active else ""))
            if active:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.profile_list.addItem(item)
        self.profile_list.setCurrentRow(min(max(current, 0), len(self._profiles) - 1))

    # Layout ----------------------------------------------------------------------------------------

    def _buttons(self, *buttons: tuple[str, Any]) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        return row

    def _page(self, *parts: QWidget | QHBoxLayout | QFormLayout) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        return page

    def _layout(self) -> None:
        cert_hint = QLabel("Aliases are comma-separated. Category: management, agile or technical. Weight: 0–100.")
        certificates = self._page(
            cert_hint,
            self.certifications,
            self._buttons(("Add", self._add_certification), ("Remove", self._remove_certifications)),
        )
        skills = QFormLayout()
        skills.addRow("Technical skills", self.technical_skills)
        keywords = self._page(QLabel("Terms are comma-separated; each topic counts once."), self.keywords, skills)
        scoring = QFormLayout()
        scoring.addRow("Management threshold (role fit)", self.thresholds["management"])
        scoring.addRow("Technical threshold (role fit)", self.thresholds["technical"])
        for key, label in _POINTS.items():
            scoring.addRow(label, self.points[key])
        profiles = self._page(
            QLabel("The profile that ranks the list is in bold. Years required are set in each profile."),
            self.profile_list,
            self._buttons(
                ("New", self._new_profile),
                ("Duplicate", self._duplicate_profile),
                ("Edit…", self.edit_profile),
                ("Delete", self._delete_profile),
                ("Rank by this", self._activate_profile),
            ),
            self._buttons(("Import…", self._import_profile), ("Export…", self._export_profile)),
        )
        self.profile_list.itemDoubleClicked.connect(lambda _item: self.edit_profile())
        self.tabs.addTab(certificates, "Certifications")
        self.tabs.addTab(keywords, "Keywords")
        self.tabs.addTab(self._page(scoring), "Scoring")
        self.tabs.addTab(profiles, "Profiles")
        self.tabs.addTab(self._privacy_page(), "Privacy")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        reset = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        reset.setText("Reset to defaults")
        reset.clicked.connect(self.reset_to_defaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(860, 600)

    def _privacy_page(self) -> QWidget:
        retention = QFormLayout()
        retention.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        retention.addRow("Remove candidates screened more than", self.retention)
        hint = QLabel(
            "When a session opens, you are asked to remove the candidates screened longer ago, with their "
            "decisions and notes. Off keeps everyone until you remove them."
        )
        hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(retention)
        layout.addWidget(hint)
        layout.addStretch()
        return page

    # Catalogue -------------------------------------------------------------------------------------

    def _add_certification(self) -> None:
        self._add_row(self.certifications, ("new_certification", "New certification", "management", "10", "", ""))
        self.certifications.scrollToBottom()

    def _remove_certifications(self) -> None:
        for row in sorted({i.row() for i in self.certifications.selectedIndexes()}, reverse=True):
            self.certifications.removeRow(row)

    def _certification_entries(self) -> list[dict[str, Any]]:
        known = {entry["id"]: entry for entry in catalogue_to_dict(self._base)["certifications"]}
        entries = []
        for row in range(self.certifications.rowCount()):
            cert_id, name, category, weight, acronyms, phrases = (
                _cell_text(self.certifications, row, column) for column in range(len(_CERT_HEADERS))
            )
            entry = dict(known.get(cert_id, {"issuer": ""}))  # issuer and not_when are kept as they were
            entry.update(id=cert_id, name=name, category=category, weight=_number_or_text(weight))
            for key, text in (("acronyms", acronyms), ("phrases", phrases)):
                entry.pop(key, None)
                if _split(text):
                    entry[key] = _split(text)
            entries.append(entry)
        return entries

    def _keyword_tables(self) -> dict[str, dict[str, list[str]]]:
        tables: dict[str, dict[str, list[str]]] = {"management": {}, "technical": {}}
        for row in range(self.keywords.rowCount()):
            axis, topic, terms = (_cell_text(self.keywords, row, column) for column in range(3))
            tables.setdefault(axis, {})[topic] = _split(terms)
        return tables

    def edited_catalogue(self) -> Catalogue:
        """The catalogue as edited; raises CatalogueError naming the entry and field when it is not valid."""
        data = catalogue_to_dict(self._base)
        data["certifications"] = self._certification_entries()
        data["keywords"].update(self._keyword_tables())
        data["keywords"]["technical_skills"] = _split(self.technical_skills.text())
        data["scoring"]["thresholds"] = {axis: spin.value() for axis, spin in self.thresholds.items()}
        data["scoring"]["points"].update({key: spin.value() for key, spin in self.points.items()})
        return parse_catalogue(data, "settings")

    # Profiles --------------------------------------------------------------------------------------

    def profiles(self) -> tuple[RoleProfile, ...]:
        return tuple(self._profiles)

    def active_profile(self) -> str:
        return self._active

    def _selected(self) -> int:
        return self.profile_list.currentRow()

    def _unique_name(self, name: str) -> str:
        taken = {p.name for p in self._profiles}
        candidate, number = name, 2
        while candidate in taken:
            candidate, number = f"{name} ({number})", number + 1
        return candidate

    def _add_profile(self, profile: RoleProfile) -> None:
        self._profiles.append(dataclasses.replace(profile, name=self._unique_name(profile.name)))
        self._fill_profiles()
        self.profile_list.setCurrentRow(len(self._profiles) - 1)

    def _new_profile(self) -> None:
        self._add_profile(RoleProfile("New profile", "pm", ()))
        self.edit_profile()

    def _duplicate_profile(self) -> None:
        if self._selected() >= 0:
            self._add_profile(self._profiles[self._selected()])

    def edit_profile(self) -> None:
        row = self._selected()
        if row < 0:
            return
        editor = ProfileEditor(self._profiles[row], self)
        if editor.exec() != QDialog.DialogCode.Accepted:
            return
        edited = editor.profile()
        old_name = self._profiles[row].name
        if edited.name != old_name and edited.name in {p.name for p in self._profiles}:
            edited = dataclasses.replace(edited, name=self._unique_name(edited.name))
        self._profiles[row] = edited
        if self._active == old_name:
            self._active = edited.name
        self._fill_profiles()

    def _delete_profile(self) -> None:
        row = self._selected()
        if row < 0:
            return
        removed = self._profiles.pop(row)
        if removed.name == self._active:
            self._active = ""
        self._fill_profiles()

    def _activate_profile(self) -> None:
        if self._selected() >= 0:
            self._active = self._profiles[self._selected()].name
            self._fill_profiles()

    def _import_profile(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a profile", "", "Profiles (*.json);;All files (*)")
        if name:
            self.import_profile(Path(name))

    def import_profile(self, path: Path) -> None:
        try:
            self._add_profile(load_profile(path))
        except ScreenerError as exc:
            show_exception(self, exc)

    def _export_profile(self) -> None:
        row = self._selected()
        if row < 0:
            return
        suggested = f"{self._profiles[row].name}.json"
        name, _ = QFileDialog.getSaveFileName(self, "Export the profile", suggested, "Profiles (*.json)")
        if name:
            self.export_profile(Path(name))

    def export_profile(self, path: Path) -> None:
        try:
            save_profile(self._profiles[self._selected()], path)
        except ScreenerError as exc:
            show_exception(self, exc)

    # Saving ----------------------------------------------------------------------------------------

    def reset_to_defaults(self) -> None:
        """The shipped catalogue and profiles in the dialog; saved only with OK."""
        self._fill_catalogue(load_catalogue())
        self._profiles = list(default_profiles())
        self._active = UserSettings().active_profile
        self._fill_profiles()
        self.error_label.clear()

    def edited_settings(self) -> UserSettings:
        """Everything as edited, validated; a catalogue equal to the shipped one is not kept as a copy."""
        edited = self.edited_catalogue()
        shipped = catalogue_to_dict(edited) == catalogue_to_dict(load_catalogue())
        settings = dataclasses.replace(
            self._settings,
            catalogue=None if shipped else edited,
            profiles=tuple(self._profiles),
            active_profile=self._active,
            retention_days=self.retention.value() or None,
        )
        return parse_user_settings(user_settings_to_dict(settings), "settings")

    def accept(self) -> None:
        try:
            settings = self.edited_settings()
            save_user_settings(settings, self._save_path)
        except ScreenerError as exc:
            self.error_label.setText(str(exc))
            return
        self.error_label.clear()
        super().accept()
        self.settings_saved.emit(settings)
